import { css, html, type CSSResult, type TemplateResult } from 'lit';
import { fail, type Parser } from '../runtime/config/index.js';

/**
 * What every modal of the kit (the lead form, consent preferences) shares: its styles, the skeleton a dialog shows
 * while its form is on its way, and the parser of the word lists their attributes hold (`fields`,
 * `required-fields`, `categories`). It is a small lazy chunk of its own, adopted into an element's shadow root by
 * the first dialog it opens (the lead button fetches it beside its form), so the initial download carries none of
 * it. All of it stays in this one module: the core imports it dynamically, and a chunk of two modules would reach
 * it through the bundler's namespace helper, which walks for…in and throws under a polluted Object.prototype (the
 * hostile-host suite's Prototype.js host). That is why `words` is here and not with the other parsers
 * (runtime/config/validate.ts), whose module is in the initial download.
 * Every rule is scoped to the dialog: the same shadow root holds the consent banner, whose heading and actions
 * must not change when the dialog's styles arrive.
 */
export const dialogStyles = css`
  dialog {
    /* Inside the visible viewport on any page and phone: dynamic viewport units (the browser's bars come and go),
       less the safe areas of notched screens; vw/vh where dvw/dvh are unknown. */
    width: min(560px, calc(100vw - 32px));
    width: min(560px, calc(100dvw - 32px - env(safe-area-inset-left, 0px) - env(safe-area-inset-right, 0px)));
    max-width: none;
    max-height: calc(100vh - 32px);
    max-height: calc(100dvh - 32px - env(safe-area-inset-top, 0px) - env(safe-area-inset-bottom, 0px));
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0;
    border: 1px solid var(--gk-border);
    border-radius: calc(var(--gk-radius) * 2);
    background: var(--gk-surface);
    color: var(--gk-text);
    box-shadow: 0 16px 48px rgba(0, 0, 0, 0.25);
  }
  dialog[open] {
    display: block;
  }
  dialog::backdrop {
    background: rgba(20, 20, 30, 0.55);
  }
  dialog .body {
    padding: 24px;
  }
  dialog h2 {
    margin: 0 0 4px;
    font-size: 22px;
    line-height: 1.3;
  }
  dialog .intro {
    margin: 0 0 16px;
    color: var(--gk-muted);
  }
  /* The actions are a sticky footer of the scrolling dialog: Cancel and Submit stay on screen whatever the form's
     length, its errors or the fields it shows. */
  dialog .actions {
    position: sticky;
    bottom: 0;
    display: flex;
    gap: 12px;
    justify-content: flex-end;
    flex-wrap: wrap;
    margin: 20px -24px -24px;
    padding: 12px 24px 24px;
    border-top: 1px solid var(--gk-border);
    background: var(--gk-surface);
  }
  /* The dialog itself takes focus while its content has no control (the skeleton); it is no control to ring. */
  dialog:focus {
    outline: none;
  }
  /* The skeleton: bars where the heading, the intro, the fields and the actions will be, laid out as the lead form
     (two fields, one wide, two, then wide ones, the last a comment box), so the dialog barely moves when the form
     replaces it. It pulses, unless the visitor asked for reduced motion. */
  dialog .skeleton {
    animation: gk-pulse 0.8s ease-in-out infinite alternate;
  }
  dialog .skeleton :is(h2, p, i, b) {
    display: block;
    border-radius: var(--gk-radius);
    background: var(--gk-subtle);
  }
  dialog .skeleton h2 {
    width: 55%;
    height: 29px;
    margin-bottom: 8px;
  }
  dialog .skeleton p {
    width: 85%;
    height: 16px;
  }
  dialog .skeleton div {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 41px 16px;
    padding-top: 25px;
  }
  dialog .skeleton i {
    position: relative;
    height: 44px;
  }
  dialog .skeleton i:nth-child(3),
  dialog .skeleton i:nth-child(n + 6) {
    grid-column: 1 / -1;
  }
  dialog .skeleton i:last-child {
    height: 80px;
  }
  dialog .skeleton i::before {
    content: '';
    position: absolute;
    top: -25px;
    width: 40%;
    height: 14px;
    border-radius: inherit;
    background: inherit;
  }
  dialog .skeleton b {
    width: 120px;
    height: 42px;
  }
  @keyframes gk-pulse {
    to {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    dialog .skeleton {
      animation: none;
    }
  }
`;

/**
 * The skeleton of the form of the dialog in `root`, with the dialog's styles adopted into `root`. Its visually hidden
 * heading, `label` under the id the dialog's aria-labelledby names, names the dialog until the form's own heading
 * takes that id over; the body is busy meanwhile.
 */
export function skeleton(root: ShadowRoot, label: string): TemplateResult {
  adoptStyles(root, dialogStyles);
  return html`<div class="body skeleton" aria-busy="true">
    <h2 id=${root.querySelector('dialog')!.getAttribute('aria-labelledby')}><span class="gk-visually-hidden">${label}</span></h2>
    <p class="intro"></p>
    <div>${[...'12345678'].map(() => html`<i></i>`)}</div>
    <span class="actions"><b></b><b></b></span>
  </div>`;
}

/** Adds style sheets to a shadow root once, after the element's own. */
export function adoptStyles(root: ShadowRoot, ...styles: CSSResult[]): void {
  for (const { styleSheet } of styles) {
    if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }
}

/**
 * A list of known words, written space- or comma-separated in an attribute (`fields`, `required-fields`,
 * `categories`): only the lazy dialogs read these.
 */
export const words =
  <T extends string>(values: readonly T[], what: string): Parser<T[]> =>
  (v) => {
    const names = String(v).split(/[\s,]+/).filter(Boolean);
    const unknown = names.find((n) => !values.includes(n as T));
    return unknown !== undefined ? fail(`unknown ${what} "${unknown.slice(0, 40)}"; expected some of ${values.join(' ')}`) : (names as T[]);
  };

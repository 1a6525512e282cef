import { css, type CSSResult } from 'lit';

/**
 * What every modal of the kit (the lead form, consent preferences) shares. It arrives with the lazy chunk that
 * opens the first dialog and is adopted into that element's shadow root, so the initial download carries none of it.
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
`;

/** Adds style sheets to a shadow root once, after the element's own. */
export function adoptStyles(root: ShadowRoot, ...styles: CSSResult[]): void {
  for (const { styleSheet } of styles) {
    if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }
}

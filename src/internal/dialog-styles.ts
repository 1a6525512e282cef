import { css, type CSSResult } from 'lit';

/**
 * What every modal of the kit (the lead form, consent preferences) shares. It arrives with the lazy chunk that
 * opens the first dialog and is adopted into that element's shadow root, so the initial download carries none of it.
 */
export const dialogStyles = css`
  dialog {
    width: min(560px, calc(100vw - 32px));
    max-height: calc(100vh - 32px);
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
  .body {
    padding: 24px;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 22px;
    line-height: 1.3;
  }
  .intro {
    margin: 0 0 16px;
    color: var(--gk-muted);
  }
  .actions {
    display: flex;
    gap: 12px;
    justify-content: flex-end;
    margin-top: 20px;
    flex-wrap: wrap;
  }
`;

/** Adds style sheets to a shadow root once, after the element's own. */
export function adoptStyles(root: ShadowRoot, ...styles: CSSResult[]): void {
  for (const { styleSheet } of styles) {
    if (styleSheet && !root.adoptedStyleSheets.includes(styleSheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styleSheet];
  }
}

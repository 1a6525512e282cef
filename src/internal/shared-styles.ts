import { css } from 'lit';

/** The dark theme's tokens; color-scheme darkens native controls. */
const darkTokens = css`
  --gk-accent: #a899ff;
  --gk-accent-contrast: #17141f;
  --gk-text: #ececf1;
  --gk-muted: #a9a8b4;
  --gk-surface: #1e1d24;
  --gk-border: #4d4c57;
  --gk-danger: #ff8f87;
  --gk-success: #5cd48c;
  --gk-subtle: #2c2b33;
  color-scheme: dark;
`;

/**
 * Styles every widget starts from. Sizes are px/em so a host's `html{font-size:10px}` cannot shrink us, and the
 * reset inside the shadow root undoes hostile host rules such as `button{all:unset}` (which do not pierce it,
 * but inherited fonts and colours do).
 */
export const baseStyles = css`
  :host {
    --gk-accent: #5b3cc4;
    --gk-accent-contrast: #ffffff;
    --gk-text: #1f1e24;
    --gk-muted: #5e5d66;
    --gk-surface: #ffffff;
    --gk-border: #bfbfc3;
    --gk-danger: #c0201f;
    --gk-success: #1a7f37;
    --gk-subtle: #ececf0;
    --gk-radius: 6px;
    --gk-font: system-ui, sans-serif;
    /* !important inside the shadow root outranks a host's *{font-family:…!important; box-sizing:…!important}
       (for important rules the inner context wins); themes change the font through --gk-font. */
    font-family: var(--gk-font) !important;
    font-size: 16px;
    line-height: 1.5;
    color: var(--gk-text);
    box-sizing: border-box !important;
  }
  /* Dark: theme="dark", or theme="auto" when the visitor's system is dark. The default stays light, whatever the
     system, so a light page never gets a dark banner it did not ask for. CSS cannot join a selector and a media
     query with "or", so the one list of dark tokens is placed in both. */
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  /* hidden hides the element itself too, though each element's :host sets a display (React's hidden={true}). */
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  .gk-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 40px;
    padding: 8px 16px;
    border: 1px solid var(--gk-accent);
    border-radius: var(--gk-radius);
    background: var(--gk-accent);
    color: var(--gk-accent-contrast);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .gk-button.secondary {
    background: var(--gk-surface);
    color: var(--gk-accent);
  }
  .gk-button.small {
    min-height: 32px;
    padding: 4px 12px;
    font-size: 14px;
  }
  /* A link's text lines up with the text around it (the host's column), whatever its size. */
  .gk-button.link {
    border-color: transparent;
    border-inline-width: 0;
    background: none;
    color: var(--gk-accent);
    text-decoration: underline;
    padding-inline: 0;
  }
  .gk-button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  .gk-button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--gk-accent);
    outline-offset: 2px;
  }
  .gk-visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

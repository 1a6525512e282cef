import { css } from 'lit';

export const styles = css`
  /* What the gate stamps is the host page's content and keeps the page's typography: the host inherits it (the
     base styles' !important font is undone here, inside the shadow root, where it wins), and the gate's own parts
     set the kit's type themselves. */
  :host {
    display: block;
    font-family: inherit !important;
    font-size: inherit;
    line-height: inherit;
    color: inherit;
  }
  .banner,
  .placeholder,
  [part='settings'],
  dialog {
    font-family: var(--gk-font) !important;
    font-size: 16px;
    line-height: 1.5;
    color: var(--gk-text);
  }
  :host([mode='preferences-button']) {
    display: inline-block;
  }
  .banner {
    position: fixed;
    inset-inline: 16px;
    bottom: 16px;
    z-index: 2147483000;
    max-width: 720px;
    margin-inline: auto;
    padding: 20px;
    border: 1px solid var(--gk-border);
    border-radius: calc(var(--gk-radius) * 2);
    background: var(--gk-surface);
    box-shadow: 0 8px 32px rgba(0, 0, 0, 0.2);
  }
  h2 {
    margin: 0 0 8px;
    font-size: 18px;
  }
  p {
    margin: 0 0 12px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  /* Accept and Reject equal, Preferences secondary (as cookieconsent v3); no label wraps: on a phone they stack. */
  .actions .gk-button {
    flex: 1 1 auto;
    white-space: nowrap;
  }
  @media (max-width: 480px) {
    .actions {
      flex-direction: column;
    }
  }
  .placeholder {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 8px;
    padding: 16px;
    border: 1px dashed var(--gk-border);
    border-radius: var(--gk-radius);
    background: var(--gk-subtle);
  }
  a {
    color: var(--gk-accent);
  }
`;

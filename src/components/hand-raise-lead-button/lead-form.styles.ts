import { css } from 'lit';

/** The dialog and form's styles: they arrive with the lazy form and are adopted into the button's shadow root. */
export const formStyles = css`
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
  .grid {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 12px 16px;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    min-width: 0;
  }
  .field.wide {
    grid-column: 1 / -1;
  }
  label {
    font-weight: 600;
    font-size: 14px;
  }
  .optional {
    font-weight: 400;
    color: var(--gk-muted);
  }
  input,
  select,
  textarea {
    width: 100%;
    min-height: 40px;
    padding: 8px 10px;
    border: 1px solid var(--gk-border);
    border-radius: var(--gk-radius);
    background: var(--gk-surface);
    color: var(--gk-text);
    font: inherit;
    font-size: 16px;
  }
  textarea {
    min-height: 80px;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--gk-danger);
  }
  .error {
    color: var(--gk-danger);
    font-size: 14px;
  }
  .actions {
    display: flex;
    gap: 12px;
    justify-content: flex-end;
    margin-top: 20px;
    flex-wrap: wrap;
  }
  .notice {
    margin: 0 0 12px;
    padding: 12px;
    border-radius: var(--gk-radius);
    border: 1px solid currentColor;
  }
  .notice.success {
    color: var(--gk-success);
  }
  .notice.saved {
    color: var(--gk-text);
    background: #fff8e1;
  }
  .notice.problem {
    color: var(--gk-danger);
  }
  @media (max-width: 480px) {
    .grid {
      grid-template-columns: 1fr;
    }
  }
`;

import { css } from 'lit';

/** The form's styles (the dialog's are in internal/dialog-styles.ts): they arrive with the lazy form. */
export const formStyles = css`
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

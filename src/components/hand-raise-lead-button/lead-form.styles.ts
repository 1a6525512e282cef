import { css } from 'lit';

/** The form's styles (the dialog's are in internal/dialogs.ts): they arrive with the lazy form. */
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
    /* Scrolled into view clear of the dialog's edge and of its sticky action footer (two rows on a phone). */
    scroll-margin-block: 16px 152px;
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
    min-height: 44px;
    padding: 8px 10px;
    border: 1px solid var(--gk-border);
    border-radius: var(--gk-radius);
    background: var(--gk-surface);
    color: var(--gk-text);
    font: inherit;
    font-size: 16px;
  }
  /* One height for inputs and selects (a select's own padding differs by browser). */
  input,
  select {
    height: 44px;
  }
  textarea {
    min-height: 80px;
    resize: vertical;
  }
  .body {
    position: relative;
  }
  .close {
    position: absolute;
    inset-block-start: 12px;
    inset-inline-end: 12px;
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: none;
    color: var(--gk-muted);
    font: inherit;
    font-size: 24px;
    line-height: 1;
    cursor: pointer;
  }
  .close:hover {
    background: var(--gk-border);
  }
  .close:focus-visible {
    outline: 3px solid var(--gk-accent);
    outline-offset: 2px;
  }
  h2 {
    padding-inline-end: 40px;
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
  /* Focused so a screen reader reads it (it is no control a keyboard user operates): no ring. */
  .notice:focus {
    outline: none;
  }
  .notice.success {
    color: var(--gk-success);
  }
  .notice.saved {
    color: var(--gk-text);
    background: #fff8e1;
    /* An amber tint of the surface, light or dark (a flat light amber where color-mix() is unknown). */
    background: color-mix(in srgb, #f5a623 14%, var(--gk-surface));
  }
  /* The host's next steps (a meeting link, say) under the thank-you. */
  ::slotted([slot='success']) {
    display: block;
    margin-block-end: 12px;
  }
  .notice.problem {
    color: var(--gk-danger);
  }
  @media (max-width: 480px) {
    .grid {
      grid-template-columns: 1fr;
    }
  }
  /* The spam trap: out of sight and out of the tab order; a person never fills it, a form-filling bot does. */
  .trap {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
`;

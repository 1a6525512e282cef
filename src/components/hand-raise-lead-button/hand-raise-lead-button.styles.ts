import { css } from 'lit';

/** What the button needs before the form exists; the form brings the rest (lead-form.styles.ts). */
export const styles = css`
  :host {
    display: inline-block;
  }
  .error {
    color: var(--gk-danger);
  }
`;

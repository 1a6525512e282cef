import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .card {
    padding: 16px;
    border: 1px solid var(--gk-border);
    border-radius: calc(var(--gk-radius) * 2);
    background: var(--gk-surface);
  }
  h2 {
    margin: 0 0 8px;
    font-size: 18px;
  }
  .bar {
    height: 12px;
    border-radius: 6px;
    background: var(--gk-subtle);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--gk-accent);
    transition: width 0.3s ease;
  }
  /* One line, always there: the percentage, later the completion and its badge. */
  .status {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    margin-top: 4px;
    color: var(--gk-muted);
    font-size: 14px;
  }
  ol {
    margin: 4px 0 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: flex;
    gap: 8px;
    align-items: center;
    padding: 4px 0;
  }
  /* A lesson's state in shape, not colour alone: an empty ring to do, a dashed ring under way, a filled tick done. */
  .tick {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    line-height: 1;
    border: 2px solid var(--gk-border);
    border-radius: 50%;
    box-sizing: border-box;
    color: var(--gk-surface);
    font-size: 0.75em;
    font-weight: 700;
  }
  .doing {
    border: 2px dashed var(--gk-accent);
  }
  .done {
    border-color: var(--gk-success);
    background: var(--gk-success);
  }
  .pct {
    margin-inline-start: auto;
    color: var(--gk-muted);
    font-variant-numeric: tabular-nums;
  }
  .complete {
    color: var(--gk-success);
    font-weight: 700;
  }
  .badge {
    width: 32px;
    height: 32px;
  }
`;

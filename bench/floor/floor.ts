/** The floor for start-up timing: bare Lit elements with the same tags' shape and no behaviour. */
import { html, LitElement } from 'lit';

for (const tag of ['floor-button', 'floor-gate', 'floor-tracker']) {
  customElements.define(tag, class extends LitElement { override render() { return html`<button type="button">${tag}</button>`; } });
}

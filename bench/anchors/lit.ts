import { html, LitElement } from 'lit';
customElements.define('anchor-lit', class extends LitElement { override render() { return html`<p>Lit</p>`; } });

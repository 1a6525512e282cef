import { html, type TemplateResult } from 'lit';
import { adoptStyles, dialogStyles } from './dialog-styles.js';

/**
 * The skeleton of the form of the dialog in `root`, with the dialog's styles adopted into `root`. Its visually hidden
 * heading, `label` under the id the dialog's aria-labelledby names, names the dialog until the form's own heading
 * takes that id over; the body is busy meanwhile.
 */
export function skeleton(root: ShadowRoot, label: string): TemplateResult {
  adoptStyles(root, dialogStyles);
  return html`<div class="body skeleton" aria-busy="true">
    <h2 id=${root.querySelector('dialog')!.getAttribute('aria-labelledby')}><span class="gk-visually-hidden">${label}</span></h2>
    <p class="intro"></p>
    <div>${[...'12345678'].map(() => html`<i></i>`)}</div>
    <span class="actions"><b></b><b></b></span>
  </div>`;
}

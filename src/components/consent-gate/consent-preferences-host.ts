/**
 * The contract between <consent-gate> and its lazy preferences dialog (consent-preferences.ts): what the gate
 * offers the dialog, and what the dialog offers back. Both sides import only these types.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';

/** What <consent-gate> offers its preferences dialog. */
export interface PreferencesHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly i18n: LocaleController;
  /** The `categories` attribute, unparsed (the dialog checks it). */
  readonly categories: string;
  /** The `category-text` attribute, unparsed (the dialog checks it). */
  readonly categoryText: string;
  /** The privacy policy link, http(s) only, or null. */
  policyUrl(): string | null;
}

/** What the preferences dialog offers the gate. */
export interface PreferencesPart {
  render(): TemplateResult;
  /** Opens the dialog, its switches starting from the decision in force. */
  show(): Promise<void>;
}

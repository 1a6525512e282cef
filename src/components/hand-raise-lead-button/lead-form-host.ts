/**
 * The contract between <hand-raise-lead-button> and its lazy form (lead-form.ts): what the button offers the form,
 * and what the form offers back. Both sides import only these types, so neither imports the other's module.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { LocaleController } from '../../controllers/locale-controller.js';
import type { GkEventDetails, OutcomeEvent } from '../../runtime/config/index.js';
import type { CtaTracking } from './hand-raise-lead-button.attributes.js';

/** The button's validated settings, as the form reads them. */
export interface LeadSettings {
  ctaTracking: CtaTracking;
  /** The `fields` and `required-fields` attributes as written: the form checks them against the field table. */
  fields: string;
  requiredFields: string;
  glmContent: string;
  glmSource: string;
  productInteraction: string;
  namespaceId: string | null;
  endpoint: string;
}

/** What <hand-raise-lead-button> offers its form. */
export interface LeadFormHost extends ReactiveControllerHost {
  readonly localName: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly i18n: LocaleController;
  readonly settings: LeadSettings;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly companyName: string;
  readonly userName: string;
  /** Closes the form's dialog. */
  close(): void;
  report<K extends OutcomeEvent & keyof GkEventDetails>(type: K, detail: GkEventDetails[K], cancelable?: boolean): boolean;
}

/** What the form offers the button. */
export interface LeadFormPart {
  render(): TemplateResult;
  /** The dialog opened: focus the first field to fill. */
  opened(): void;
  /** The visitor pressed Escape. */
  canceled(): void;
  /** The dialog closed; returns whether a lead was sent. */
  closed(): boolean;
}

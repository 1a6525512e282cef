/** The attributes of <hand-raise-lead-button> that need more than a string: validated on every change. */
import { either, num, object, oneOf, optional, text, words, type Parser } from '../../runtime/config/index.js';

/** The lead form's fields, in the order they are shown. */
export const LEAD_FIELDS = [
  'first_name',
  'last_name',
  'email',
  'company_name',
  'company_size',
  'phone_number',
  'country',
  'state',
  'comment',
] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Shown and required unless `fields` / `required-fields` say otherwise. State is required only for US and CA. */
export const DEFAULT_REQUIRED: LeadField[] = ['first_name', 'last_name', 'email', 'company_name', 'company_size', 'country', 'state'];

/** Snowplow's data-track shape, as GitLab's ctaTracking uses it. */
export const parseCtaTracking = object({
  action: optional(text(100)),
  label: optional(text(100)),
  property: optional(text(100)),
  value: optional(either(num, text(100))),
  experiment: optional(text(100)),
});
export type CtaTracking = ReturnType<typeof parseCtaTracking>;

/** A space- or comma-separated list of field names. */
export const parseFieldList: Parser<LeadField[]> = words(LEAD_FIELDS, 'field');

export const VARIANTS = ['primary', 'secondary', 'link'] as const;
export type ButtonVariant = (typeof VARIANTS)[number];
export const parseVariant = oneOf(VARIANTS);

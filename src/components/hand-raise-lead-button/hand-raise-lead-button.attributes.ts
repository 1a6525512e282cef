/**
 * The attributes of <hand-raise-lead-button> that need more than a string, validated on every change. `fields` and
 * `required-fields` are the lazy form's to check, against the field table (lead-fields.ts).
 */
import { either, num, object, oneOf, optional, text } from '../../runtime/config/index.js';

/** Snowplow's data-track shape, as GitLab's ctaTracking uses it. */
export const parseCtaTracking = object({
  action: optional(text(100)),
  label: optional(text(100)),
  property: optional(text(100)),
  value: optional(either(num, text(100))),
  experiment: optional(text(100)),
});
export type CtaTracking = ReturnType<typeof parseCtaTracking>;

export const VARIANTS = ['primary', 'secondary', 'link'] as const;
export type ButtonVariant = (typeof VARIANTS)[number];
export const parseVariant = oneOf(VARIANTS);

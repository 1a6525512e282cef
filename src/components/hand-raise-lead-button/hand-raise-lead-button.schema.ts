/** The attributes of <hand-raise-lead-button> that need more than a string: validated on every change. */
import { z } from '../../runtime/schema.js';

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
export const ctaTrackingSchema = z.object({
  action: z.optional(z.string().check(z.maxLength(100))),
  label: z.optional(z.string().check(z.maxLength(100))),
  property: z.optional(z.string().check(z.maxLength(100))),
  value: z.optional(z.union([z.number(), z.string().check(z.maxLength(100))])),
  experiment: z.optional(z.string().check(z.maxLength(100))),
});
export type CtaTracking = z.infer<typeof ctaTrackingSchema>;

/** A space- or comma-separated list of field names. */
export const fieldListSchema = z.pipe(
  z.string(),
  z.transform((value, ctx) => {
    const names = value.split(/[\s,]+/).filter(Boolean);
    const unknown = names.filter((n) => !(LEAD_FIELDS as readonly string[]).includes(n));
    if (unknown.length) {
      ctx.issues.push({ code: 'custom', input: value, message: `unknown field "${unknown[0]}"; expected some of ${LEAD_FIELDS.join(' ')}` });
      return z.NEVER;
    }
    return names as LeadField[];
  }),
);

export const variantSchema = z.enum(['primary', 'secondary', 'link']);
export type ButtonVariant = z.infer<typeof variantSchema>;

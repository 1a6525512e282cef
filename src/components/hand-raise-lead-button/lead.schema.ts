/**
 * What <hand-raise-lead-button> posts, validated by the reference endpoint. The field rules come from
 * lead-fields.ts, which the browser form checks without zod, so browser and server agree.
 * Keys are snake_case like GitLab's hand-raise API.
 */
import { z } from '../../runtime/base/zod.js';
import { COMPANY_SIZES, FIELD_RULES } from './lead-fields.js';
import type { LeadField } from './hand-raise-lead-button.schema.js';

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'too long'));

/** A field's rule as a zod schema. */
function field(name: LeadField) {
  const { max, pattern } = FIELD_RULES[name];
  return z.string().check(z.trim(), z.maxLength(max ?? 10_000, 'too long'), z.regex(pattern ?? /[\s\S]*/, `invalid ${name}`));
}

export const fieldSchemas = {
  first_name: field('first_name'),
  last_name: field('last_name'),
  email: field('email'),
  company_name: field('company_name'),
  company_size: z.enum(COMPANY_SIZES),
  phone_number: field('phone_number'),
  country: field('country'),
  state: field('state'),
  comment: field('comment'),
};

const utm = z.optional(text(200));
const touchSchema = z.object({
  utm_source: utm,
  utm_medium: utm,
  utm_campaign: utm,
  utm_term: utm,
  utm_content: utm,
  referrer: text(2048),
  landing_page: text(2048),
  at: z.iso.datetime(),
});

export const leadSchema = z.object({
  submission_id: z.uuid(),
  submitted_at: z.iso.datetime(),
  glm_content: text(200),
  glm_source: text(500),
  product_interaction: text(200),
  namespace_id: z.nullable(text(100)),
  first_name: z.optional(fieldSchemas.first_name),
  last_name: z.optional(fieldSchemas.last_name),
  email: fieldSchemas.email,
  company_name: z.optional(fieldSchemas.company_name),
  company_size: z.optional(fieldSchemas.company_size),
  phone_number: z.optional(fieldSchemas.phone_number),
  country: z.optional(fieldSchemas.country),
  state: z.optional(fieldSchemas.state),
  comment: z.optional(fieldSchemas.comment),
  business_email: z.boolean(),
  locale: text(35),
  page: z.object({ url: text(2048), title: text(500), referrer: text(2048) }),
  attribution: z.object({ anonymous_id: z.nullable(z.string()), first_touch: touchSchema, last_touch: touchSchema }),
  consent: z.object({ analytics: z.boolean(), marketing: z.boolean() }),
});
export type Lead = z.infer<typeof leadSchema>;

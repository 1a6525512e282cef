/**
 * What <hand-raise-lead-button> posts, validated by the reference endpoint. The fields' rules come from the table
 * in lead-fields.ts, which the browser form checks without zod, so browser and server agree.
 * Keys are snake_case like GitLab's hand-raise API.
 */
import { z } from '../../runtime/base/zod.js';
import { PLACEMENT_LIMITS } from './hand-raise-lead-button.attributes.js';
import { REGIONS } from './countries.js';
import { FIELDS, LEAD_FIELDS, type FieldSpec, type LeadField } from './lead-fields.js';

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'too long'));

/** A field's row of the table as a zod schema: the same limit, pattern and choices the form checks. */
function field(name: LeadField) {
  const { max, pattern, oneOf }: FieldSpec = FIELDS[name];
  if (oneOf) return z.enum(oneOf as [string, ...string[]]);
  return z.string().check(z.trim(), z.maxLength(max, 'too long'), z.regex(pattern ?? /[\s\S]*/, `invalid ${name}`));
}

export const fieldSchemas = Object.fromEntries(LEAD_FIELDS.map((f) => [f, field(f)])) as Record<LeadField, ReturnType<typeof field>>;
const optionalFields = Object.fromEntries(LEAD_FIELDS.map((f) => [f, z.optional(fieldSchemas[f])])) as Record<LeadField, z.ZodMiniOptional<ReturnType<typeof field>>>;

const utm = z.optional(text(200));
const touchSchema = z.object({
  utm_source: utm,
  utm_medium: utm,
  utm_campaign: utm,
  utm_term: utm,
  utm_content: utm,
  // Ad click ids: only with marketing consent (runtime/analytics/identity.ts).
  gclid: utm,
  gbraid: utm,
  wbraid: utm,
  fbclid: utm,
  msclkid: utm,
  referrer: text(2048),
  landing_page: text(2048),
  at: z.iso.datetime(),
});

export const leadSchema = z
  .object({
    submission_id: z.uuid(),
    submitted_at: z.iso.datetime(),
    glm_content: text(PLACEMENT_LIMITS.glmContent[1]),
    glm_source: text(500),
    product_interaction: text(PLACEMENT_LIMITS.productInteraction[1]),
    namespace_id: z.nullable(text(PLACEMENT_LIMITS.namespaceId[1])),
    ...optionalFields,
    // Email is how sales reaches the lead: required whatever `required-fields` says.
    email: fieldSchemas.email,
    business_email: z.boolean(),
    locale: text(35),
    page: z.object({ url: text(2048), title: text(500), referrer: text(2048) }),
    attribution: z.object({
      anonymous_id: z.nullable(z.string()),
      first_touch: touchSchema,
      last_touch: touchSchema,
      // HubSpot's and Marketo's tracking cookies: only with marketing consent.
      cookies: z.optional(z.object({ hubspotutk: z.optional(z.string().check(z.regex(/^[0-9a-f]{32}$/i))), mkto_trk: z.optional(text(200)) })),
    }),
    consent: z.object({ analytics: z.boolean(), marketing: z.boolean() }),
    // For the collector's spam verdict (server/spam.ts); optional, so older widgets' leads still validate.
    honeypot: z.optional(z.string().check(z.maxLength(500))),
    fill_ms: z.optional(z.number().check(z.minimum(0))),
    turnstile_token: z.optional(z.string().check(z.maxLength(2048))),
  })
  // For the US and Canada, State is one of the country's ISO 3166-2 subdivisions, as the form offers them.
  .check(
    z.refine((lead) => !lead.state || !lead.country || !(lead.country in REGIONS) || REGIONS[lead.country].some(([code]) => code === lead.state), {
      path: ['state'],
      message: 'invalid',
    }),
  );

export type Lead = z.infer<typeof leadSchema>;

/**
 * What <hand-raise-lead-button> posts, field by field. The lazy form validates each input with these schemas and
 * the reference endpoint validates the whole body with `leadSchema`, so the browser and server agree.
 * Keys are snake_case like GitLab's hand-raise API.
 */
import { z } from '../../runtime/schema.js';

export const COMPANY_SIZES = ['1-99', '100-499', '500-1,999', '2,000-9,999', '10,000+'] as const;

const text = (max: number) => z.string().check(z.trim(), z.maxLength(max, 'too long'));

/** Per-field rules; "required" is decided by the element's `required-fields`, not here. */
export const fieldSchemas = {
  first_name: text(255),
  last_name: text(255),
  email: z.string().check(z.trim(), z.maxLength(254, 'too long'), z.email('invalid email')),
  company_name: text(255),
  company_size: z.enum(COMPANY_SIZES),
  phone_number: z.string().check(z.trim(), z.maxLength(50, 'too long'), z.regex(/^[+\d\s().\-/]*$/, 'invalid phone number')),
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code')),
  state: text(100),
  comment: text(2000),
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

const FREE_MAIL = new Set(
  (
    'gmail.com googlemail.com yahoo.com yahoo.co.uk yahoo.fr yahoo.de ymail.com hotmail.com hotmail.co.uk hotmail.fr ' +
    'outlook.com live.com msn.com aol.com icloud.com me.com mac.com proton.me protonmail.com gmx.de gmx.net gmx.com ' +
    'web.de t-online.de mail.ru yandex.ru yandex.com qq.com 163.com 126.com zoho.com mail.com free.fr orange.fr ' +
    'libero.it wp.pl o2.pl interia.pl uol.com.br bol.com.br naver.com'
  ).split(' '),
);

/** Whether the address is at a company domain rather than a free-mail provider. Flags, never blocks. */
export function isBusinessEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  return domain !== '' && !FREE_MAIL.has(domain);
}

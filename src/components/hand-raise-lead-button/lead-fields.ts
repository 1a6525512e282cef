/**
 * The lead form's field rules as plain data, with no validation library: the lazy form checks each input with
 * `checkField`, and the endpoint's zod schema (lead.schema.ts) is built from the same rules, so browser and
 * server agree. zod stays out of the browser: its object helpers walk `for…in` and break on a page whose
 * Object.prototype has been extended (Prototype.js and friends).
 */
import type { LeadField } from './hand-raise-lead-button.schema.js';

export const COMPANY_SIZES = ['1-99', '100-499', '500-1,999', '2,000-9,999', '10,000+'] as const;

/** zod's own email pattern (zod/v4/core/regexes.js), so the endpoint and the form accept the same addresses. */
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export interface FieldRule {
  max?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
}

/** Per-field rules; "required" is decided by the element's `required-fields`, not here. */
export const FIELD_RULES: Record<LeadField, FieldRule> = {
  first_name: { max: 255 },
  last_name: { max: 255 },
  email: { max: 254, pattern: EMAIL },
  company_name: { max: 255 },
  company_size: { oneOf: COMPANY_SIZES },
  phone_number: { max: 50, pattern: /^[+\d\s().\-/]*$/ },
  country: { pattern: /^[A-Z]{2}$/ },
  state: { max: 100 },
  comment: { max: 2000 },
};

/** What is wrong with a (trimmed) value, or null. */
export function checkField(field: LeadField, value: string): 'too long' | 'invalid' | null {
  const { max, pattern, oneOf } = FIELD_RULES[field];
  if (max !== undefined && value.length > max) return 'too long';
  if ((pattern && !pattern.test(value)) || (oneOf && !oneOf.includes(value))) return 'invalid';
  return null;
}

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

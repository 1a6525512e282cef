/**
 * The lead form's fields, one row each: everything the form, the `fields`/`required-fields` attributes and the
 * endpoint's zod schema (lead.schema.ts) know of a field comes from this table, so browser and server agree and a
 * new field is one row. Plain data and plain checks, no validation library: zod's object helpers walk `for…in`
 * and break on a page whose Object.prototype has been extended (Prototype.js and friends), so zod stays on the
 * endpoint. Rows are in the order the form shows them.
 */
import type { MessageKey } from '../../runtime/i18n/index.js';
import { COUNTRY_CODES } from './countries.js';

export const COMPANY_SIZES = ['1-99', '100-499', '500-1,999', '2,000-9,999', '10,000+'] as const;

/** zod's own email pattern (zod/v4/core/regexes.js), so the endpoint and the form accept the same addresses. */
export const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export interface FieldSpec {
  /** The label's message key. */
  label: MessageKey;
  /** The autocomplete token browsers fill it from. */
  autocomplete: string;
  /** How it is entered: an <input type>, a <select> or a <textarea>. */
  input: 'text' | 'email' | 'tel' | 'select' | 'textarea';
  /** Whether it takes the form's full width. */
  wide?: boolean;
  /** Whether it is required unless `required-fields` says otherwise (State only for the US and Canada). */
  required: boolean;
  /** The longest value, in the browser and at the endpoint. */
  max: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
}

export const FIELDS = {
  first_name: { label: 'lead.firstName', autocomplete: 'given-name', input: 'text', required: true, max: 255 },
  last_name: { label: 'lead.lastName', autocomplete: 'family-name', input: 'text', required: true, max: 255 },
  email: { label: 'lead.email', autocomplete: 'email', input: 'email', wide: true, required: true, max: 254, pattern: EMAIL },
  company_name: { label: 'lead.companyName', autocomplete: 'organization', input: 'text', required: true, max: 255 },
  company_size: { label: 'lead.companySize', autocomplete: 'off', input: 'select', required: true, max: 20, oneOf: COMPANY_SIZES },
  phone_number: { label: 'lead.phoneNumber', autocomplete: 'tel', input: 'tel', required: false, max: 50, pattern: /^[+\d\s().\-/]*$/ },
  country: { label: 'lead.country', autocomplete: 'country', input: 'select', wide: true, required: true, max: 2, oneOf: COUNTRY_CODES },
  state: { label: 'lead.state', autocomplete: 'address-level1', input: 'select', wide: true, required: true, max: 100 },
  comment: { label: 'lead.comment', autocomplete: 'off', input: 'textarea', wide: true, required: false, max: 2000 },
} as const satisfies Record<string, FieldSpec>;

export type LeadField = keyof typeof FIELDS;
/** The fields in the order they are shown. */
export const LEAD_FIELDS = Object.keys(FIELDS) as LeadField[];
/** Shown and required unless `fields` / `required-fields` say otherwise. */
export const DEFAULT_REQUIRED = LEAD_FIELDS.filter((f) => FIELDS[f].required);

/** What is wrong with a (trimmed) value, or null. */
export function checkField(field: LeadField, value: string): 'too long' | 'invalid' | null {
  const { max, pattern, oneOf } = FIELDS[field] as FieldSpec;
  if (value.length > max) return 'too long';
  if ((pattern && !pattern.test(value)) || (oneOf && !oneOf.includes(value))) return 'invalid';
  return null;
}


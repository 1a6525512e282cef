/** The attributes of <consent-gate> that need more than a string. */
import { z } from '../../runtime/schema.js';
import { CONSENT_CATEGORIES } from '../../runtime/consent.js';

export const categorySchema = z.enum(CONSENT_CATEGORIES);
export const modeSchema = z.enum(['auto', 'banner', 'gate', 'preferences-button']);
export type ConsentGateMode = z.infer<typeof modeSchema>;

/** What the endpoint stores as proof of each decision (GDPR Art. 7(1)). */
export const consentRecordSchema = z.object({
  consent_id: z.uuid(),
  policy_version: z.string().check(z.minLength(1), z.maxLength(50)),
  categories: z.object({ necessary: z.boolean(), functional: z.boolean(), analytics: z.boolean(), marketing: z.boolean() }),
  source: z.enum(['banner', 'preferences', 'placeholder', 'gpc', 'onetrust', 'api']),
  timestamp: z.iso.datetime(),
  page_url: z.string().check(z.maxLength(2048)),
  locale: z.string().check(z.maxLength(35)),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * What the endpoint stores as proof of each consent decision, validated by server/. The browser's proof sender
 * (runtime/consent/signals.ts) builds the same shape without zod; the consent tests check what the endpoint stored.
 */
import { z } from '../../runtime/base/zod.js';

/** Proof of consent (GDPR Art. 7(1)): who decided what, under which policy, when and where. */
export const consentRecordSchema = z.object({
  consent_id: z.uuid(),
  policy_version: z.string().check(z.minLength(1), z.maxLength(50)),
  categories: z.object({ necessary: z.boolean(), functional: z.boolean(), analytics: z.boolean(), marketing: z.boolean() }),
  source: z.enum(['banner', 'preferences', 'placeholder', 'gpc', 'onetrust', 'api']),
  timestamp: z.iso.datetime(),
  page_url: z.string().check(z.maxLength(2048)),
  locale: z.string().check(z.maxLength(35)),
  /** Whether the browser sent Global Privacy Control when the decision was made. */
  gpc: z.optional(z.boolean()),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

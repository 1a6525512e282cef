/**
 * HubSpot Forms API v3: POST {url}/submissions/v3/integration/submit/{portalId}/{formGuid} with the form's
 * fields as [{ objectTypeId, name, value }] (0-1 is the contact object), the page context (hutk: HubSpot's
 * tracking cookie, which links the submission to the visitor's history), legal consent options from our consent
 * record, and submittedAt. No authentication for unauthenticated form submissions; 400 lists field errors.
 */
import { httpVerdict, mapped, mapping, pick, destination, type Destination, type Http } from '../destination.js';
import type { Job } from '../../store/index.js';

export interface HubSpotConfig {
  name: string;
  type: 'hubspot';
  portalId: string;
  formGuid: string;
  /** Default https://api.hsforms.com. */
  url?: string;
  /** HubSpot property name → our path; merged over the defaults below (null removes one). */
  fields?: Record<string, string | null>;
  /** The subscription type a marketing opt-in subscribes to; without it no communications consent is sent. */
  subscriptionTypeId?: number;
  /** The consent-to-process wording shown beside the form. */
  consentText?: string;
  kinds?: string[];
  ratePerSecond?: number;
}

export const HUBSPOT_FIELDS: Record<string, string> = {
  email: 'email',
  firstname: 'first_name',
  lastname: 'last_name',
  company: 'company_name',
  phone: 'phone_number',
  country: 'country',
  state: 'state',
  numemployees: 'company_size',
  message: 'comment',
  utm_source: 'attribution.last_touch.utm_source',
  utm_medium: 'attribution.last_touch.utm_medium',
  utm_campaign: 'attribution.last_touch.utm_campaign',
  utm_term: 'attribution.last_touch.utm_term',
  utm_content: 'attribution.last_touch.utm_content',
  gclid: 'attribution.last_touch.gclid',
  glm_content: 'glm_content',
};

export function hubspot(config: HubSpotConfig): Destination {
  const fields = mapping(HUBSPOT_FIELDS, config.fields);
  const base = (config.url ?? 'https://api.hsforms.com').replace(/\/+$/, '');
  const endpoint = `${base}/submissions/v3/integration/submit/${encodeURIComponent(config.portalId)}/${encodeURIComponent(config.formGuid)}`;
  return destination(config, 'hubspot', { kinds: ['hand_raise_lead'], ratePerSecond: 10 }, async (job: Job, http: Http) => {
    const body = job.body;
    const submittedAt = Date.parse(pick(body, 'submitted_at') ?? '') || Date.now();
    const context = Object.fromEntries(
      Object.entries({ hutk: pick(body, 'attribution.cookies.hubspotutk'), pageUri: pick(body, 'page.url'), pageName: pick(body, 'page.title') }).filter(([, v]) => v !== undefined),
    );
    const marketing = (body.consent as { marketing?: boolean } | undefined)?.marketing === true;
    const legalConsentOptions = {
      consent: {
        consentToProcess: true,
        text: config.consentText ?? 'I agree to allow this company to store and process my personal data.',
        ...(config.subscriptionTypeId === undefined
          ? {}
          : { communications: [{ value: marketing, subscriptionTypeId: config.subscriptionTypeId, text: 'I agree to receive marketing communications.' }] }),
      },
    };
    const payload = {
      submittedAt: String(submittedAt),
      fields: mapped(body, fields).map(([name, value]) => ({ objectTypeId: '0-1', name, value })),
      context,
      legalConsentOptions,
    };
    const answer = await http(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    return { answer, verdict: httpVerdict(answer) };
  });
}

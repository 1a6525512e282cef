/**
 * Salesforce Web-to-Lead: POST {url}/servlet/servlet.WebToLead?encoding=UTF-8 as a form (oid, first_name,
 * last_name, email, company, lead_source, Campaign_ID and custom fields by their 00N… ids). Web-to-Lead answers 200
 * whatever it did with the lead (it reports problems by email to the org's admin), so 2xx is all we can count on.
 */
import { httpVerdict, mapped, mapping, destination, type Destination, type Http } from '../destination.js';
import type { Job } from '../../store/index.js';

export interface SalesforceConfig {
  name: string;
  type: 'salesforce-web-to-lead';
  /** The org id (00D…). */
  oid: string;
  /** Default https://webto.salesforce.com. */
  url?: string;
  leadSource?: string;
  /** A campaign (701…) the lead joins. */
  campaignId?: string;
  /** Salesforce field name or custom field id (00N…) → our path; merged over the defaults below. */
  fields?: Record<string, string | null>;
  kinds?: string[];
  ratePerSecond?: number;
}

export const SALESFORCE_FIELDS: Record<string, string> = {
  first_name: 'first_name',
  last_name: 'last_name',
  email: 'email',
  company: 'company_name',
  phone: 'phone_number',
  country_code: 'country',
  state_code: 'state',
  description: 'comment',
};

export function salesforce(config: SalesforceConfig): Destination {
  const fields = mapping(SALESFORCE_FIELDS, config.fields);
  const endpoint = `${(config.url ?? 'https://webto.salesforce.com').replace(/\/+$/, '')}/servlet/servlet.WebToLead?encoding=UTF-8`;
  return destination(config, 'salesforce-web-to-lead', { kinds: ['hand_raise_lead'], ratePerSecond: 10 }, async (job: Job, http: Http) => {
    const form = new URLSearchParams({ oid: config.oid });
    if (config.leadSource) form.set('lead_source', config.leadSource);
    if (config.campaignId) form.set('Campaign_ID', config.campaignId);
    for (const [name, value] of mapped(job.body, fields)) form.set(name, value);
    const answer = await http(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
    return { answer, verdict: httpVerdict(answer) };
  });
}

/**
 * Marketo REST: the path GitLab's hand-raise leads take. An access token from {url}/identity/oauth/token
 * (client credentials), then POST {url}/rest/v1/leads/submitForm.json with the form id, the lead's fields,
 * visitorData (page, query, user agent) and the visitor's _mkto_trk cookie, which joins the lead to its web
 * activity. Marketo answers 200 with success:false for its own errors: 601/602 (token invalid or expired: a new
 * token, then again), 606/607/615 (rate, daily quota, concurrency: later), anything else is about the lead (dead).
 */
import { mapped, mapping, pick, retryAfterMs, type Answer, destination, type Destination, type Http, type Verdict } from '../destination.js';
import type { Job } from '../../store/index.js';

export interface MarketoConfig {
  name: string;
  type: 'marketo';
  /** The instance's REST URL, https://123-ABC-456.mktorest.com. */
  url: string;
  clientId: string;
  clientSecret: string;
  formId: number;
  /** Marketo field API name → our path; merged over the defaults below. */
  fields?: Record<string, string | null>;
  kinds?: string[];
  /** Marketo allows 100 calls per 20 s per instance. */
  ratePerSecond?: number;
}

export const MARKETO_FIELDS: Record<string, string> = {
  email: 'email',
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company_name',
  phone: 'phone_number',
  country: 'country',
  state: 'state',
  numberOfEmployees: 'company_size',
  utmcampaign: 'attribution.last_touch.utm_campaign',
};

const LATER = new Set([606, 607, 608, 611, 615, 713]);
const TOKEN = new Set([601, 602]);

export function marketo(config: MarketoConfig): Destination {
  const fields = mapping(MARKETO_FIELDS, config.fields);
  const base = config.url.replace(/\/+$/, '');
  let token: { value: string; until: number } | null = null;

  async function accessToken(http: Http): Promise<string | Answer> {
    if (token && token.until > Date.now()) return token.value;
    const query = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, client_secret: config.clientSecret });
    const answer = await http(`${base}/identity/oauth/token?${query}`, { method: 'GET', headers: {} });
    if (answer.status !== 200) return answer;
    try {
      const parsed = JSON.parse(answer.body) as { access_token?: string; expires_in?: number };
      if (!parsed.access_token) return answer;
      token = { value: parsed.access_token, until: Date.now() + Math.max(0, (parsed.expires_in ?? 3600) - 60) * 1000 };
      return token.value;
    } catch {
      return answer;
    }
  }

  function verdict(answer: Answer): Verdict {
    if (answer.status === 401) return { state: 'retry' };
    if (answer.status !== 200) return answer.status === 0 || answer.status === 429 || answer.status >= 500 ? { state: 'retry', afterMs: retryAfterMs(answer.retryAfter) } : { state: 'dead' };
    try {
      const parsed = JSON.parse(answer.body) as { success?: boolean; errors?: { code: string | number }[]; result?: { status?: string }[] };
      if (parsed.success) return parsed.result?.some((r) => r.status === 'skipped') ? { state: 'dead' } : { state: 'delivered' };
      const codes = (parsed.errors ?? []).map((e) => Number(e.code));
      if (codes.some((c) => TOKEN.has(c))) {
        token = null;
        return { state: 'retry', afterMs: 0 };
      }
      if (codes.some((c) => LATER.has(c))) return { state: 'retry', afterMs: 20_000 };
      return { state: 'dead' };
    } catch {
      return { state: 'retry' };
    }
  }

  return destination(config, 'marketo', { kinds: ['hand_raise_lead'], ratePerSecond: 5 }, async (job: Job, http: Http) => {
    const got = await accessToken(http);
    if (typeof got !== 'string') return { answer: got, verdict: got.status === 401 || got.status === 0 || got.status >= 500 ? { state: 'retry' } : { state: 'dead' } };
    const page = pick(job.body, 'page.url') ?? '';
    const input = {
      leadFormFields: Object.fromEntries(mapped(job.body, fields)),
      visitorData: { pageURL: page.replace(/\?.*$/, ''), queryString: page.includes('?') ? page.slice(page.indexOf('?') + 1) : '', userAgentString: pick(job.body, 'user_agent') ?? '' },
      ...(pick(job.body, 'attribution.cookies.mkto_trk') ? { cookie: pick(job.body, 'attribution.cookies.mkto_trk') } : {}),
    };
    const answer = await http(`${base}/rest/v1/leads/submitForm.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${got}` },
      body: JSON.stringify({ formId: config.formId, input: [input] }),
    });
    return { answer, verdict: verdict(answer) };
  });
}

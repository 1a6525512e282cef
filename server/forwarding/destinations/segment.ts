/**
 * Segment's HTTP Tracking API, server-side, for the tools that read Segment (Pendo, Gainsight): POST {url}/v1/batch
 * with the write key as Basic auth, an identify (the lead's traits) and a track "Hand Raise Lead Submitted", plus a
 * group when a namespace (an account) is known. Each messageId is our idempotency key, so Segment drops a repeat.
 */
import { httpVerdict, pick, destination, type Destination, type Http } from '../destination.js';
import type { Job } from '../../store/index.js';

export interface SegmentConfig {
  name: string;
  type: 'segment';
  writeKey: string;
  /** Default https://api.segment.io. */
  url?: string;
  kinds?: string[];
  ratePerSecond?: number;
}

export function segment(config: SegmentConfig): Destination {
  const endpoint = `${(config.url ?? 'https://api.segment.io').replace(/\/+$/, '')}/v1/batch`;
  const auth = `Basic ${Buffer.from(`${config.writeKey}:`).toString('base64')}`;
  return destination(config, 'segment', { kinds: ['hand_raise_lead'], ratePerSecond: 50 }, async (job: Job, http: Http) => {
    const b = job.body;
    const anonymousId = pick(b, 'attribution.anonymous_id') ?? pick(b, 'submission_id') ?? job.idempotency_key;
    const timestamp = pick(b, 'submitted_at') ?? job.created_at;
    const context = { page: { url: pick(b, 'page.url'), title: pick(b, 'page.title'), referrer: pick(b, 'page.referrer') }, locale: pick(b, 'locale'), library: { name: 'growth-kit-collector' } };
    const namespace = pick(b, 'namespace_id');
    const batch: Record<string, unknown>[] = [
      {
        type: 'identify',
        messageId: `${job.idempotency_key}:identify`,
        anonymousId,
        timestamp,
        context,
        traits: { email: pick(b, 'email'), firstName: pick(b, 'first_name'), lastName: pick(b, 'last_name'), company: { name: pick(b, 'company_name') }, country: pick(b, 'country') },
      },
      {
        type: 'track',
        event: 'Hand Raise Lead Submitted',
        messageId: job.idempotency_key,
        anonymousId,
        timestamp,
        context: namespace ? { ...context, groupId: namespace } : context,
        properties: {
          submission_id: pick(b, 'submission_id'),
          glm_content: pick(b, 'glm_content'),
          glm_source: pick(b, 'glm_source'),
          product_interaction: pick(b, 'product_interaction'),
          namespace_id: namespace,
        },
      },
    ];
    if (namespace) batch.push({ type: 'group', messageId: `${job.idempotency_key}:group`, anonymousId, groupId: namespace, timestamp, context, traits: {} });
    const answer = await http(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: auth }, body: JSON.stringify({ batch }) });
    return { answer, verdict: httpVerdict(answer) };
  });
}

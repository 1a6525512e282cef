/**
 * A signed webhook for anything else (Workato, Zapier, n8n): POST {url} with { id, type, created_at, data } and
 * a `Growth-Kit-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the secret>` header, as Stripe
 * signs its events, plus `Idempotency-Key`. A receiver checks the signature and that t is recent (replays).
 */
import { createHmac } from 'node:crypto';
import { httpVerdict, destination, type Destination, type Http } from '../destination.js';
import type { Job } from '../../store/index.js';

export interface WebhookConfig {
  name: string;
  type: 'webhook';
  url: string;
  secret: string;
  /** Default: every kind (leads, consent proofs, learning events). */
  kinds?: string[];
  ratePerSecond?: number;
}

export function sign(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function webhook(config: WebhookConfig): Destination {
  return destination(config, 'webhook', { kinds: ['hand_raise_lead', 'consent', 'course_progress'], ratePerSecond: 20 }, async (job: Job, http: Http) => {
    const body = JSON.stringify({ id: job.idempotency_key, type: job.kind, created_at: job.created_at, data: job.body });
    const answer = await http(config.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': job.idempotency_key, 'Growth-Kit-Signature': sign(config.secret, Math.floor(Date.now() / 1000), body) },
      body,
    });
    return { answer, verdict: httpVerdict(answer) };
  });
}

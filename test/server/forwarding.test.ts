/**
 * Forwarding, end to end on loopback: the collector (server/app.ts) with every destination pointed at the local
 * stand-ins (server/stand-ins/), leads posted as the widget posts them. Each case waits for the forwarder's own
 * signal (its `settled` event), never for a fixed time. Counts are taken at the stand-ins, by the key that
 * identifies a lead there.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { buildConfig, type ConfigFile } from '../../server/forwarding/config.ts';
import type { Settled } from '../../server/forwarding/forwarder.ts';
import type { StandIns } from '../../server/stand-ins/index.ts';
import { startServer, type Running } from '../e2e/harness.ts';
import { startStandIns, validLead } from './fixtures.ts';

const SECRET = 'stand-in-webhook-secret';

function destinations(base: string): ConfigFile['destinations'] {
  return [
    { name: 'hubspot', type: 'hubspot', url: `${base}/hubspot`, portalId: '4242', formGuid: 'a1b2c3d4-0000-4000-8000-000000000001', subscriptionTypeId: 77 },
    { name: 'salesforce', type: 'salesforce-web-to-lead', url: `${base}/salesforce`, oid: '00D000000000001', leadSource: 'Web', campaignId: '701000000000001', fields: { '00N000000000001': 'glm_content' } },
    { name: 'marketo', type: 'marketo', url: `${base}/marketo`, clientId: 'stand-in-client', clientSecret: 'env:MARKETO_SECRET', formId: 1001 },
    { name: 'segment', type: 'segment', url: `${base}/segment`, writeKey: 'stand-in-write-key' },
    { name: 'webhook', type: 'webhook', url: `${base}/webhook`, secret: SECRET },
  ];
}

async function collector(standIns: StandIns, forwarding: ConfigFile['forwarding'] = {}, spam: ConfigFile['spam'] = { perIpPerMinute: 0 }): Promise<Running> {
  const base = `http://127.0.0.1:${(standIns.server.address() as AddressInfo).port}`;
  const config = buildConfig(
    { forwarding: { baseDelayMs: 20, maxDelayMs: 400, timeoutMs: 1000, leaseMs: 5000, ...forwarding }, destinations: destinations(base), spam },
    { MARKETO_SECRET: 'stand-in-secret' },
  );
  return startServer({ forwarding: config, forwarder: { pollMs: 200 } });
}

async function post(server: Running, lead: Record<string, unknown>): Promise<number> {
  const answer = await fetch(`${server.url}/api/hand-raise-leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': String(lead.submission_id) },
    body: JSON.stringify(lead),
  });
  return answer.status;
}

/** A `settled` event and when it came (the outcome is recorded by then, so the attempt was made before it). */
type Seen = Settled & { at: number };

/** Every `settled` event of the forwarder until `done` says enough (the forwarder's own signal). */
function settledUntil(server: Running, done: (seen: Seen[]) => boolean, timeoutMs = 15_000): Promise<Seen[]> {
  const seen: Seen[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (server.forwarder!.off('settled', on), reject(new Error(`timed out; saw ${JSON.stringify(seen.map((s) => [s.job.destination, s.state, s.answer.status]))}`))), timeoutMs);
    const on = (s: Settled) => {
      seen.push({ ...s, at: Date.now() });
      if (done(seen)) {
        clearTimeout(timer);
        server.forwarder!.off('settled', on);
        resolve(seen);
      }
    };
    server.forwarder!.on('settled', on);
  });
}

const forLead = (lead: { submission_id: string }) => (s: Settled) => s.job.idempotency_key === lead.submission_id;

describe('forwarding leads to the CRM and tools', () => {
  let standIns: StandIns;
  let server: Running;
  before(async () => {
    ({ standIns } = await startStandIns(SECRET));
    server = await collector(standIns);
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => standIns?.server.close(resolve));
  });

  it('a lead reaches HubSpot, Salesforce, Marketo, Segment and the webhook, each in its own shape, once', async () => {
    const lead = validLead({ namespace_id: 'ns-42' });
    const delivered = settledUntil(server, (seen) => seen.filter((s) => forLead(lead)(s) && s.state === 'delivered').length === 5);
    assert.equal(await post(server, lead), 201);
    await delivered;
    const at = (name: string) => standIns.received.filter((r) => r.standIn === name && r.status === 200);

    const hubspot = at('hubspot')[0].body as { submittedAt: string; fields: { objectTypeId: string; name: string; value: string }[]; context: Record<string, string>; legalConsentOptions: { consent: Record<string, unknown> } };
    assert.equal(hubspot.submittedAt, String(Date.parse(String(lead.submitted_at))));
    const field = (name: string) => hubspot.fields.find((f) => f.name === name);
    assert.deepEqual(field('email'), { objectTypeId: '0-1', name: 'email', value: lead.email });
    assert.deepEqual(
      ['firstname', 'lastname', 'company', 'numemployees', 'country', 'utm_campaign', 'glm_content'].map((n) => field(n)?.value),
      ['Ada', 'Lovelace', 'Analytical Engines', '100-499', 'GB', 'brand', 'pricing-hero'],
    );
    assert.deepEqual(hubspot.context, { hutk: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', pageUri: 'https://www.example.com/pricing', pageName: 'Pricing' });
    assert.equal(field('gclid')?.value, 'Cj0KCQ-test-click');
    assert.equal(hubspot.legalConsentOptions.consent.consentToProcess, true);
    assert.deepEqual((hubspot.legalConsentOptions.consent.communications as unknown[])[0], { value: true, subscriptionTypeId: 77, text: 'I agree to receive marketing communications.' });

    const salesforce = at('salesforce')[0].body as Record<string, string>;
    assert.deepEqual(
      [salesforce.oid, salesforce.first_name, salesforce.last_name, salesforce.email, salesforce.company, salesforce.lead_source, salesforce.Campaign_ID, salesforce['00N000000000001']],
      ['00D000000000001', 'Ada', 'Lovelace', lead.email, 'Analytical Engines', 'Web', '701000000000001', 'pricing-hero'],
    );

    const marketo = at('marketo')[0].body as { formId: number; input: { leadFormFields: Record<string, string>; visitorData: Record<string, string>; cookie?: string }[] };
    assert.equal(marketo.formId, 1001);
    assert.equal(marketo.input[0].cookie, 'id:123-ABC-456&token:_mch-example.com-1700000000000-12345');
    assert.deepEqual(marketo.input[0].leadFormFields.email, lead.email);
    assert.equal(marketo.input[0].visitorData.pageURL, 'https://www.example.com/pricing');

    const segment = at('segment')[0].body as { batch: { type: string; messageId: string; anonymousId: string; event?: string; groupId?: string; traits?: Record<string, unknown> }[] };
    assert.deepEqual(segment.batch.map((m) => [m.type, m.messageId]), [
      ['identify', `${lead.submission_id}:identify`],
      ['track', lead.submission_id],
      ['group', `${lead.submission_id}:group`],
    ]);
    assert.equal(segment.batch[1].event, 'Hand Raise Lead Submitted');
    assert.equal(segment.batch[2].groupId, 'ns-42');
    assert.equal(segment.batch[0].traits?.email, lead.email);

    const hook = at('webhook')[0];
    assert.equal(hook.key, lead.submission_id, 'signed, verified and keyed by the idempotency key');
    assert.deepEqual((hook.body as { type: string; data: { email: string } }).type, 'hand_raise_lead');

    for (const name of ['hubspot', 'salesforce', 'marketo', 'segment', 'webhook'] as const) {
      assert.equal([...standIns.deliveries(name).values()].filter((n) => n > 1).length, 0, `${name} received no lead twice`);
    }
  });

  it('a destination that is down: tried again with growing delays, delivered once when it is back', async () => {
    const lead = validLead();
    standIns.faults.hubspot = { mode: 'down' };
    const failures = settledUntil(server, (seen) => seen.filter((s) => forLead(lead)(s) && s.job.destination === 'hubspot').length === 4);
    assert.equal(await post(server, lead), 201);
    const seen = (await failures).filter((s) => s.job.destination === 'hubspot');
    assert.deepEqual(seen.map((s) => [s.state, s.answer.status]), Array(4).fill(['pending', 0]));
    // Backoff: half fixed, half jitter, doubling: the fourth delay is longer than the first could be.
    const delays = seen.map((s) => s.nextAt!.getTime() - Date.parse(s.job.created_at) - 0);
    assert.ok(seen[3].job.attempts === 4 && delays[3] > delays[0], JSON.stringify(delays));
    const back = settledUntil(server, (all) => all.some((s) => forLead(lead)(s) && s.job.destination === 'hubspot' && s.state === 'delivered'));
    delete standIns.faults.hubspot;
    await back;
    assert.equal(standIns.deliveries('hubspot').get(`${lead.email}|${Date.parse(String(lead.submitted_at))}`), 1);
  });

  it("429 with Retry-After: the next attempt waits for it; a 400 with field errors is dead at once, with HubSpot's answer, and replays", async () => {
    const lead = validLead();
    standIns.faults.segment = { mode: 'status', status: 429, retryAfter: 1, count: 1 };
    standIns.faults.hubspot = { mode: 'status', status: 400, count: 1, body: { status: 'error', message: 'The request is not valid', errors: [{ message: "Error in 'fields.email'. Invalid email address", errorType: 'INVALID_EMAIL' }] } };
    const first = settledUntil(server, (seen) => ['segment', 'hubspot'].every((d) => seen.some((s) => forLead(lead)(s) && s.job.destination === d)));
    assert.equal(await post(server, lead), 201);
    const seen = await first;
    const limited = seen.find((s) => s.job.destination === 'segment')!;
    assert.equal(limited.state, 'pending');
    const wait = limited.nextAt!.getTime() - limited.at;
    assert.ok(wait > 800, `Retry-After 1 s honoured (${wait} ms left)`);
    const isDelivered = (s: Settled) => forLead(lead)(s) && s.job.destination === 'segment' && s.state === 'delivered';
    const segmentLater = settledUntil(server, (all) => all.some(isDelivered));
    const refused = seen.find((s) => s.job.destination === 'hubspot')!;
    assert.equal(refused.state, 'dead');
    const [dead] = await server.store.jobs({ state: 'dead', destination: 'hubspot' });
    assert.equal(dead.last_status, 400);
    assert.match(dead.last_answer ?? '', /INVALID_EMAIL/);

    const delivered = (await segmentLater).find(isDelivered)!;
    // Measured on the forwarder's own events, not on this test's clock, which a busy machine slows between them.
    assert.ok(delivered.at >= limited.nextAt!.getTime(), `not before Retry-After (${limited.nextAt!.getTime() - delivered.at} ms early)`);
    const replayed = settledUntil(server, (all) => all.some((s) => s.job.id === dead.id && s.state === 'delivered'));
    assert.equal(await server.store.replayDead({ id: dead.id }), 1);
    server.forwarder!.kick();
    await replayed;
    assert.equal(standIns.distinct('hubspot') >= 1, true);
  });

  it('a destination that stores the lead, then never answers: the timeout tries again, and the lead is there, none lost', async () => {
    const lead = validLead();
    standIns.faults.marketo = { mode: 'store-then-hang', count: 1 };
    const done = settledUntil(server, (seen) => seen.some((s) => forLead(lead)(s) && s.job.destination === 'marketo' && s.state === 'delivered'));
    assert.equal(await post(server, lead), 201);
    const seen = (await done).filter((s) => s.job.destination === 'marketo');
    assert.deepEqual(seen.map((s) => [s.state, s.answer.status]), [['pending', 0], ['delivered', 200]]);
    // Marketo has no idempotency key: the lead arrived twice, and Marketo merges a repeat by email.
    assert.equal(standIns.received.filter((r) => r.standIn === 'marketo' && r.key === lead.email).length, 2);
  });

  it("at most HubSpot's 10 requests a second: 15 leads at once leave at least 1.4 s apart end to end", async () => {
    const leads = Array.from({ length: 15 }, () => validLead());
    const keys = new Set(leads.map((l) => l.submission_id));
    const done = settledUntil(server, (seen) => seen.filter((s) => keys.has(s.job.idempotency_key) && s.job.destination === 'hubspot' && s.state === 'delivered').length === 15);
    await Promise.all(leads.map((l) => post(server, l)));
    await done;
    const times = standIns.received.filter((r) => r.standIn === 'hubspot' && leads.some((l) => r.key.startsWith(String(l.email)))).map((r) => r.at);
    assert.equal(times.length, 15);
    assert.ok(Math.max(...times) - Math.min(...times) >= 1300, `${Math.max(...times) - Math.min(...times)} ms`);
  });
});

describe('max_age', () => {
  it('a job still failing after max_age is dead, with the last answer kept', async () => {
    const { standIns } = await startStandIns(SECRET);
    // 0.5 s of max age; the webhook is down the whole time.
    const server = await collector(standIns, { maxAgeHours: 0.5 / 3600, baseDelayMs: 50, maxDelayMs: 100 });
    try {
      standIns.faults.webhook = { mode: 'down' };
      const lead = validLead();
      const dead = settledUntil(server, (seen) => seen.some((s) => forLead(lead)(s) && s.job.destination === 'webhook' && s.state === 'dead'));
      assert.equal(await post(server, lead), 201);
      const seen = (await dead).filter((s) => s.job.destination === 'webhook');
      assert.ok(seen.length >= 2, 'tried more than once');
      assert.equal(seen.at(-1)!.answer.status, 0);
      const [job] = await server.store.jobs({ state: 'dead', destination: 'webhook' });
      assert.match(job.last_answer ?? '', /no answer/);
    } finally {
      await server.close();
      await new Promise((resolve) => standIns.server.close(resolve));
    }
  });
});

describe('spam without a CAPTCHA', () => {
  let standIns: StandIns;
  let server: Running;
  before(async () => {
    let base: string;
    ({ standIns, base } = await startStandIns(SECRET));
    server = await collector(standIns, {}, { minFillMs: 1500, perIpPerMinute: 0, perEmailPerHour: 2, turnstile: { secret: 'stand-in-turnstile-secret', url: `${base}/turnstile/turnstile/v0/siteverify` } });
  });
  after(async () => {
    await server?.close();
    await new Promise((resolve) => standIns?.server.close(resolve));
  });

  it('a filled trap, a form sent in 0.3 s, a third lead for one email within the hour and a bad Turnstile token are stored as spam, answered 201 and never forwarded', async () => {
    const human = { fill_ms: 9000, turnstile_token: 'valid-1' };
    const leads = {
      honeypot: validLead({ ...human, turnstile_token: 'valid-2', honeypot: 'http://cheap-pills.example' }),
      too_fast: validLead({ ...human, turnstile_token: 'valid-3', fill_ms: 300 }),
      turnstile: validLead({ ...human, turnstile_token: 'forged' }),
      turnstile_missing: validLead({ fill_ms: 9000 }),
    };
    const person = validLead(human);
    const again = [validLead({ ...human, turnstile_token: 'valid-4', email: person.email }), validLead({ ...human, turnstile_token: 'valid-5', email: person.email })];
    const delivered = settledUntil(server, (seen) => seen.filter((s) => s.job.idempotency_key === person.submission_id && s.state === 'delivered').length === 5);
    for (const lead of [...Object.values(leads), person, ...again]) assert.equal(await post(server, lead), 201);
    await delivered;
    const stored = await server.store.list('hand_raise_lead');
    const verdict = (lead: { submission_id: string }) => stored.find((r) => r.idempotency_key === lead.submission_id)?.spam ?? null;
    for (const [reason, lead] of Object.entries(leads)) assert.equal(verdict(lead), reason, reason);
    assert.deepEqual([verdict(person), verdict(again[0]), verdict(again[1])], [null, null, 'rate_email']);
    const spamKeys = new Set([...Object.values(leads), again[1]].map((l) => l.submission_id));
    assert.deepEqual((await server.store.jobs({ limit: 1000 })).filter((j) => spamKeys.has(j.idempotency_key)), [], 'no job for spam');
    assert.equal(standIns.received.filter((r) => r.standIn !== 'turnstile' && [...spamKeys].some((k) => JSON.stringify(r.body).includes(k))).length, 0);
    // A token is good once: the same token again is refused, as Cloudflare refuses a replayed token.
    const replayedToken = validLead({ ...human });
    assert.equal(await post(server, replayedToken), 201);
    assert.equal((await server.store.list('hand_raise_lead')).find((r) => r.idempotency_key === replayedToken.submission_id)?.spam, 'turnstile');
  });
});

describe('growth-kit.config.json', () => {
  it('the example in the repository is valid; a missing secret and a bad field are named', () => {
    const example = JSON.parse(readFileSync('growth-kit.config.example.json', 'utf8')) as ConfigFile;
    const env = { MARKETO_CLIENT_ID: 'id', MARKETO_CLIENT_SECRET: 'secret', SEGMENT_WRITE_KEY: 'key', WEBHOOK_SECRET: 'a-secret-of-16-chars' };
    const config = buildConfig(example, env);
    assert.deepEqual(config.destinations.map((d) => [d.name, d.type, d.kinds.join()]), [
      ['hubspot', 'hubspot', 'hand_raise_lead'],
      ['salesforce', 'salesforce-web-to-lead', 'hand_raise_lead'],
      ['marketo', 'marketo', 'hand_raise_lead'],
      ['segment', 'segment', 'hand_raise_lead'],
      ['workato', 'webhook', 'hand_raise_lead,consent,course_progress'],
    ]);
    assert.equal(config.forwarding.maxAgeMs, 72 * 3_600_000);
    assert.throws(() => buildConfig(example, { ...env, SEGMENT_WRITE_KEY: undefined }), /destinations\.3\.writeKey: the environment variable SEGMENT_WRITE_KEY is not set/);
    const bad = { destinations: [{ name: 'hubspot', type: 'hubspot', portalId: '1' }] };
    assert.throws(() => buildConfig(bad, env), /destinations\.0\.formGuid/);
    assert.throws(() => buildConfig({ destinations: [example.destinations[0], example.destinations[0]] }, env), /two destinations are called "hubspot"/);
  });
});

import { expect } from '@open-wc/testing';
import { uuid } from '../../../src/runtime/base/index.js';
import { send } from '../../../src/runtime/delivery/transport.js';
import { configure } from '../../../src/runtime/config/index.js';
import { deliver, type DeliveryFailedDetail } from '../../../src/runtime/delivery/index.js';
import { pending } from '../../../src/runtime/delivery/outbox.js';
import { captureWarnings, cleanSlate, endpoint, submissions, waitFor } from '../../helpers.js';

const validConsent = () => ({
  consent_id: uuid(),
  policy_version: '1',
  categories: { necessary: true, functional: false, analytics: true, marketing: false },
  source: 'api',
  timestamp: new Date().toISOString(),
  page_url: location.href,
  locale: 'en',
});

describe('runtime/transport against the reference endpoint', () => {
  beforeEach(cleanSlate);

  it('sends the Idempotency-Key, and a replay of the same key stores nothing new and gets the first answer', async () => {
    const body = validConsent();
    const key = body.consent_id;
    const first = await send(`${endpoint()}/consents`, body, { idempotencyKey: key });
    const second = await send(`${endpoint()}/consents`, { ...body, locale: 'de' }, { idempotencyKey: key });
    expect(first).to.deep.equal({ ok: true, status: 201, body: { ok: true, consent_id: key } });
    expect(second).to.deep.equal(first);
    const rows = (await submissions('consent')).filter((r) => r.idempotency_key === key);
    expect(rows).to.have.length(1);
    expect(rows[0].body.locale).to.equal('en');
  });

  it('gets a 422 naming the fields when the body fails the schema, and nothing is stored', async () => {
    const key = uuid();
    const result = await send(`${endpoint()}/consents`, { ...validConsent(), source: 'guess', locale: 7 }, { idempotencyKey: key });
    expect(result.status).to.equal(422);
    const fields = (result.body as { fields: { path: string }[] }).fields.map((f) => f.path).sort();
    expect(fields).to.deep.equal(['locale', 'source']);
    expect((await submissions()).some((r) => r.idempotency_key === key)).to.equal(false);
  });

  it('reports a network failure as status 0 instead of throwing', async () => {
    const result = await send('http://127.0.0.1:9/nothing-listens-here', {}, { idempotencyKey: uuid() });
    expect(result).to.deep.equal({ ok: false, status: 0, body: null });
  });

  it('sends an unloading (keepalive) request that needs no preflight: text/plain, the key in the query; stored once', async () => {
    const body = validConsent();
    const result = await send(`${endpoint()}/consents`, body, { idempotencyKey: body.consent_id, keepalive: true });
    expect(result.status).to.equal(201);
    const replay = await send(`${endpoint()}/consents`, body, { idempotencyKey: body.consent_id });
    expect(replay.body).to.deep.equal(result.body);
    expect((await submissions('consent')).filter((r) => r.idempotency_key === body.consent_id)).to.have.length(1);
  });
});

describe('runtime/outbox giving up', () => {
  beforeEach(cleanSlate);

  it('gives up on an item older than deliveryMaxAgeDays with one gk-delivery-failed event, and forgets it', async () => {
    configure({ deliveryMaxAgeDays: 0.001 }); // 86 seconds
    const failed: DeliveryFailedDetail[] = [];
    const listener = (e: Event) => failed.push((e as CustomEvent<DeliveryFailedDetail>).detail);
    window.addEventListener('gk-delivery-failed', listener);
    const realNow = Date.now;
    try {
      const key = uuid();
      const dead = 'http://127.0.0.1:9/nothing-listens-here';
      expect((await deliver(dead, { a: 1 }, key)).state).to.equal('queued');
      Date.now = () => realNow() + 90_000;
      const { flush } = await import('../../../src/runtime/delivery/outbox.js');
      await flush(true);
      await waitFor(() => failed.length === 1, 3000, 'gk-delivery-failed');
      expect(failed[0]).to.deep.equal({ key, endpoint: dead, reason: 'expired', status: 0 });
      expect(pending().some((i) => i.key === key)).to.equal(false);
      expect(localStorage.getItem('gk_outbox')).to.not.contain(key);
    } finally {
      Date.now = realNow;
      window.removeEventListener('gk-delivery-failed', listener);
    }
  });

  it('refuses a bad deliveryMaxAgeDays with one warning', () => {
    const warnings = captureWarnings();
    try {
      configure({ deliveryMaxAgeDays: -1 });
      expect(warnings.messages).to.deep.equal(['[growth-kit] <GrowthKit.configure> deliveryMaxAgeDays: expected a number from 0.001 to 365; keeping null']);
    } finally {
      warnings.restore();
    }
  });
});

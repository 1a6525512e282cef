import { expect } from '@open-wc/testing';
import { uuid } from '../../../src/runtime/base/index.js';
import { send } from '../../../src/runtime/delivery/transport.js';
import { cleanSlate, endpoint, submissions } from '../../helpers.js';

const validConsent = () => ({
  consent_id: uuid(),
  policy_version: '1',
  categories: { necessary: true, functional: false, analytics: true, marketing: false },
  source: 'api',
  timestamp: new Date().toISOString(),
  page_url: location.href,
  locale: 'en',
});

describe('delivery/transport against the reference endpoint', () => {
  beforeEach(cleanSlate);

  it('sends the Idempotency-Key: a replay stores nothing new and gets the first answer; the key with another body is refused', async () => {
    const body = validConsent();
    const key = body.consent_id;
    const first = await send(`${endpoint()}/consents`, body, { idempotencyKey: key });
    const second = await send(`${endpoint()}/consents`, body, { idempotencyKey: key });
    const reused = await send(`${endpoint()}/consents`, { ...body, locale: 'de' }, { idempotencyKey: key });
    expect(first).to.deep.equal({ ok: true, status: 201, body: { ok: true, consent_id: key } });
    expect(second).to.deep.equal(first);
    expect([reused.status, (reused.body as { error: string }).error]).to.deep.equal([422, 'idempotency_key_reused']);
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

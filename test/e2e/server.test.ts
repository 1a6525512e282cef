/** The reference endpoint's contract, over real HTTP and a real SQLite file. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { startServer, type Running } from './harness.ts';

const consentRecord = () => ({
  consent_id: randomUUID(),
  policy_version: '1',
  categories: { necessary: true, functional: true, analytics: false, marketing: false },
  source: 'banner',
  timestamp: new Date().toISOString(),
  page_url: 'https://www.example.com/',
  locale: 'en',
});

describe('server/ reference endpoint', () => {
  let server: Running;
  before(async () => {
    server = await startServer({ maxBody: 2048, static: { '/dist/': 'dist' } });
  });
  after(() => server?.close());

  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

  it('stores a valid record once per Idempotency-Key and replays the first answer', async () => {
    const record = consentRecord();
    const key = record.consent_id;
    const first = await post('/api/consents', JSON.stringify(record), { 'Idempotency-Key': key });
    const again = await post('/api/consents', JSON.stringify(record), { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.deepEqual(await first.json(), { ok: true, consent_id: key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(await again.json(), { ok: true, consent_id: key });
    assert.equal(await server.store.count('consent'), 1);
  });

  it('answers 422 idempotency_key_reused when a key comes back with another body (as Stripe does), storing nothing', async () => {
    const first = consentRecord();
    const other = { ...consentRecord(), consent_id: first.consent_id, locale: 'de' };
    const key = `reuse-${first.consent_id}`;
    assert.equal((await post('/api/consents', JSON.stringify(first), { 'Idempotency-Key': key })).status, 201);
    const reused = await post('/api/consents', JSON.stringify(other), { 'Idempotency-Key': key });
    assert.equal(reused.status, 422);
    assert.equal(((await reused.json()) as { error: string }).error, 'idempotency_key_reused');
    const stored = await server.store.list('consent', 1000);
    assert.equal(stored.filter((r) => r.idempotency_key === key).length, 1);
    assert.equal((stored.find((r) => r.idempotency_key === key)!.body as Record<string, unknown>).locale, 'en');
  });

  it("keeps the browser's Sec-GPC signal with each proof of consent", async () => {
    const withGpc = consentRecord();
    const without = consentRecord();
    await post('/api/consents', JSON.stringify(withGpc), { 'Idempotency-Key': withGpc.consent_id, 'Sec-GPC': '1' });
    await post('/api/consents', JSON.stringify(without), { 'Idempotency-Key': without.consent_id });
    const all = await server.store.list('consent', 1000);
    const stored = (id: string) => all.find((r) => r.idempotency_key === id)!.body as Record<string, unknown>;
    assert.equal(stored(withGpc.consent_id).sec_gpc, true);
    assert.equal(stored(without.consent_id).sec_gpc, false);
  });

  it('answers 400 to bad JSON and to a missing key, 422 naming fields to a schema failure, and stores none of them', async () => {
    const before = await server.store.count();
    const bad = await post('/api/consents', '{"consent_id": ', { 'Idempotency-Key': randomUUID() });
    assert.equal(bad.status, 400);
    assert.equal(((await bad.json()) as { error: string }).error, 'invalid_json');
    const nokey = await post('/api/consents', JSON.stringify(consentRecord()));
    assert.equal(nokey.status, 400);
    assert.equal(((await nokey.json()) as { error: string }).error, 'missing_idempotency_key');
    const invalid = await post('/api/hand-raise-leads', JSON.stringify({ email: 'x' }), { 'Idempotency-Key': randomUUID() });
    assert.equal(invalid.status, 422);
    const fields = ((await invalid.json()) as { fields: { path: string }[] }).fields.map((f) => f.path);
    for (const f of ['submission_id', 'email', 'glm_content', 'business_email', 'page', 'attribution', 'consent']) assert.ok(fields.includes(f), f);
    assert.equal(await server.store.count(), before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ ...consentRecord(), page_url: 'x'.repeat(4096) });
    const res = await post('/api/consents', huge, { 'Idempotency-Key': randomUUID() });
    assert.equal(res.status, 413);
  });

  it('answers CORS preflights for local origins only', async () => {
    const ok = await fetch(`${server.url}/api/consents`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:6006' } });
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:6006');
    assert.match(ok.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    const no = await fetch(`${server.url}/api/consents`, { method: 'OPTIONS', headers: { Origin: 'https://evil.example' } });
    assert.equal(no.status, 403);
    const post403 = await post('/api/consents', JSON.stringify(consentRecord()), { 'Idempotency-Key': randomUUID(), Origin: 'https://evil.example' });
    assert.equal(post403.status, 403);
  });

  it('lists submissions newest first, and refuses GET on a POST route', async () => {
    const a = consentRecord();
    const b = consentRecord();
    await post('/api/consents', JSON.stringify(a), { 'Idempotency-Key': a.consent_id });
    await post('/api/consents', JSON.stringify(b), { 'Idempotency-Key': b.consent_id });
    const list = (await (await fetch(`${server.url}/api/submissions?kind=consent&limit=2`)).json()) as { submissions: { idempotency_key: string }[] };
    assert.deepEqual(list.submissions.map((s) => s.idempotency_key), [b.consent_id, a.consent_id]);
    assert.equal((await fetch(`${server.url}/api/consents`)).status, 405);
  });
  const lead = (fields: Record<string, unknown> = {}) => {
    const touch = { referrer: '', landing_page: 'https://www.example.com/', at: new Date().toISOString() };
    return {
      submission_id: randomUUID(),
      submitted_at: new Date().toISOString(),
      glm_content: 'server-test',
      glm_source: 'www.example.com/',
      product_interaction: 'Hand Raise PQL',
      namespace_id: null,
      first_name: 'Ada',
      email: 'ada@example.com',
      business_email: true,
      locale: 'en',
      page: { url: 'https://www.example.com/', title: 'Home', referrer: '' },
      attribution: { anonymous_id: null, first_touch: touch, last_touch: touch },
      consent: { analytics: false, marketing: false },
      ...fields,
    };
  };
  const refused = async (body: Record<string, unknown>) => {
    const answer = await post('/api/hand-raise-leads', JSON.stringify(body), { 'Idempotency-Key': String(body.submission_id) });
    assert.equal(answer.status, 422);
    return ((await answer.json()) as { fields: { path: string; message: string }[] }).fields;
  };

  it('checks country and state against ISO 3166 and answers 422 in plain words: required, too long, invalid', async () => {
    assert.deepEqual(await refused(lead({ country: 'XX' })), [{ path: 'country', message: 'invalid' }]);
    assert.deepEqual(await refused(lead({ country: 'US', state: 'ZZ' })), [{ path: 'state', message: 'invalid' }]);
    const { email: _, ...withoutEmail } = lead();
    assert.deepEqual(await refused(withoutEmail), [{ path: 'email', message: 'required' }]);
    assert.deepEqual(await refused(lead({ first_name: 'A'.repeat(256) })), [{ path: 'first_name', message: 'too long' }]);
    const ok = lead({ country: 'CA', state: 'QC' });
    assert.equal((await post('/api/hand-raise-leads', JSON.stringify(ok), { 'Idempotency-Key': ok.submission_id })).status, 201);
  });

  it('serves dist/ compressed (brotli, gzip), hashed chunks cached for a year, the entry files revalidated', async () => {
    const chunk = readdirSync('dist/chunks').find((f) => f.startsWith('core-'))!;
    const br = await fetch(`${server.url}/dist/chunks/${chunk}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.equal(br.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(br.headers.get('vary'), 'Accept-Encoding');
    // fetch decodes what the answer announces: the bytes are the file's.
    assert.equal(await br.text(), readFileSync(`dist/chunks/${chunk}`, 'utf8'));
    const gz = await fetch(`${server.url}/dist/growth-kit.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gz.headers.get('content-encoding'), 'gzip');
    assert.equal(gz.headers.get('cache-control'), 'no-cache');
    assert.equal(await gz.text(), readFileSync('dist/growth-kit.js', 'utf8'));
  });
});

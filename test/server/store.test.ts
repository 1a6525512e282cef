/**
 * The store contract, run against both stores: SQLite on a temporary file and PostgreSQL on a cluster of the
 * test's own (test/server/postgres.ts). Each key is stored once with its jobs in the same transaction, due jobs
 * are claimed by one collector only, an ended lease frees a job, a stale owner cannot record an outcome, dead
 * jobs replay. PostgreSQL also shows two collectors (two pools) sharing 300 jobs without doubling one.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openStore, type Store } from '../../server/store/index.ts';
import { startPostgres, type Cluster } from './postgres.ts';

const response = (n: number) => ({ status: 201, body: { ok: true, n }, requestHash: `hash-${n}` });
const lead = (n: number) => ({ submission_id: `lead-${n}`, email: `lead${n}@example.com` });

function contract(dialect: 'sqlite' | 'postgres', open: (name: string) => Store) {
  describe(`store contract: ${dialect}`, () => {
    it('stores a key once, with a job per destination in the same transaction; a repeat gets the first answer', async () => {
      const store = open('once');
      try {
        const first = await store.insert('hand_raise_lead', 'key-0001', lead(1), response(1), ['hubspot', 'salesforce']);
        const again = await store.insert('hand_raise_lead', 'key-0001', lead(2), response(2), ['hubspot', 'salesforce']);
        assert.deepEqual([first.stored, again.stored], [true, false]);
        assert.deepEqual(again.response, response(1));
        assert.deepEqual(await store.replay('key-0001'), response(1));
        assert.equal(await store.count('hand_raise_lead'), 1);
        assert.deepEqual((await store.jobs()).map((j) => [j.destination, j.state, j.attempts]).sort(), [
          ['hubspot', 'pending', 0],
          ['salesforce', 'pending', 0],
        ]);
        const [listed] = await store.list('hand_raise_lead');
        assert.deepEqual(listed.body, lead(1));
      } finally {
        await store.close();
      }
    });

    it('a key inserted by two requests at once is stored once, with one set of jobs', async () => {
      const store = open('race');
      try {
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.insert('hand_raise_lead', 'key-race', lead(i), response(i), ['webhook'])));
        assert.equal(results.filter((r) => r.stored).length, 1, 'stored once');
        const winner = results.find((r) => r.stored)!.response;
        for (const r of results) assert.deepEqual(r.response, winner, 'one answer for all');
        assert.equal((await store.jobs()).length, 1, 'one set of jobs');
      } finally {
        await store.close();
      }
    });

    it('stores submissions arriving together (one commit) each with its jobs; nextDue names the earliest of the named destinations', async () => {
      const store = open('together');
      try {
        const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.insert('hand_raise_lead', `key-together-${i % 30}`, lead(i), response(i), ['hubspot', 'webhook'])));
        assert.equal(results.filter((r) => r.stored).length, 30, 'each key once');
        // A repeat gets the answer of the request that won (SQLite: the first in its commit; PostgreSQL: the first to commit).
        for (let key = 0; key < 10; key++) {
          const [a, b] = [results[key], results[key + 30]];
          assert.equal(Number(a.stored) + Number(b.stored), 1, `key ${key} stored once`);
          assert.deepEqual(a.response, b.response, `key ${key}: one answer for both`);
          assert.deepEqual(a.response, response(a.stored ? key : key + 30), `key ${key}: the winner's answer`);
        }
        assert.equal(await store.count('hand_raise_lead'), 30);
        assert.equal((await store.jobs({ limit: 1000 })).length, 60, 'two jobs per stored submission');

        // hubspot: every job leased for a minute; webhook: one retry in 10 s, the rest in an hour.
        const hubspot = await store.claim('a', 100, 60_000, 'hubspot');
        assert.equal(hubspot.length, 30);
        const webhook = await store.claim('a', 100, 60_000, 'webhook');
        const inTen = Date.now() + 10_000;
        await store.finishMany('a', webhook.map((j, i) => ({ id: j.id, outcome: { state: 'pending', nextAt: new Date(i ? Date.now() + 3_600_000 : inTen), status: 503, answer: 'busy' } })));
        const near = (at: Date | null, expected: number) => assert.ok(at && Math.abs(at.getTime() - expected) < 1000, `${at?.toISOString()} ≈ ${new Date(expected).toISOString()}`);
        near(await store.nextDue(['webhook']), inTen);
        near(await store.nextDue(['hubspot']), Date.now() + 60_000);
        near(await store.nextDue(['hubspot', 'webhook']), inTen);
        near(await store.nextDue(), inTen);
        assert.equal(await store.nextDue(['salesforce']), null);
      } finally {
        await store.close();
      }
    });

    it('claims each due job for one owner; an ended lease frees it; a stale owner cannot record; backoff and replay', async () => {
      const store = open('claims');
      try {
        for (let n = 0; n < 5; n++) await store.insert('hand_raise_lead', `key-claim-${n}`, lead(n), response(n), ['hubspot']);
        const [a, b] = await Promise.all([store.claim('a', 3, 60_000), store.claim('b', 3, 60_000)]);
        assert.equal(a.length + b.length, 5);
        assert.equal(new Set([...a, ...b].map((j) => j.id)).size, 5);
        assert.ok([...a, ...b].every((j) => j.attempts === 1 && j.kind === 'hand_raise_lead' && typeof j.body.email === 'string'));
        assert.deepEqual(await store.claim('c', 10, 60_000), [], 'nothing due while leased');

        const [first, second, third, fourth, fifth] = [...a, ...b];
        assert.equal(await store.finish(first.id, first === a[0] ? 'a' : 'b', { state: 'delivered', status: 200, answer: 'ok' }), true);
        assert.equal(await store.finish(second.id, 'not-the-owner', { state: 'delivered', status: 200, answer: 'ok' }), false);
        const later = new Date(Date.now() + 60_000);
        const ownerOf = (id: number) => (a.some((j) => j.id === id) ? 'a' : 'b');
        assert.equal(await store.finish(third.id, ownerOf(third.id), { state: 'pending', nextAt: later, status: 503, answer: 'busy' }), true);
        assert.equal(await store.finish(fourth.id, ownerOf(fourth.id), { state: 'dead', status: 400, answer: 'bad field' }), true);
        assert.equal(await store.finish(fifth.id, ownerOf(fifth.id), { state: 'pending', nextAt: new Date(Date.now() - 1), status: 0, answer: 'no answer' }), true);
        const due = await store.nextDue();
        assert.ok(due && due.getTime() <= Date.now() + 1000);
        const retried = await store.claim('c', 10, 60_000);
        assert.deepEqual(retried.map((j) => [j.id, j.attempts]), [[fifth.id, 2]]);

        // A collector that died holding a job: its lease ends (here at once), another takes it, the first cannot record.
        await store.insert('hand_raise_lead', 'key-orphan', lead(9), response(9), ['webhook']);
        const [orphan] = await store.claim('d', 1, 0);
        assert.equal(orphan.destination, 'webhook');
        const taken = await store.claim('e', 10, 60_000);
        assert.deepEqual(taken.map((j) => [j.id, j.attempts]), [[orphan.id, 2]], 'the ended lease is claimable');
        assert.equal(await store.finish(orphan.id, 'd', { state: 'delivered', status: 200, answer: 'late' }), false);
        assert.equal(await store.finish(orphan.id, 'e', { state: 'delivered', status: 200, answer: 'ok' }), true);

        const dead = await store.jobs({ state: 'dead' });
        assert.deepEqual(dead.map((j) => [j.id, j.last_status, j.last_answer]), [[fourth.id, 400, 'bad field']]);
        assert.equal(await store.replayDead({ id: fourth.id }), 1);
        assert.deepEqual((await store.claim('f', 10, 60_000)).map((j) => j.id), [fourth.id]);
        assert.equal((await store.jobs({ state: 'delivered' })).length, 2);
        assert.equal((await store.jobs({ state: 'pending' })).length, 1);
      } finally {
        await store.close();
      }
    });

    it('searches payloads and counts what the dashboard charts: leads per day and placement, consent choices, the course funnel, jobs', async () => {
      const store = open('stats');
      try {
        await store.insert('hand_raise_lead', 'key-s1', { ...lead(1), glm_content: 'pricing' }, response(1), ['hubspot']);
        await store.insert('hand_raise_lead', 'key-s2', { ...lead(2), glm_content: 'pricing' }, response(2), ['hubspot']);
        await store.insert('hand_raise_lead', 'key-s3', { ...lead(3), glm_content: 'docs_100%' }, response(3), ['hubspot']);
        await store.insert('hand_raise_lead', 'key-spam', { ...lead(4), glm_content: 'pricing' }, response(4), [], 'honeypot');
        const consent = (source: string, locale: string, f: boolean, a: boolean, m: boolean) => ({ source, locale, categories: { necessary: true, functional: f, analytics: a, marketing: m } });
        await store.insert('consent', 'key-c1', consent('banner', 'en', true, true, true), response(5));
        await store.insert('consent', 'key-c2', consent('banner', 'en', false, false, false), response(6));
        await store.insert('consent', 'key-c3', consent('preferences', 'de', true, false, false), response(7));
        const course = (learner: string, event: string, milestone?: number) => ({ course_id: 'intro', user_id: learner, event, ...(milestone ? { milestone } : {}), event_id: `${learner}-${event}-${milestone ?? 0}` });
        let n = 10;
        for (const [learner, event, milestone] of [['u1', 'started'], ['u1', 'progressed', 50], ['u1', 'course_completed'], ['u2', 'started'], ['u2', 'progressed', 25], ['u3', 'started'], ['u3', 'progressed', 75]] as [string, string, number?][]) {
          const badge = event === 'course_completed' ? { status: 201, body: { ok: true, badge_url: 'https://x/b.svg' } } : response(n);
          await store.insert('course_progress', `key-p${n++}`, course(learner, event, milestone), badge);
        }
        assert.deepEqual((await store.search({ kind: 'hand_raise_lead', q: 'DOCS_100%' })).map((r) => r.idempotency_key), ['key-s3']);
        assert.deepEqual((await store.search({ kind: 'hand_raise_lead', limit: 2, offset: 1 })).map((r) => r.idempotency_key), ['key-s3', 'key-s2']);
        assert.equal((await store.search({ q: 'honeypot' })).length, 0, 'the verdict is not payload');
        assert.equal((await store.list('hand_raise_lead')).find((r) => r.idempotency_key === 'key-spam')?.spam, 'honeypot');
        const stats = await store.stats(30);
        const today = new Date().toISOString().slice(0, 10);
        assert.deepEqual(stats.leadsByDay, [
          { day: today, placement: 'docs_100%', count: 1 },
          { day: today, placement: 'pricing', count: 2 },
        ]);
        assert.deepEqual(stats.consent, [
          { source: 'banner', locale: 'en', choice: 'accept', count: 1 },
          { source: 'banner', locale: 'en', choice: 'reject', count: 1 },
          { source: 'preferences', locale: 'de', choice: 'customize', count: 1 },
        ]);
        assert.deepEqual(stats.funnel, [{ course: 'intro', started: 3, halfway: 2, completed: 1, badge: 1 }]);
        assert.deepEqual(stats.delivery, [{ destination: 'hubspot', state: 'pending', count: 3 }]);
      } finally {
        await store.close();
      }
    });

    it('keeps learning events per learner and course, oldest first; migrations run once when a second store opens', async () => {
      const store = open('course');
      const second = open('course');
      try {
        await store.insert('course_progress', 'key-c1', { course_id: 'c', user_id: 'u', event: 'started' }, response(1));
        await store.insert('course_progress', 'key-c2', { course_id: 'c', user_id: 'v', event: 'started' }, response(2));
        await second.insert('course_progress', 'key-c3', { course_id: 'c', user_id: 'u', event: 'completed' }, response(3));
        assert.deepEqual((await store.courseEvents('c', 'u')).map((e) => e.event), ['started', 'completed']);
        assert.equal(await second.count(), 3);
      } finally {
        await store.close();
        await second.close();
      }
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'gk-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
contract('sqlite', (name) => openStore({ dbFile: join(dir, `${name}.sqlite`) }));

let cluster: Cluster;
const databases = new Map<string, string>();
before(async () => {
  cluster = await startPostgres();
});
after(() => cluster?.stop());
contract('postgres', (name) => {
  if (!databases.has(name)) databases.set(name, cluster.database(`gk_${name}`));
  return openStore({ databaseUrl: databases.get(name) });
});

describe('two collectors on one PostgreSQL', () => {
  it('share 300 due jobs without claiming one twice (FOR UPDATE SKIP LOCKED)', async () => {
    const url = cluster.database('gk_shared');
    const [one, two] = [openStore({ databaseUrl: url }), openStore({ databaseUrl: url })];
    try {
      for (let n = 0; n < 100; n++) await one.insert('hand_raise_lead', `key-shared-${n}`, lead(n), response(n), ['hubspot', 'salesforce', 'webhook']);
      const claimed: number[] = [];
      const work = async (store: Store, owner: string) => {
        for (;;) {
          const jobs = await store.claim(owner, 7, 60_000);
          if (!jobs.length) return;
          claimed.push(...jobs.map((j) => j.id));
          await Promise.all(jobs.map((j) => store.finish(j.id, owner, { state: 'delivered', status: 200, answer: 'ok' })));
        }
      };
      await Promise.all([work(one, 'one'), work(two, 'two'), work(one, 'one-b'), work(two, 'two-b')]);
      assert.equal(claimed.length, 300);
      assert.equal(new Set(claimed).size, 300);
      assert.equal((await two.jobs({ state: 'delivered', limit: 1000 })).length, 300);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

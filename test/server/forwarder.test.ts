/**
 * The forwarder's loop on its own, on a real SQLite store: how often it asks the store for work. Under load the
 * collector's time went to claims (a claim per finished attempt, most of them empty), so the loop now claims in
 * batches and leaves a destination alone until something could have changed for it; these cases hold it to
 * that, and to never spinning while a destination at its limit has jobs waiting. No fixed waits: turns of the
 * event loop and the forwarder's `settled` events are the signals.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { buildConfig } from '../../server/forwarding/config.ts';
import type { Answer, Http } from '../../server/forwarding/destination.ts';
import { Forwarder, type Settled } from '../../server/forwarding/forwarder.ts';
import { openStore, type Store } from '../../server/store/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'gk-forwarder-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A store that counts the forwarder's questions. */
function counted(store: Store) {
  const calls = { claim: 0, nextDue: 0 };
  const claim = store.claim.bind(store);
  const nextDue = store.nextDue.bind(store);
  store.claim = (...args) => ((calls.claim += 1), claim(...args));
  store.nextDue = (...args) => ((calls.nextDue += 1), nextDue(...args));
  return calls;
}

/** An HTTP client whose answers wait until the test lets them go. */
function heldHttp() {
  const waiting: (() => void)[] = [];
  const http: Http = () => new Promise<Answer>((resolve) => waiting.push(() => resolve({ status: 200, body: 'ok' })));
  return { http, waiting, releaseAll: () => waiting.splice(0).forEach((go) => go()) };
}

const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
};

function settled(forwarder: Forwarder, count: number): Promise<Settled[]> {
  const seen: Settled[] = [];
  return new Promise((resolve) => {
    const on = (s: Settled) => {
      seen.push(s);
      if (seen.length === count) (forwarder.off('settled', on), resolve(seen));
    };
    forwarder.on('settled', on);
  });
}

describe('the forwarder asks the store for work only when there can be some', () => {
  it('a destination at its limit with jobs waiting, beside an idle one: the loop sleeps until an attempt ends (it used to spin)', async () => {
    const store = openStore({ dbFile: join(dir, 'limit.sqlite') });
    const config = buildConfig({
      destinations: [
        { name: 'slow', type: 'webhook', url: 'http://127.0.0.1:9/slow', secret: 'a-secret-of-16-chars', ratePerSecond: 1 },
        { name: 'idle', type: 'webhook', url: 'http://127.0.0.1:9/idle', secret: 'a-secret-of-16-chars', kinds: ['consent'] },
      ],
    });
    const { http, waiting, releaseAll } = heldHttp();
    const forwarder = new Forwarder(store, config, { http, pollMs: 60_000 });
    const calls = counted(store);
    try {
      for (let i = 0; i < 3; i++) await store.insert('hand_raise_lead', `limit-${i}`, { i }, { status: 201, body: {} }, ['slow']);
      forwarder.start();
      // The slow destination may have one attempt under way (its rate is 1/s); two jobs wait, due now.
      while (!waiting.length) await turns(1);
      const before = { ...calls };
      await turns(200);
      assert.ok(calls.claim - before.claim + calls.nextDue - before.nextDue <= 2, `asked the store ${JSON.stringify(calls)} times in 200 turns`);
      // Each end frees the place: all three are delivered, one at a time (at the destination's rate).
      const seen: Settled[] = [];
      forwarder.on('settled', (s) => seen.push(s));
      while (seen.length < 3) (releaseAll(), await turns(1));
      const outcomes = seen;
      assert.deepEqual(outcomes.map((s) => s.state), ['delivered', 'delivered', 'delivered']);
      assert.deepEqual((await store.jobs({ state: 'delivered' })).length, 3);
    } finally {
      releaseAll();
      await forwarder.stop();
      await store.close();
    }
  });

  it('40 leads to five destinations under way together: claims come in batches, not one per finished attempt', async () => {
    const store = openStore({ dbFile: join(dir, 'batches.sqlite') });
    const names = ['a', 'b', 'c', 'd', 'e'];
    const config = buildConfig({
      destinations: names.map((name) => ({ name, type: 'webhook', url: `http://127.0.0.1:9/${name}`, secret: 'a-secret-of-16-chars', ratePerSecond: 100_000 })),
    });
    // Every answer comes a turn of the event loop later, so attempts end while others are under way.
    const http: Http = () => new Promise((resolve) => setImmediate(() => resolve({ status: 200, body: 'ok' })));
    const forwarder = new Forwarder(store, config, { http, pollMs: 60_000 });
    const calls = counted(store);
    try {
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.insert('hand_raise_lead', `batch-${i}`, { i }, { status: 201, body: {} }, names)));
      const done = settled(forwarder, 200);
      forwarder.start();
      await done;
      // 200 jobs in batches of up to 20 per destination: 10 full claims, and one that finds each destination drained.
      assert.ok(calls.claim <= 20, `${calls.claim} claims for 200 jobs`);
      assert.equal((await store.jobs({ state: 'delivered', limit: 1000 })).length, 200);
    } finally {
      await forwarder.stop();
      await store.close();
    }
  });
});

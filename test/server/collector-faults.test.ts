/**
 * The collector's fault suite, with collectors as real processes (server/index.ts, as `npm start` runs it) and
 * the destinations' stand-ins in this process, where every request is counted by the key that identifies its
 * lead. Backoff is compressed (50 ms base) so "down for minutes" takes seconds; everything else is as deployed.
 * Each case checks that every lead reached every destination (none lost) and reports how many arrived more than
 * once; the matrix is printed at the end for the closing note.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { StandIns } from '../../server/stand-ins/index.ts';
import { startCollectorProcess, type CollectorProcess } from './collector-process.ts';
import { startStandIns, validLead } from './fixtures.ts';
import { startPostgres, type Cluster } from './postgres.ts';

const SECRET = 'stand-in-webhook-secret';
const TOKEN = 'fault-suite-admin';
const DESTINATIONS = ['hubspot', 'salesforce', 'marketo', 'segment', 'webhook'] as const;
const matrix: string[][] = [];

type Process = CollectorProcess;

const startCollector = (env: Record<string, string>) => startCollectorProcess({ ADMIN_TOKEN: TOKEN, ...env });

async function post(collector: Process, lead: Record<string, unknown>): Promise<void> {
  const answer = await fetch(`${collector.url}/api/hand-raise-leads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': String(lead.submission_id) },
    body: JSON.stringify(lead),
  });
  assert.equal(answer.status, 201);
}

/** The key each stand-in counts a lead by (server/stand-ins/index.ts). */
function keyAt(destination: (typeof DESTINATIONS)[number], lead: ReturnType<typeof validLead>): string {
  if (destination === 'hubspot') return `${lead.email}|${Date.parse(String(lead.submitted_at))}`;
  if (destination === 'salesforce' || destination === 'marketo') return String(lead.email);
  return lead.submission_id;
}

/**
 * Waits (asking every 50 ms, at most 60 s) until every lead is at every destination and `collector` has no job
 * left pending or running (its dashboard API says so), so late repeats are counted too; returns the repeats.
 */
async function allDelivered(standIns: StandIns, leads: ReturnType<typeof validLead>[], collector: Process): Promise<Record<string, number>> {
  const deadline = Date.now() + 60_000;
  // Pending and running jobs counted in one query (one snapshot): asking for each state in turn could miss a
  // batch that moved from running to pending between the two answers, and end the wait before its repeats.
  const open = async () => {
    const answer = await fetch(`${collector.url}/admin/api/stats`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    const { delivery } = (await answer.json()) as { delivery: { state: string; count: number }[] };
    return delivery.filter((d) => d.state === 'pending' || d.state === 'running').reduce((sum, d) => sum + d.count, 0);
  };
  for (;;) {
    const missing = DESTINATIONS.flatMap((d) => {
      const got = standIns.deliveries(d);
      return leads.filter((l) => !got.has(keyAt(d, l))).map((l) => `${d}:${l.email}`);
    });
    if (!missing.length && (await open()) === 0) break;
    if (Date.now() > deadline) throw new Error(`not settled after 60 s: ${missing.length} missing (${missing.slice(0, 5).join(', ')} …), ${await open()} jobs open`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return Object.fromEntries(
    DESTINATIONS.map((d) => {
      const got = standIns.deliveries(d);
      return [d, leads.reduce((sum, l) => sum + (got.get(keyAt(d, l)) ?? 1) - 1, 0)];
    }),
  );
}

function record(name: string, leads: number, repeats: Record<string, number>): void {
  matrix.push([name, String(leads), ...DESTINATIONS.map((d) => `${leads}/${leads}${repeats[d] ? ` (+${repeats[d]} repeat)` : ''}`)]);
}

describe('collector fault suite', () => {
  let standIns: StandIns;
  let dir: string;
  let config: string;
  let cluster: Cluster;
  before(async () => {
    let base: string;
    ({ standIns, base } = await startStandIns(SECRET));
    dir = mkdtempSync(join(tmpdir(), 'gk-faults-'));
    config = join(dir, 'growth-kit.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        forwarding: { baseDelayMs: 50, maxDelayMs: 400, timeoutMs: 800, leaseMs: 1500 },
        spam: { minFillMs: 0, perIpPerMinute: 0, perEmailPerHour: 0 },
        destinations: [
          { name: 'hubspot', type: 'hubspot', url: `${base}/hubspot`, portalId: '4242', formGuid: 'a1b2c3d4', ratePerSecond: 50 },
          { name: 'salesforce', type: 'salesforce-web-to-lead', url: `${base}/salesforce`, oid: '00D000000000001', ratePerSecond: 50 },
          { name: 'marketo', type: 'marketo', url: `${base}/marketo`, clientId: 'stand-in-client', clientSecret: 'stand-in-secret', formId: 1001, ratePerSecond: 50 },
          { name: 'segment', type: 'segment', url: `${base}/segment`, writeKey: 'stand-in-write-key' },
          { name: 'webhook', type: 'webhook', url: `${base}/webhook`, secret: SECRET, kinds: ['hand_raise_lead'] },
        ],
      }),
    );
    cluster = await startPostgres();
  });
  after(async () => {
    await new Promise((resolve) => standIns?.server.close(resolve));
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    if (matrix.length) {
      const head = ['fault', 'leads', ...DESTINATIONS];
      console.log(['', '| ' + head.join(' | ') + ' |', '|' + head.map(() => ' --- ').join('|') + '|', ...matrix.map((r) => '| ' + r.join(' | ') + ' |')].join('\n'));
    }
  });

  const sqlite = (name: string) => ({ GROWTH_KIT_CONFIG: config, DB_FILE: join(dir, `${name}.sqlite`) });
  const leadsOf = (n: number) => Array.from({ length: n }, () => validLead());
  /** Resolves once `standIn` has met `count` requests with its fault (asked every 20 ms). */
  const faulted = (standIn: keyof StandIns['faulted'], count: number) =>
    new Promise<void>((resolve) => {
      const check = setInterval(() => standIns.faulted[standIn] >= count && (clearInterval(check), resolve()), 20);
    });

  it('HubSpot down (no connection) for 60 attempts while 30 leads arrive, then back: every lead, once', async () => {
    const collector = await startCollector(sqlite('down'));
    try {
      const leads = leadsOf(30);
      standIns.faults.hubspot = { mode: 'down' };
      const seen = standIns.faulted.hubspot;
      for (const lead of leads) await post(collector, lead);
      await faulted('hubspot', seen + 60);
      delete standIns.faults.hubspot;
      const repeats = await allDelivered(standIns, leads, collector);
      assert.deepEqual(Object.values(repeats), [0, 0, 0, 0, 0]);
      record('HubSpot down for 60 attempts', leads.length, repeats);
    } finally {
      await collector.stop();
    }
  });

  it('a 429 storm: Segment answers 429 with Retry-After: 1 to 40 requests in a row; every lead, once', async () => {
    const collector = await startCollector(sqlite('storm'));
    try {
      const leads = leadsOf(30);
      standIns.faults.segment = { mode: 'status', status: 429, retryAfter: 1, count: 40, body: { success: false, message: 'Too many requests' } };
      for (const lead of leads) await post(collector, lead);
      const repeats = await allDelivered(standIns, leads, collector);
      assert.equal(standIns.faults.segment, undefined, 'all 40 were answered 429');
      assert.deepEqual(Object.values(repeats), [0, 0, 0, 0, 0]);
      record('429 storm at Segment (40 × Retry-After 1 s)', leads.length, repeats);
    } finally {
      await collector.stop();
    }
  });

  it('a webhook that stores the lead, then never answers (10 times): every lead arrives; the repeats carry the same Idempotency-Key', async () => {
    const collector = await startCollector(sqlite('hang'));
    try {
      const leads = leadsOf(20);
      standIns.faults.webhook = { mode: 'store-then-hang', count: 10 };
      for (const lead of leads) await post(collector, lead);
      const repeats = await allDelivered(standIns, leads, collector);
      assert.equal(repeats.webhook, 10, 'each hung request was stored and sent again after the timeout');
      assert.deepEqual([repeats.hubspot, repeats.salesforce, repeats.marketo, repeats.segment], [0, 0, 0, 0]);
      record('webhook stores, then times out (10 ×)', leads.length, repeats);
    } finally {
      await collector.stop();
    }
  });

  it('the collector SIGKILLed mid-forward and restarted on its database: the jobs it held are taken again when their lease ends; none lost', async () => {
    const env = sqlite('killed');
    let collector = await startCollector(env);
    const leads = leadsOf(20);
    try {
      standIns.faults.webhook = { mode: 'store-then-hang', count: 8 };
      const seen = standIns.faulted.webhook;
      for (const lead of leads) await post(collector, lead);
      // Killed while it waits for answers that will not come.
      await faulted('webhook', seen + 5);
      await collector.stop('SIGKILL');
      assert.equal(collector.child.signalCode, 'SIGKILL');
      delete standIns.faults.webhook;
      collector = await startCollector(env);
      const repeats = await allDelivered(standIns, leads, collector);
      // What the killed collector had sent but not yet recorded is sent again (at least once): the hung webhook
      // requests, and any attempt that ended in the moment before the kill; never more than it had under way (64).
      assert.ok(repeats.webhook >= 5, JSON.stringify(repeats));
      assert.ok(Object.values(repeats).reduce((a, b) => a + b, 0) <= 64, JSON.stringify(repeats));
      record('collector SIGKILLed mid-forward, restarted', leads.length, repeats);
    } finally {
      await collector.stop();
    }
  });

  it('two collectors on one PostgreSQL, 100 leads posted to both in turn: every lead forwarded exactly once', async () => {
    const url = cluster.database('gk_two');
    const [one, two] = await Promise.all([startCollector({ GROWTH_KIT_CONFIG: config, DATABASE_URL: url }), startCollector({ GROWTH_KIT_CONFIG: config, DATABASE_URL: url })]);
    try {
      const leads = leadsOf(100);
      await Promise.all(leads.map((lead, i) => post(i % 2 ? one : two, lead)));
      const repeats = await allDelivered(standIns, leads, one);
      assert.deepEqual(Object.values(repeats), [0, 0, 0, 0, 0]);
      record('two collectors on one PostgreSQL', leads.length, repeats);
    } finally {
      await Promise.all([one.stop(), two.stop()]);
    }
  });

  it('two collectors on PostgreSQL, one SIGKILLed mid-forward: the other finishes its jobs; none lost', async () => {
    const url = cluster.database('gk_failover');
    const env = { GROWTH_KIT_CONFIG: config, DATABASE_URL: url };
    const [one, two] = await Promise.all([startCollector(env), startCollector(env)]);
    try {
      const leads = leadsOf(40);
      standIns.faults.hubspot = { mode: 'store-then-hang', count: 6 };
      const seen = standIns.faulted.hubspot;
      await Promise.all(leads.map((lead) => post(one, lead)));
      await faulted('hubspot', seen + 3);
      await one.stop('SIGKILL');
      const repeats = await allDelivered(standIns, leads, two);
      assert.ok(Object.values(repeats).reduce((a, b) => a + b, 0) <= 64, JSON.stringify(repeats));
      record('two on PostgreSQL, one SIGKILLed', leads.length, repeats);
    } finally {
      delete standIns.faults.hubspot;
      await Promise.all([one.stop(), two.stop()]);
    }
  });
});

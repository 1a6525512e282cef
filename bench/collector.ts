/**
 * `npm run bench:collector`: the collector under load on loopback, bounded (a fixed number of leads), on SQLite
 * and on PostgreSQL (a cluster of its own, as the tests start one). The collector runs as its own process
 * (server/index.ts, as `npm start` runs it) forwarding to the destination stand-ins in this process, with rate
 * limits lifted so the store is what is measured. Printed: leads accepted per second with the latency of each
 * POST (p50, p99), and forwarding throughput (jobs delivered per second, five destinations per lead).
 * Target (issue #16): ≥ 1,000 accepted/s with p99 < 50 ms on SQLite on a 2-core machine.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StandIns } from '../server/stand-ins/index.ts';
import { startCollectorProcess } from '../test/server/collector-process.ts';
import { startPostgres } from '../test/server/postgres.ts';
import { startStandIns, validLead } from '../test/server/fixtures.ts';

const LEADS = Number(process.env.BENCH_LEADS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const WARMUP = 200;

/**
 * A keep-alive HTTP/1.1 client on a raw socket, one request at a time, as load tools (wrk) do: fetch's own cost
 * per request is larger than the collector's on this machine, and would be what the bench measured.
 */
class Connection {
  private readonly socket: Socket;
  private buffer = Buffer.alloc(0);
  private waiting: ((status: number) => void) | null = null;

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1');
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = this.buffer.subarray(0, end).toString('latin1');
      let size: number;
      if (/transfer-encoding: chunked/i.test(head)) {
        // The collector's JSON answers are chunked: the body ends with a zero-length chunk.
        const last = this.buffer.indexOf('\r\n0\r\n\r\n', end + 4);
        if (last === -1) return;
        size = last + 7 - (end + 4);
      } else size = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (this.buffer.length < end + 4 + size) return;
      this.buffer = this.buffer.subarray(end + 4 + size);
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.(Number(head.slice(9, 12)));
    });
  }

  request(raw: string): Promise<number> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(raw);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

function rawPost(lead: ReturnType<typeof validLead>): string {
  const body = JSON.stringify(lead);
  return `POST /api/hand-raise-leads HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nIdempotency-Key: ${lead.submission_id}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat's utime + stime, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function run(store: string, env: Record<string, string>, standIns: StandIns) {
  const collector = await startCollectorProcess(env, process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []);
  let finished = false;
  try {
    const { port } = collector;
    const requests = Array.from({ length: LEADS + WARMUP }, () => rawPost(validLead()));
    const connections = Array.from({ length: CONCURRENCY }, () => new Connection(port));
    const post = async (connection: Connection, raw: string) => {
      const started = performance.now();
      const status = await connection.request(raw);
      if (status !== 201) throw new Error(`answered ${status}`);
      return performance.now() - started;
    };
    // Warm-up: connections, JIT, the first pages of the database.
    for (const raw of requests.slice(0, WARMUP)) await post(connections[0], raw);
    const delivered0 = standIns.received.length;
    const latencies: number[] = [];
    const queue = requests.slice(WARMUP);
    const start = performance.now();
    const cpu0 = { collector: cpuMs(collector.child.pid!), load: cpuMs(process.pid) };
    await Promise.all(
      connections.map(async (connection) => {
        for (let raw = queue.shift(); raw; raw = queue.shift()) latencies.push(await post(connection, raw));
      }),
    );
    const acceptSeconds = (performance.now() - start) / 1000;
    const cpu = { collector: cpuMs(collector.child.pid!) - cpu0.collector, load: cpuMs(process.pid) - cpu0.load };
    connections.forEach((c) => c.close());
    // Forwarding: every job of the measured leads delivered (5 destinations each).
    const target = delivered0 + LEADS * 5;
    const deadline = Date.now() + 300_000;
    while (standIns.received.length < target) {
      if (Date.now() > deadline) throw new Error(`forwarding did not finish in 5 minutes (${standIns.received.length - delivered0} of ${LEADS * 5})`);
      await new Promise((r) => setTimeout(r, 20));
    }
    const forwardSeconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    finished = true;
    return {
      store,
      accepted: Math.round(LEADS / acceptSeconds),
      p50: percentile(latencies, 50).toFixed(1),
      p99: percentile(latencies, 99).toFixed(1),
      forwarded: Math.round((LEADS * 5) / forwardSeconds),
      // While leads were being accepted: the share of one core the collector used, and this process (the load and the stand-ins).
      collectorCpu: Math.round(cpu.collector / 10 / acceptSeconds),
      loadCpu: Math.round(cpu.load / 10 / acceptSeconds),
    };
  } finally {
    // SIGTERM lets it finish (and write its profile); after a failure it is killed, so it cannot load what follows.
    await collector.stop(finished ? 'SIGTERM' : 'SIGKILL');
  }
}

const { standIns, base } = await startStandIns('bench-webhook-secret-0123');
const dir = mkdtempSync(join(tmpdir(), 'gk-bench-collector-'));
const config = join(dir, 'growth-kit.config.json');
const fast = { ratePerSecond: 100_000 };
writeFileSync(
  config,
  JSON.stringify({
    forwarding: { baseDelayMs: 100, timeoutMs: 5000 },
    spam: { minFillMs: 0, perIpPerMinute: 0, perEmailPerHour: 0 },
    destinations: [
      { name: 'hubspot', type: 'hubspot', url: `${base}/hubspot`, portalId: '4242', formGuid: 'bench', ...fast },
      { name: 'salesforce', type: 'salesforce-web-to-lead', url: `${base}/salesforce`, oid: '00D000000000001', ...fast },
      { name: 'marketo', type: 'marketo', url: `${base}/marketo`, clientId: 'stand-in-client', clientSecret: 'stand-in-secret', formId: 1001, ...fast },
      { name: 'segment', type: 'segment', url: `${base}/segment`, writeKey: 'stand-in-write-key', ...fast },
      { name: 'webhook', type: 'webhook', url: `${base}/webhook`, secret: 'bench-webhook-secret-0123', ...fast },
    ],
  }),
);
const cluster = await startPostgres();
try {
  const rows = [
    await run('SQLite', { GROWTH_KIT_CONFIG: config, DB_FILE: join(dir, 'bench.sqlite') }, standIns),
    await run('PostgreSQL', { GROWTH_KIT_CONFIG: config, DATABASE_URL: cluster.database('gk_bench') }, standIns),
  ];
  console.log(`\ncollector load: ${LEADS} leads per store after ${WARMUP} to warm up, ${CONCURRENCY} at a time, loopback, this machine`);
  console.log('| store | accepted leads/s | POST p50 ms | POST p99 ms | forwarded jobs/s | CPU while accepting: collector / load and stand-ins |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const r of rows) console.log(`| ${r.store} | ${r.accepted} | ${r.p50} | ${r.p99} | ${r.forwarded} | ${r.collectorCpu} % / ${r.loadCpu} % |`);
  const sqlite = rows[0];
  const met = sqlite.accepted >= 1000 && Number(sqlite.p99) < 50;
  console.log(`target (SQLite ≥ 1,000 accepted/s, p99 < 50 ms): ${met ? 'met' : 'NOT met'}`);
} finally {
  cluster.stop();
  standIns.server.close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The forwarding worker: claims due jobs from the store (so several collectors share the work without doubling
 * it), sends each to its destination no faster than the destination's rate, and records the outcome. A failure
 * is tried again after an exponential backoff with jitter, or after the destination's Retry-After; a job still
 * failing after max_age, or refused for good (a 4xx that repeating won't fix), is dead until an operator replays
 * it. The visitor's request never waits for any of this: it only writes the job.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { Agent as UndiciAgent, request as undiciRequest } from 'undici';
import type { Job, Store } from '../store/index.js';
import type { Answer, Destination, Http, Verdict } from './destination.js';
import type { CollectorConfig } from './config.js';

export interface ForwarderOptions {
  /** This collector's name on the jobs it claims. */
  owner?: string;
  /** How jobs are sent (default undiciHttp with the configured timeout). */
  http?: Http;
  /** How often the store is asked for jobs when nothing woke the worker (others' inserts, ended leases). */
  pollMs?: number;
  /** Jobs claimed at once. */
  batch?: number;
  /** Attempts under way at once, across destinations (each destination's rate limit still applies). */
  maxInFlight?: number;
  random?: () => number;
}

export interface Settled {
  job: Job;
  state: 'delivered' | 'pending' | 'dead';
  answer: Answer;
  nextAt?: Date;
}

/**
 * undici (the HTTP client inside Node's fetch, without fetch's layers): keep-alive connections, a time limit for
 * the answer's head and for its body; no answer (refused, reset, timed out) is status 0 with the reason. It costs
 * less CPU per request than node:http, which a collector sending five requests per lead feels: under
 * bench/collector.ts it took SQLite from about 990 to about 1,190 accepted leads/s. Redirects are not followed:
 * an API that moved answers 3xx, which is dead.
 */
export function undiciHttp(timeoutMs: number): Http {
  const dispatcher = new UndiciAgent({ keepAliveTimeout: 10_000, connections: 32, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return async (url, init) => {
    try {
      const res = await undiciRequest(url, { method: init.method as 'POST', headers: init.headers, body: init.body, dispatcher });
      const retryAfter = res.headers['retry-after'];
      return { status: res.statusCode, body: await res.body.text(), retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : (retryAfter ?? null) };
    } catch (error) {
      return { status: 0, body: `no answer: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
  };
}

export class Forwarder extends EventEmitter<{ settled: [Settled] }> {
  readonly owner: string;
  private readonly destinations: Map<string, Destination>;
  private readonly http: Http;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly random: () => number;
  /** Per destination: the earliest time its next request may leave (its rate limit). */
  private readonly nextSlot = new Map<string, number>();
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private kicked = false;
  /** Destinations whose last claim found fewer jobs than asked for (run()). */
  private readonly drained = new Set<string>();
  /** When every destination was last asked for jobs. */
  private askedAll = 0;
  private nudged = false;
  /** Attempts under way, and the most there may be. */
  private inFlight = 0;
  private readonly maxInFlight: number;
  /** Attempts under way per destination. */
  private readonly busy = new Map<string, number>();
  /** Outcomes waiting to be recorded, and whether a record is under way (or scheduled). */
  private outcomes: Settled[] = [];
  private recording = false;

  constructor(
    private readonly store: Store,
    private readonly config: CollectorConfig,
    options: ForwarderOptions = {},
  ) {
    super();
    this.owner = options.owner ?? `collector-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.destinations = new Map(config.destinations.map((d) => [d.name, d]));
    this.http = options.http ?? undiciHttp(config.forwarding.timeoutMs);
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 20;
    this.maxInFlight = options.maxInFlight ?? 64;
    this.random = options.random ?? Math.random;
  }

  /** The destinations a submission of this kind is forwarded to. */
  destinationsFor(kind: string): string[] {
    return this.config.destinations.filter((d) => d.kinds.includes(kind)).map((d) => d.name);
  }

  start(): void {
    if (!this.stopped || !this.destinations.size) return;
    this.stopped = false;
    this.loop = this.run();
  }

  /** Looks for work now (a submission was just stored). */
  kick(): void {
    this.kicked = true;
    this.drained.clear();
    this.nudge();
  }

  /**
   * Wakes the loop once for everything that happened during this turn of the event loop (submissions stored,
   * attempts ended, outcomes recorded): a turn of the loop per event cost a round of claims per event.
   */
  private nudge(): void {
    if (this.nudged) return;
    this.nudged = true;
    setImmediate(() => {
      this.nudged = false;
      this.wake?.();
    });
  }

  /** Stops claiming; resolves when the attempts under way have been recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /**
   * Claims due jobs while fewer than `maxInFlight` attempts are under way, so one slow destination (an attempt
   * that waits for its timeout) never holds up the others; sleeps until a kick, an attempt's end, the next due
   * job or the poll interval. Outcomes are recorded in batches (record()).
   */
  private async run(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false;
      // Another collector's submissions and leases are only seen by asking: at least every poll interval, however
      // often attempts ending wake the loop.
      if (Date.now() - this.askedAll >= this.pollMs) this.drained.clear();
      if (!this.drained.size) this.askedAll = Date.now();
      // Whether a destination gave all that was asked for (more may be waiting): only then is it asked again at once.
      let more = false;
      const open: string[] = [];
      for (const destination of this.destinations.values()) {
        // A destination that gave less than asked has nothing due until something changes: a submission is
        // stored (kick), a retry or a lease comes due, or the poll interval passes. An attempt ending elsewhere
        // is not such a change: asking again then was most of the claims under load, and all of them empty.
        if (this.drained.has(destination.name)) {
          open.push(destination.name);
          continue;
        }
        // Each destination has room for about a second of its rate limit, within the collector's overall limit.
        // While some of its attempts are under way, it waits for room for a batch: claiming each freed place on
        // its own cost a store transaction per job (under load, most of the collector's time went to claims).
        const capacity = this.capacity(destination);
        const busy = this.busy.get(destination.name) ?? 0;
        const room = Math.min(this.maxInFlight - this.inFlight, capacity - busy);
        if (room <= 0 || (busy > 0 && room < Math.min(this.batch, Math.ceil(capacity / 2)))) continue;
        open.push(destination.name);
        let jobs: Job[] = [];
        const limit = Math.min(this.batch, room);
        try {
          jobs = await this.store.claim(this.owner, limit, this.config.forwarding.leaseMs, destination.name);
        } catch (error) {
          console.error('[forwarder] could not claim jobs', (error as Error).message);
        }
        if (jobs.length === limit) more = true;
        else this.drained.add(destination.name);
        for (const job of jobs) this.launch(job, destination);
      }
      if (this.stopped) break;
      if (more) continue;
      if (this.kicked) {
        // Submissions arriving together are claimed together: one turn of the event loop lets them land.
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      // The next due job of the destinations with room (a full one is woken by its own attempts' ends).
      const next = open.length ? await this.store.nextDue(open).catch(() => null) : null;
      const wait = next ? Math.min(this.pollMs, Math.max(0, next.getTime() - Date.now())) : this.pollMs;
      if (wait === 0) {
        this.drained.clear();
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const woken = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), wait);
        this.wake = () => (clearTimeout(timer), resolve(true));
      });
      this.wake = null;
      if (!woken) this.drained.clear();
    }
    // Stopping: the attempts under way finish and are recorded.
    while (this.inFlight > 0 || this.recording) {
      await new Promise<void>((resolve) => (this.wake = () => resolve()));
      this.wake = null;
    }
  }

  private capacity(destination: Destination): number {
    return Math.max(1, Math.min(this.maxInFlight, Math.ceil(destination.ratePerSecond)));
  }

  /** Runs one attempt in the background; its end frees its place and wakes the loop. */
  private launch(job: Job, destination: Destination): void {
    this.inFlight += 1;
    this.busy.set(destination.name, (this.busy.get(destination.name) ?? 0) + 1);
    void this.attempt(job).then((settled) => {
      this.inFlight -= 1;
      this.busy.set(destination.name, (this.busy.get(destination.name) ?? 1) - 1);
      this.queue(settled);
      this.nudge();
    });
  }

  /** Buffers an outcome; what gathers during one turn of the event loop is recorded together. */
  private queue(settled: Settled): void {
    this.outcomes.push(settled);
    this.scheduleRecord();
  }

  private scheduleRecord(): void {
    if (this.recording || !this.outcomes.length) return;
    this.recording = true;
    setImmediate(() => {
      const batch = this.outcomes;
      this.outcomes = [];
      void this.record(batch).then(() => {
        this.recording = false;
        this.scheduleRecord();
        this.nudge();
      });
    });
  }

  /** Waits for the destination's next free slot: requests leave at most `ratePerSecond` a second, evenly. */
  private async slot(destination: Destination): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextSlot.get(destination.name) ?? 0);
    this.nextSlot.set(destination.name, at + 1000 / destination.ratePerSecond);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  private backoff(attempts: number): number {
    const { baseDelayMs, maxDelayMs } = this.config.forwarding;
    const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
    // Half fixed, half random: retries from many jobs spread out instead of arriving together.
    return delay / 2 + (delay / 2) * this.random();
  }

  /** Records a batch's outcomes in one transaction, then announces each one that was still this collector's. */
  private async record(outcomes: Settled[]): Promise<void> {
    const recorded = await this.store
      .finishMany(
        this.owner,
        outcomes.map((s) => ({ id: s.job.id, outcome: { state: s.state, nextAt: s.nextAt, status: s.answer.status, answer: s.answer.body } })),
      )
      .catch((error: Error) => (console.error('[forwarder] could not record outcomes', error.message), outcomes.map(() => false)));
    outcomes.forEach((settled, i) => recorded[i] && this.emit('settled', settled));
  }

  private async attempt(job: Job): Promise<Settled> {
    const destination = this.destinations.get(job.destination);
    let answer: Answer;
    let verdict: Verdict;
    if (!destination) {
      answer = { status: 0, body: `no destination "${job.destination}" in this collector's config` };
      verdict = { state: 'dead' };
    } else {
      await this.slot(destination);
      try {
        ({ answer, verdict } = await destination.forward(job, this.http));
      } catch (error) {
        answer = { status: 0, body: `failed: ${(error as Error).message}` };
        verdict = { state: 'retry' };
      }
    }
    if (verdict.state !== 'retry') return { job, state: verdict.state, answer };
    const delay = verdict.afterMs ?? this.backoff(job.attempts);
    const expired = Date.now() + delay - Date.parse(job.created_at) > this.config.forwarding.maxAgeMs;
    return expired ? { job, state: 'dead', answer } : { job, state: 'pending', answer, nextAt: new Date(Date.now() + delay) };
  }
}

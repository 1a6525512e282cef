/**
 * The forwarding worker: claims due jobs from the store (so several collectors share the work without doubling
 * it), sends each to its destination no faster than the destination's rate, and records the outcome. A failure
 * is tried again after an exponential backoff with jitter, or after the destination's Retry-After; a job still
 * failing after max_age, or refused for good (a 4xx that repeating won't fix), is dead until an operator replays
 * it. The visitor's request never waits for any of this: it only writes the job.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Job, Store } from '../store/index.js';
import type { Answer, Destination, Http, Verdict } from './destination.js';
import type { CollectorConfig } from './config.js';

export interface ForwarderOptions {
  /** This collector's name on the jobs it claims. */
  owner?: string;
  /** How jobs are sent (default fetch with the configured timeout). */
  http?: Http;
  /** How often the store is asked for jobs when nothing woke the worker (others' inserts, ended leases). */
  pollMs?: number;
  /** Jobs claimed at once. */
  batch?: number;
  random?: () => number;
}

export interface Settled {
  job: Job;
  state: 'delivered' | 'pending' | 'dead';
  answer: Answer;
  nextAt?: Date;
}

/** fetch with a time limit; no answer (refused, reset, timed out) is status 0 with the reason. */
export function fetchHttp(timeoutMs: number): Http {
  return async (url, init) => {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
      return { status: response.status, body: await response.text(), retryAfter: response.headers.get('retry-after') };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { status: 0, body: `no answer: ${cause ?? (error as Error).name}` };
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

  constructor(
    private readonly store: Store,
    private readonly config: CollectorConfig,
    options: ForwarderOptions = {},
  ) {
    super();
    this.owner = options.owner ?? `collector-${process.pid}-${randomUUID().slice(0, 8)}`;
    this.destinations = new Map(config.destinations.map((d) => [d.name, d]));
    this.http = options.http ?? fetchHttp(config.forwarding.timeoutMs);
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 20;
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
    this.wake?.();
  }

  /** Stops claiming; resolves when the attempts under way have been recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      this.kicked = false;
      let jobs: Job[] = [];
      try {
        jobs = await this.store.claim(this.owner, this.batch, this.config.forwarding.leaseMs);
      } catch (error) {
        console.error('[forwarder] could not claim jobs', (error as Error).message);
      }
      if (jobs.length) {
        await Promise.all(jobs.map((job) => this.attempt(job)));
        continue;
      }
      if (this.kicked) continue;
      const next = await this.store.nextDue().catch(() => null);
      const wait = next ? Math.min(this.pollMs, Math.max(0, next.getTime() - Date.now())) : this.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = null;
    }
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

  private async attempt(job: Job): Promise<void> {
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
    let settled: Settled;
    if (verdict.state === 'retry') {
      const delay = verdict.afterMs ?? this.backoff(job.attempts);
      const expired = Date.now() + delay - Date.parse(job.created_at) > this.config.forwarding.maxAgeMs;
      settled = expired ? { job, state: 'dead', answer } : { job, state: 'pending', answer, nextAt: new Date(Date.now() + delay) };
    } else settled = { job, state: verdict.state, answer };
    const recorded = await this.store
      .finish(job.id, this.owner, { state: settled.state, nextAt: settled.nextAt, status: answer.status, answer: answer.body })
      .catch((error: Error) => (console.error('[forwarder] could not record an outcome', error.message), false));
    if (recorded) this.emit('settled', settled);
  }
}

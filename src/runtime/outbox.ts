/**
 * The outbox: nothing captured is lost. Each submission is written to storage BEFORE the first attempt, with its
 * idempotency key, and leaves only when the endpoint accepted it (2xx) or refused it for good (4xx other than
 * 408/425/429). Failed attempts back off exponentially with jitter and honour Retry-After; sending resumes on
 * `online` and on the next page load, and a Web Lock keeps two tabs from sending the same item at once.
 * Storage that throws or is full falls back to memory: the item is then delivered while the page lives.
 */
import { readLocal, writeLocal } from './storage.js';
import { send, type SendResult } from './transport.js';

export interface OutboxItem {
  key: string;
  endpoint: string;
  payload: unknown;
  createdAt: number;
  attempts: number;
  nextAt: number;
}

export type DeliveryState = 'delivered' | 'queued' | 'rejected' | 'expired';

export interface Delivery {
  state: DeliveryState;
  result: SendResult | null;
}

export interface OutboxSettings {
  /** Milliseconds before an undelivered item gives up (default 7 days). */
  maxAge: number;
  /** First retry delay in ms; doubles each attempt up to `maxDelay`. */
  baseDelay: number;
  maxDelay: number;
}

const STORAGE_KEY = 'gk_outbox';
/** Our whole footprint in localStorage stays under 256 KB, so a host's own storage never fills up because of us. */
const MAX_BYTES = 256 * 1024;

export const settings: OutboxSettings = { maxAge: 7 * 24 * 3600 * 1000, baseDelay: 1000, maxDelay: 5 * 60 * 1000 };

/** Items not yet settled; mirrors storage when storage works. */
let items: OutboxItem[] = load();
const inFlight = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** Fires `settled` (detail: { key, state, result }) when a queued item is finally delivered, rejected or expired. */
export const outboxEvents = new EventTarget();

function load(): OutboxItem[] {
  try {
    const parsed = JSON.parse(readLocal(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((i: OutboxItem) => i && typeof i.key === 'string' && typeof i.endpoint === 'string') : [];
  } catch {
    return [];
  }
}

function save(): void {
  const json = JSON.stringify(items);
  if (json.length * 2 <= MAX_BYTES) writeLocal(STORAGE_KEY, json);
}

function retryable(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

function settle(item: OutboxItem, state: DeliveryState, result: SendResult | null): void {
  items = items.filter((i) => i.key !== item.key);
  save();
  outboxEvents.dispatchEvent(new CustomEvent('settled', { detail: { key: item.key, state, result } }));
}

function delayFor(item: OutboxItem, result: SendResult): number {
  const backoff = Math.min(settings.maxDelay, settings.baseDelay * 2 ** Math.max(0, item.attempts - 1));
  const jittered = backoff / 2 + Math.random() * (backoff / 2);
  return Math.max(jittered, (result.retryAfter ?? 0) * 1000);
}

async function attempt(item: OutboxItem, keepalive = false): Promise<Delivery> {
  if (Date.now() - item.createdAt > settings.maxAge) {
    settle(item, 'expired', null);
    return { state: 'expired', result: null };
  }
  inFlight.add(item.key);
  item.attempts += 1;
  save();
  let result: SendResult;
  try {
    result = await send(item.endpoint, item.payload, { idempotencyKey: item.key, keepalive });
  } finally {
    inFlight.delete(item.key);
  }
  if (result.ok) {
    settle(item, 'delivered', result);
    return { state: 'delivered', result };
  }
  if (!retryable(result.status)) {
    settle(item, 'rejected', result);
    return { state: 'rejected', result };
  }
  item.nextAt = Date.now() + delayFor(item, result);
  save();
  schedule();
  return { state: 'queued', result };
}

function schedule(): void {
  clearTimeout(timer);
  if (!items.length) return;
  const next = Math.min(...items.map((i) => i.nextAt));
  timer = setTimeout(() => void flush(), Math.max(0, next - Date.now()));
}

/** Runs `run` under the outbox lock; resolves false when another tab holds it (that tab is sending). */
function withLock(run: () => Promise<void>): Promise<boolean> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks?.request) return run().then(() => true);
  return locks.request('gk-outbox', { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await run();
    return true;
  }) as unknown as Promise<boolean>;
}

/** How long a tab waits before trying again when another tab holds the lock. */
const LOCK_RETRY = 2000;

/** Sends every item that is due. When another tab holds the lock, this tab tries again shortly. */
export function flush(force = false): Promise<void> {
  return withLock(async () => {
    // Items another tab stored join ours. None of ours is dropped because storage lacks it: storage may have been
    // cleared under us, and a second send of a delivered item only gets the endpoint's replayed answer.
    for (const s of load()) if (!items.some((i) => i.key === s.key)) items.push(s);
    const due = items.filter((i) => !inFlight.has(i.key) && (force || i.nextAt <= Date.now()));
    for (const item of due) await attempt(item);
    schedule();
  })
    .then((ran) => {
      if (!ran) {
        clearTimeout(timer);
        timer = setTimeout(() => void flush(force), LOCK_RETRY);
      }
    })
    .catch(() => schedule());
}

/**
 * Keeps `payload` until `endpoint` accepts it under `key`. Resolves after the first attempt: 'delivered',
 * 'rejected' (with the endpoint's answer), or 'queued' (kept, and retried until it settles).
 */
export function deliver(endpoint: string, payload: unknown, key: string): Promise<Delivery> {
  const existing = items.find((i) => i.key === key);
  if (existing) return Promise.resolve({ state: 'queued', result: null });
  const item: OutboxItem = { key, endpoint, payload, createdAt: Date.now(), attempts: 0, nextAt: Date.now() };
  items.push(item);
  save();
  return attempt(item);
}

/** Items waiting (tests and the dev panel read this). */
export function pending(): readonly OutboxItem[] {
  return items;
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void flush(true));
  // Leftovers from an earlier page load or a closed tab.
  if (items.length) setTimeout(() => void flush(true), 0);
}

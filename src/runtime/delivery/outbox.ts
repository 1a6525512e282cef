/**
 * The outbox: nothing captured is lost. Each submission is written to storage BEFORE the first attempt, with its
 * idempotency key, and leaves only when the endpoint accepted it (2xx) or refused it for good (4xx other than
 * 408/425/429). Failed attempts back off exponentially with jitter and honour Retry-After; sending resumes on
 * `online` and on the next page load. Across tabs, a Web Lock lets one tab send at a time and a BroadcastChannel
 * tells the others what was settled, so no item is sent twice. When the page is hidden or unloads, what is left
 * goes out with `keepalive` in a request that needs no preflight. Storage that throws or is full falls back to
 * memory: the item is then delivered while the page lives. Items older than `deliveryMaxAgeDays` (7) give up
 * with a `gk-delivery-failed` event.
 */
import { report } from '../analytics/index.js';
import { getConfig } from '../config/index.js';
import { readLocal, stringify, writeLocal } from '../base/index.js';
import { send, type SendResult } from './transport.js';
import { outboxEvents, type Delivery, type DeliveryFailedDetail, type DeliveryState, type DeliverOptions } from './types.js';

export interface OutboxItem {
  key: string;
  endpoint: string;
  payload: unknown;
  headers?: Record<string, string>;
  createdAt: number;
  attempts: number;
  nextAt: number;
}

export interface OutboxSettings {
  /** First retry delay in ms; doubles each attempt up to `maxDelay`. */
  baseDelay: number;
  maxDelay: number;
}

const STORAGE_KEY = 'gk_outbox';
/** Our whole footprint in localStorage stays under 256 KB, so a host's own storage never fills up because of us. */
const MAX_BYTES = 256 * 1024;

export const settings: OutboxSettings = { baseDelay: 1000, maxDelay: 5 * 60 * 1000 };

/** Items not yet settled; mirrors storage when storage works. */
let items: OutboxItem[] = load();
const inFlight = new Set<string>();
/** Keys settled here or in another tab: never written back to storage, never sent again. */
const settledKeys = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;

interface SettledMessage {
  key: string;
  state: DeliveryState;
  result: SendResult | null;
}
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('gk-outbox') : null;

function load(): OutboxItem[] {
  try {
    const parsed = JSON.parse(readLocal(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? parsed.filter((i: OutboxItem) => i && typeof i.key === 'string' && typeof i.endpoint === 'string') : [];
  } catch {
    return [];
  }
}

/** Writes our items and whatever other tabs stored meanwhile (minus what is settled) back to storage. */
function save(): void {
  const others = load().filter((s) => !settledKeys.has(s.key) && !items.some((i) => i.key === s.key));
  const json = stringify([...items, ...others]);
  if (json.length * 2 <= MAX_BYTES) writeLocal(STORAGE_KEY, json);
}

function retryable(status: number): boolean {
  return status === 0 || status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Forgets a settled item and tells this tab's widgets (and, for `failed`, the page). */
function forget({ key, state, result }: SettledMessage, endpoint?: string): void {
  settledKeys.add(key);
  items = items.filter((i) => i.key !== key);
  outboxEvents.dispatchEvent(new CustomEvent('settled', { detail: { key, state, result } }));
  if (endpoint && state !== 'delivered') {
    const detail: DeliveryFailedDetail = { key, endpoint, reason: state === 'expired' ? 'expired' : 'rejected', status: result?.status ?? 0 };
    report('page', 'gk-delivery-failed', detail);
  }
}

function settle(item: OutboxItem, state: DeliveryState, result: SendResult | null): void {
  const message: SettledMessage = { key: item.key, state, result };
  forget(message, item.endpoint);
  save();
  channel?.postMessage(message);
}

function delayFor(item: OutboxItem, result: SendResult): number {
  const backoff = Math.min(settings.maxDelay, settings.baseDelay * 2 ** Math.max(0, item.attempts - 1));
  const jittered = backoff / 2 + Math.random() * (backoff / 2);
  return Math.max(jittered, (result.retryAfter ?? 0) * 1000);
}

/** How long an item is tried before it gives up: `deliveryMaxAgeDays` (default 7). */
function maxAge(): number {
  return (getConfig().deliveryMaxAgeDays ?? 7) * 24 * 3600 * 1000;
}

async function attempt(item: OutboxItem, keepalive = false): Promise<Delivery> {
  if (Date.now() - item.createdAt > maxAge()) {
    settle(item, 'expired', null);
    return { state: 'expired', result: null };
  }
  inFlight.add(item.key);
  item.attempts += 1;
  save();
  let result: SendResult;
  try {
    result = await send(item.endpoint, item.payload, { idempotencyKey: item.key, keepalive, ...(item.headers ? { headers: item.headers } : {}) });
  } finally {
    inFlight.delete(item.key);
  }
  // Another tab settled it meanwhile (its answer already reached our widgets).
  if (settledKeys.has(item.key)) return { state: result.ok ? 'delivered' : 'queued', result };
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
    // cleared under us, and a tab that settled it says so on the channel.
    for (const s of load()) if (!settledKeys.has(s.key) && !items.some((i) => i.key === s.key)) items.push(s);
    const due = items.filter((i) => !inFlight.has(i.key) && (force || i.nextAt <= Date.now()));
    for (const item of due) if (!settledKeys.has(item.key)) await attempt(item);
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
 * The page is going away (or hidden, which on mobile may be the last chance): everything left goes out now with
 * keepalive, in requests that need no preflight. On pagehide that includes requests in flight, which the
 * navigation cancels; the endpoint stores a key once, and what does not arrive is still in storage for next time.
 */
function flushOnExit(unloading: boolean): void {
  for (const item of items) {
    if (settledKeys.has(item.key) || (!unloading && inFlight.has(item.key))) continue;
    void attempt(item, true);
  }
}

/**
 * Stores `payload` and keeps it until `endpoint` accepts it under `key` (the door's `deliver` calls this). Resolves after the first attempt: 'delivered',
 * 'rejected' (with the endpoint's answer), or 'queued' (kept, and retried until it settles).
 */
export function keep(endpoint: string, payload: unknown, key: string, { keepalive = false, headers }: DeliverOptions = {}): Promise<Delivery> {
  const existing = items.find((i) => i.key === key);
  if (existing) return Promise.resolve({ state: 'queued', result: null });
  const item: OutboxItem = { key, endpoint, payload, ...(headers ? { headers } : {}), createdAt: Date.now(), attempts: 0, nextAt: Date.now() };
  items.push(item);
  save();
  return attempt(item, keepalive);
}

/** Items waiting (tests and the dev panel read this). */
export function pending(): readonly OutboxItem[] {
  return items;
}

if (typeof window !== 'undefined') {
  channel?.addEventListener('message', (event: MessageEvent<SettledMessage>) => {
    if (event.data && typeof event.data.key === 'string') forget(event.data);
  });
  window.addEventListener('online', () => void flush(true));
  window.addEventListener('pagehide', () => flushOnExit(true));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnExit(false);
  });
  // Leftovers from an earlier page load or a closed tab.
  if (items.length) setTimeout(() => void flush(true), 0);
}

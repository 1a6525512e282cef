/**
 * How the outbox sends one attempt of an item. Every request carries an Idempotency-Key so the endpoint can store
 * a retried submission once. `setTransport` swaps the fetch-based transport for another (an npm user's own HTTP
 * client, a test double for a host app); storage, retries and idempotency stay the outbox's either way.
 */
import { stringify, shared } from '../base/index.js';

export interface SendOptions {
  /** The key the endpoint deduplicates on; a submission's id. */
  idempotencyKey: string;
  /** Whether the request must outlive the page (pagehide flushes). */
  keepalive?: boolean;
  /** Headers a protocol needs (xAPI's X-Experience-API-Version); an unloading request keeps them, preflight and all. */
  headers?: Record<string, string>;
}

export interface SendResult {
  /** Whether the endpoint accepted the payload (2xx). */
  ok: boolean;
  /** The HTTP status, or 0 when no response arrived. */
  status: number;
  /** The parsed JSON response body, when there was one. */
  body: unknown;
  /** Seconds the endpoint asked us to wait (Retry-After), when it said. */
  retryAfter?: number;
}

export interface Transport {
  send(endpoint: string, payload: unknown, options: SendOptions): Promise<SendResult>;
}

/** Retry-After as seconds, from either of its forms (delta-seconds or an HTTP date). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * A request that needs no CORS preflight: a preflight may never finish while the page unloads, so an unloading
 * send carries its key in the query and its JSON as text/plain (the endpoint reads both forms).
 */
function unloadingRequest(endpoint: string, key: string): [string, Record<string, string>] {
  const url = new URL(endpoint, location.href);
  url.searchParams.set('idempotency_key', key);
  return [url.href, { 'Content-Type': 'text/plain;charset=UTF-8' }];
}

export const fetchTransport: Transport = {
  async send(endpoint, payload, { idempotencyKey, keepalive, headers: extra }) {
    let response: Response;
    // A protocol with headers of its own needs its preflight anyway, so only plain posts take the unloading form.
    const [url, headers] =
      keepalive && !extra
        ? unloadingRequest(endpoint, idempotencyKey)
        : [endpoint, { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, ...extra }];
    try {
      response = await fetch(url, { method: 'POST', headers, body: stringify(payload), keepalive, credentials: 'omit' });
    } catch {
      return { ok: false, status: 0, body: null };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    return { ok: response.ok, status: response.status, body, ...(retryAfter === undefined ? {} : { retryAfter }) };
  },
};

/** The transport in force, one for the page (base/page.ts): an npm copy's setTransport reaches the outbox in use. */
const transportInUse = shared('transport', () => ({ current: fetchTransport }));

/** Sends every later attempt through `transport` instead of fetch. */
export function setTransport(transport: Transport): void {
  transportInUse.current = transport;
}

export function send(endpoint: string, payload: unknown, options: SendOptions): Promise<SendResult> {
  return transportInUse.current.send(endpoint, payload, options);
}

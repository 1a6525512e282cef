/**
 * The delivery room's door. `deliver` is the one way anything the kit captured (a lead, a proof of consent, a
 * learning event) leaves the page: it hands the item to the outbox (outbox.ts), which stores it before the first
 * attempt and keeps it until the endpoint has it. The outbox is a lazy part: it loads on the first send, or at
 * start-up when an earlier page left something undelivered, so it weighs nothing on the initial download.
 */
import { lazy, shared, readLocal } from '../base/index.js';
import type { Delivery, DeliverOptions } from './types.js';

export * from './types.js';
// transport.ts is the outbox's: re-exporting its values here would pull it into the initial download.
export type { SendOptions, SendResult, Transport } from './transport.js';

type Outbox = typeof import('./outbox.js');
// One outbox for the page (base/page.ts): two would each write the stored list and lose the other's items.
const box = shared('outbox', () => ({ loaded: null as Outbox | null, load: lazy(() => import('./outbox.js')) }));

/**
 * Keeps `payload` until `endpoint` accepts it under `key`. Resolves after the first attempt: 'delivered',
 * 'rejected' (with the endpoint's answer), or 'queued' (kept, retried until it settles; `outboxEvents` says when).
 * Once the outbox is loaded this hands over synchronously: a page that is unloading may not live to see another
 * task, and the item must be stored now.
 */
export function deliver(endpoint: string, payload: unknown, key: string, options?: DeliverOptions): Promise<Delivery> {
  if (box.loaded) return box.loaded.keep(endpoint, payload, key, options);
  return box.load().then((m) => {
    if (m) return (box.loaded = m).keep(endpoint, payload, key, options);
    // The outbox's own chunk did not arrive: the item waits in memory while the page lives and is handed over on a
    // later try; its outcome then reaches the caller through outboxEvents, like any queued item.
    setTimeout(() => void deliver(endpoint, payload, key, options), 5000);
    return { state: 'queued', result: null };
  });
}

/** Loads the outbox when stored items wait to be sent; loading it resumes them. */
export function resumeDelivery(): void {
  const stored = readLocal('gk_outbox');
  if (stored && stored !== '[]') void box.load().then((m) => (box.loaded ??= m));
}

/**
 * The door to the outbox that keeps it off the initial download: the outbox module loads on the first send, or
 * at start-up when an earlier page left something undelivered.
 */
import type { Delivery, DeliverOptions } from './outbox.js';
import { readLocal } from '../base/storage.js';

type Outbox = typeof import('./outbox.js');
let outbox: Outbox | null = null;

export const loadOutbox = (): Promise<Outbox> => import('./outbox.js').then((m) => (outbox = m));

/**
 * Keeps `payload` until `endpoint` accepts it under `key` (see outbox.ts). Once the outbox is loaded this hands
 * over synchronously: a page that is unloading may not live to see another task, and the item must be stored now.
 */
export function deliver(endpoint: string, payload: unknown, key: string, options?: DeliverOptions): Promise<Delivery> {
  if (outbox) return outbox.deliver(endpoint, payload, key, options);
  return loadOutbox().then((m) => m.deliver(endpoint, payload, key, options));
}

/** Loads the outbox when stored items wait to be sent; loading it resumes them. */
export function resumeDelivery(): void {
  const stored = readLocal('gk_outbox');
  if (stored && stored !== '[]') void loadOutbox();
}

/**
 * The door to the outbox that keeps it off the initial download: the outbox module loads on the first send, or
 * at start-up when an earlier page left something undelivered.
 */
import type { Delivery, DeliverOptions } from './outbox.js';
import { readLocal } from './storage.js';

export const loadOutbox = () => import('./outbox.js');

/** Keeps `payload` until `endpoint` accepts it under `key` (see outbox.ts). */
export async function deliver(endpoint: string, payload: unknown, key: string, options?: DeliverOptions): Promise<Delivery> {
  return (await loadOutbox()).deliver(endpoint, payload, key, options);
}

/** Loads the outbox when stored items wait to be sent; loading it resumes them. */
export function resumeDelivery(): void {
  const stored = readLocal('gk_outbox');
  if (stored && stored !== '[]') void loadOutbox();
}

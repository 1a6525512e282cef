/** What the delivery room's door and the outbox share: the outcome of a delivery and the outbox's event target. */
import { shared } from '../base/index.js';
import type { SendResult } from './transport.js';

export type DeliveryState = 'delivered' | 'queued' | 'rejected' | 'expired';

export interface Delivery {
  state: DeliveryState;
  result: SendResult | null;
}

export interface DeliverOptions {
  /** The page is unloading: send with keepalive in a request that needs no preflight (it stays stored until answered). */
  keepalive?: boolean;
  /** Headers the receiving protocol needs, kept with the item for every retry. */
  headers?: Record<string, string>;
}

/** Why an item left the outbox undelivered: too old, or refused for good by the endpoint. */
export interface DeliveryFailedDetail {
  key: string;
  endpoint: string;
  reason: 'expired' | 'rejected';
  status: number;
}

/** Fires `settled` (detail: { key, state, result }) when a queued item is finally delivered, rejected or expired; one for the page (base/page.ts). */
export const outboxEvents = shared('outbox-events', () => new EventTarget());

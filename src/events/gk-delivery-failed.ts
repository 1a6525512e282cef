import type { DeliveryFailedDetail } from '../runtime/delivery/outbox.js';

/** A submission left the outbox undelivered: older than `deliveryMaxAgeDays`, or refused for good. On window and document. */
export type { DeliveryFailedDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-delivery-failed': CustomEvent<DeliveryFailedDetail>;
  }
  interface WindowEventMap {
    'gk-delivery-failed': CustomEvent<DeliveryFailedDetail>;
  }
}

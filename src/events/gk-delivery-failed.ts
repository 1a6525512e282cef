import type { DeliveryFailedDetail } from '../runtime/delivery/index.js';

/** A submission left the outbox undelivered: older than `deliveryMaxAgeDays`, or refused for good. On window and document. */
export type { DeliveryFailedDetail };

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-delivery-failed': DeliveryFailedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-delivery-failed': CustomEvent<DeliveryFailedDetail>;
  }
  interface WindowEventMap {
    'gk-delivery-failed': CustomEvent<DeliveryFailedDetail>;
  }
}

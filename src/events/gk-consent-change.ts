import type { ConsentChangeDetail } from '../runtime/consent/state.js';

/** The visitor's consent changed; dispatched on window and document. */
export type { ConsentChangeDetail };

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-consent-change': CustomEvent<ConsentChangeDetail>;
  }
  interface WindowEventMap {
    'gk-consent-change': CustomEvent<ConsentChangeDetail>;
  }
}

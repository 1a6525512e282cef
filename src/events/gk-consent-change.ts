import type { ConsentChangeDetail } from '../runtime/consent/index.js';

/** The visitor's consent changed; dispatched on window and document. */
export type { ConsentChangeDetail };

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-consent-change': ConsentChangeDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-consent-change': CustomEvent<ConsentChangeDetail>;
  }
  interface WindowEventMap {
    'gk-consent-change': CustomEvent<ConsentChangeDetail>;
  }
}

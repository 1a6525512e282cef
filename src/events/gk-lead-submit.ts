/** A lead is about to be sent. Cancelable; the payload may be enriched in place. */
export interface LeadSubmitDetail {
  payload: Record<string, unknown>;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lead-submit': LeadSubmitDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lead-submit': CustomEvent<LeadSubmitDetail>;
  }
}

/** The lead form's dialog closed. */
export interface LeadFormCloseDetail {
  glmContent: string;
  submitted: boolean;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lead-form-close': LeadFormCloseDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lead-form-close': CustomEvent<LeadFormCloseDetail>;
  }
}

/** The lead form's dialog opened. */
export interface LeadFormOpenDetail {
  glmContent: string;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lead-form-open': LeadFormOpenDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lead-form-open': CustomEvent<LeadFormOpenDetail>;
  }
}

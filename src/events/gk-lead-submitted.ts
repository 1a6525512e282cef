/** The endpoint accepted a lead. */
export interface LeadSubmittedDetail {
  submissionId: string;
  glmContent: string;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lead-submitted': LeadSubmittedDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lead-submitted': CustomEvent<LeadSubmittedDetail>;
  }
}

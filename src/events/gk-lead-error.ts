/** A lead was not accepted: 'saved' means it is kept and will be sent, 'rejected' that the endpoint refused it. */
export interface LeadErrorDetail {
  submissionId: string;
  glmContent: string;
  reason: 'saved' | 'rejected';
  status: number;
}

declare module '../runtime/config/outcomes.js' {
  interface GkEventDetails {
    'gk-lead-error': LeadErrorDetail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'gk-lead-error': CustomEvent<LeadErrorDetail>;
  }
}

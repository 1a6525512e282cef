/**
 * Growth Kit for npm users: the element classes, their types and the shared runtime. Importing this file
 * registers nothing; import `growth-kit/<tag-name>` to register one element, or include dist/growth-kit.js.
 */
export { HandRaiseLeadButton } from './components/hand-raise-lead-button/hand-raise-lead-button.js';
export { ConsentGate } from './components/consent-gate/consent-gate.js';
export { CourseProgressTracker } from './components/course-progress-tracker/course-progress-tracker.js';
export { define, VERSION } from './internal/define.js';
export { configure, getConfig, type GrowthKitCallbacks, type GrowthKitConfig, type GrowthKitUser } from './runtime/config/index.js';
export { consent, CONSENT_CATEGORIES, type ConsentCategory, type ConsentDecision, type ConsentSource } from './runtime/consent/index.js';
export { track, page } from './runtime/analytics/index.js';
export { getAttribution, getAnonymousId, type Attribution } from './runtime/analytics/identity.js';
export { registerLocale } from './runtime/i18n/index.js';
export { deliver, type Delivery, type Transport, type SendResult, type SendOptions } from './runtime/delivery/index.js';
// The npm entry is not on the drop-in's initial download, so it may reach the outbox's transport directly.
export { setTransport, fetchTransport } from './runtime/delivery/transport.js';
export type { LeadSubmitDetail } from './events/gk-lead-submit.js';
export type { LeadSubmittedDetail } from './events/gk-lead-submitted.js';
export type { LeadErrorDetail } from './events/gk-lead-error.js';
export type { LeadFormOpenDetail } from './events/gk-lead-form-open.js';
export type { LeadFormCloseDetail } from './events/gk-lead-form-close.js';
export type { CourseCompleteDetail } from './events/gk-course-complete.js';
export type { LessonCompleteDetail } from './events/gk-lesson-complete.js';
export type { ConsentChangeDetail } from './events/gk-consent-change.js';
export type { DeliveryFailedDetail } from './events/gk-delivery-failed.js';

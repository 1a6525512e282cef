/**
 * Every `gk-*` event's types, one file each; importing this adds them to GkEventDetails and to the DOM's event
 * maps, so `el.addEventListener('gk-lead-submitted', (e) => e.detail.submissionId)` type-checks.
 */
import './gk-consent-change.js';
import './gk-course-complete.js';
import './gk-delivery-failed.js';
import './gk-lead-error.js';
import './gk-lead-form-close.js';
import './gk-lead-form-open.js';
import './gk-lead-submit.js';
import './gk-lead-submitted.js';
import './gk-lesson-complete.js';

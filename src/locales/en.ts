import type enConsent from './en-consent.js';
import type enForm from './en-form.js';

/**
 * English: the fallback catalog, shipped in the initial script. The lead form's wording (en-form.ts) arrives
 * with the lazy form chunk, the consent preferences' (en-consent.ts) with theirs. Every other catalog is lazy and has all keys of both.
 */
const en = {
  'lead.button': 'Contact sales',
  'lead.loadFailed': 'The form could not be loaded. Please try again.',
  'consent.title': 'Your privacy',
  'consent.text': 'We use cookies to run this site, understand how it is used and personalise marketing. Choose what you allow.',
  'consent.acceptAll': 'Accept all',
  'consent.rejectAll': 'Reject all',
  'consent.preferences': 'Preferences',
  'consent.settings': 'Privacy settings',
  'consent.policy': 'Privacy policy',
  'consent.allowAndShow': 'Allow and show',
  'consent.blocked': 'This content is hidden until you allow {category} cookies.',
  'consent.necessary': 'Necessary',
  'consent.functional': 'Functional',
  'consent.analytics': 'Analytics',
  'consent.marketing': 'Marketing',
  'course.progress': 'Course progress',
  'course.percent': '{percent}% complete',
  'course.complete': 'Course complete',
  'course.lessonDone': 'Lesson completed: {title}',
  'course.lessonStatusDone': 'completed',
  'course.lessonStatusTodo': 'not completed',
  'course.badge': 'Your badge',
  'course.empty': 'This course has no lessons yet.',
};

export type Messages = Record<keyof typeof en | keyof typeof enForm | keyof typeof enConsent, string>;
export default en as Messages;

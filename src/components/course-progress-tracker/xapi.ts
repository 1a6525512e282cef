/**
 * xAPI statements for a Learning Record Store: a lazy chunk, loaded only when `xapi-endpoint` is set (zero bytes
 * on the default path). Each learning event becomes one statement (verbs progressed, completed, passed, failed
 * from ADL's vocabulary), posted to `<xapi-endpoint>/statements` through the outbox with the event's id as the
 * statement id, so a retry is the same statement. Point `xapi-endpoint` at your own proxy that adds the LRS's
 * credentials: credentials never belong in page markup.
 */
import { readLocal, uuid, writeLocal } from '../../runtime/base/index.js';
import { deliver } from '../../runtime/delivery/index.js';
import type { CourseHost } from './course-host.js';
import type { ProgressEvent } from './progress-event.schema.js';

const VERBS: Partial<Record<ProgressEvent['event'], string>> = {
  progressed: 'progressed',
  completed: 'completed',
  passed: 'passed',
  failed: 'failed',
  course_completed: 'completed',
};

const LEARNER_KEY = 'gk_xapi_learner';

/**
 * The LRS's account for a learner the host did not name (no user-id): one per browser, kept with the learning
 * records this browser already keeps, so every course and every visit lands on the same learner rather than on a
 * shared "anonymous". Only pages that send statements (an xapi-endpoint) create it.
 */
function browserLearner(): string {
  const kept = readLocal(LEARNER_KEY);
  if (kept && /^[0-9a-f-]{36}$/.test(kept)) return kept;
  const id = uuid();
  writeLocal(LEARNER_KEY, id);
  return id;
}

/** The statement for one learning event, or null for events xAPI has no verb for here (started). */
export function statementFor(c: CourseHost, event: ProgressEvent): Record<string, unknown> | null {
  const verb = VERBS[event.event];
  if (!verb) return null;
  const course = `${location.origin}/courses/${encodeURIComponent(event.course_id)}`;
  const lesson = event.lesson_id ? c.rules.lessons.find((l) => l.id === event.lesson_id) : null;
  return {
    id: event.event_id,
    actor: { objectType: 'Agent', account: { homePage: location.origin, name: event.user_id ?? browserLearner() } },
    verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
    object: {
      objectType: 'Activity',
      id: event.lesson_id ? `${course}/lessons/${encodeURIComponent(event.lesson_id)}` : course,
      definition: { name: { 'en-US': (lesson?.title || event.lesson_id || c.courseId).slice(0, 300) } },
    },
    result: {
      ...(verb === 'completed' ? { completion: true } : {}),
      ...(verb === 'passed' || verb === 'failed' ? { success: verb === 'passed', score: { scaled: Math.max(-1, Math.min(1, event.progress / 100)) } } : {}),
      extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': Math.round(event.progress) },
    },
    ...(event.lesson_id ? { context: { contextActivities: { parent: [{ objectType: 'Activity', id: course }] } } } : {}),
    timestamp: event.occurred_at,
  };
}

/** Sends the statement for `event` to the LRS (through the outbox: stored first, retried, sent once). */
export function sendStatement(c: CourseHost, xapiEndpoint: string, event: ProgressEvent): void {
  const statement = statementFor(c, event);
  if (!statement) return;
  // The statement id is the event's; the delivery key must differ from the event's own post.
  const key = `${event.event_id}-xapi`;
  void deliver(`${xapiEndpoint.replace(/\/+$/, '')}/statements`, statement, key, { headers: { 'X-Experience-API-Version': '1.0.3' } });
}

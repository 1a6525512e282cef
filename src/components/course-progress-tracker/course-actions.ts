/**
 * The course logic of <course-progress-tracker>: completing lessons, quiz results, the completion rule and what
 * is posted. A lazy part, loaded on the first learning event; the element itself only renders stored progress.
 */
import { loadedIdentity, track } from '../../runtime/analytics/index.js';
import { lazy, uuid } from '../../runtime/base/index.js';
import { bool, check, fail, object, optional, resolveEndpoint, toHttpUrl, type Parser } from '../../runtime/config/index.js';
import { deliver } from '../../runtime/delivery/index.js';
import type { CourseHost } from './course-host.js';
import type { Lesson } from './course-progress-tracker.attributes.js';
import { playedSeconds } from './played-time.js';
import type { ProgressEvent } from './progress-event.schema.js';

/** A finite number (a quiz's score): this part's own parser, so the initial download does not carry it. */
const num: Parser<number> = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : fail('expected a number'));

/** xAPI statements: loaded only when the tracker has an `xapi-endpoint`. */
const loadXapi = lazy(() => import('./xapi.js'));

/** The xAPI endpoint, http(s) only; checked here, off the initial path, the first time a statement is due. */
function xapiEndpoint(c: CourseHost): string | null {
  if (!c.xapiEndpoint) return null;
  const url = toHttpUrl(String(c.xapiEndpoint));
  if (!url) c.warn('xapi-endpoint', 'is not an http(s) URL; no xAPI statements are sent');
  return url;
}

export interface PostOptions {
  /** The milestone this 'progressed' event reports, once per lesson per learner. */
  milestone?: 25 | 50 | 75 | 100;
  /** Sent while the page unloads (pagehide): keepalive, no preflight. */
  keepalive?: boolean;
}

export function complete(c: CourseHost, lessonId: string): void {
  if (c.lesson(lessonId).completed) return;
  completeLesson(c, lessonId);
  c.saveProgress();
}

export function reportQuiz(c: CourseHost, lessonId: string, result: { score: number; max: number; passed?: boolean }): void {
  const valid = check(object({ score: num, max: num, passed: optional(bool) }), result);
  if (!valid.ok || result.max <= 0) {
    c.warn('reportQuiz', 'expected { score, max, passed? } with max > 0');
    return;
  }
  const percent = (result.score / result.max) * 100;
  const passed = result.passed ?? percent >= c.rules.passMark;
  const state = c.lesson(lessonId);
  state.passed = passed;
  void post(c, passed ? 'passed' : 'failed', lessonId, Math.round(percent));
  track('Quiz Submitted', { course_id: c.courseId, lesson_id: lessonId, passed });
  if (passed && !state.completed) completeLesson(c, lessonId);
  c.saveProgress();
}

export function completeLesson(c: CourseHost, lessonId: string): void {
  const state = c.lesson(lessonId);
  state.completed = true;
  void post(c, 'completed', lessonId, 100);
  c.report('gk-lesson-complete', { courseId: c.courseId, lessonId });
  const title = c.rules.lessons.find((l) => l.id === lessonId)?.title ?? lessonId;
  c.announce(c.i18n.t('course.lessonDone', { title }));
  checkCourse(c);
}

function ruleMet(c: CourseHost): boolean {
  const { lessons, completion } = c.rules;
  if (!lessons.length) return false;
  const s = (l: Lesson) => c.progress.lessons[l.id];
  if (completion === 'videos-and-quiz') {
    return lessons.every((l) => (l.type === 'video' ? s(l)?.completed : l.type === 'quiz' ? s(l)?.passed === true : true));
  }
  return lessons.every((l) => s(l)?.completed);
}

function checkCourse(c: CourseHost): void {
  if (c.progress.courseCompleted || !ruleMet(c)) return;
  c.progress.courseCompleted = true;
  track('Course Completed', { course_id: c.courseId });
  c.announce(c.i18n.t('course.complete'));
  void post(c, 'course_completed', null, 100).then((body) => {
    const raw = (body as { badge_url?: unknown } | null)?.badge_url;
    const badgeUrl = typeof raw === 'string' ? toHttpUrl(raw) : null;
    if (typeof raw === 'string' && !badgeUrl) c.warn('badge_url', 'the endpoint sent a URL that is not http(s); no badge is shown');
    c.progress = { ...c.progress, badgeUrl };
    c.saveProgress();
    const detail = { courseId: c.courseId, badgeUrl };
    c.report('gk-course-complete', detail);
  });
}

/** Posts one learning event through the outbox; resolves with the endpoint's answer body. */
export async function post(
  c: CourseHost,
  event: ProgressEvent['event'],
  lessonId: string | null,
  progress: number,
  { milestone, keepalive }: PostOptions = {},
): Promise<unknown> {
  const endpoint = resolveEndpoint(c.localName, c.endpoint, '/course-progress');
  if (!endpoint || !c.courseId) return null;
  const state = lessonId ? c.lesson(lessonId) : null;
  const body: ProgressEvent = {
    event_id: uuid(),
    course_id: c.courseId,
    lesson_id: lessonId,
    ...(c.userId ? { user_id: c.userId } : { anonymous_id: loadedIdentity()?.getAnonymousId() ?? null }),
    event,
    progress,
    ...(milestone ? { milestone } : {}),
    played_seconds: state ? Math.round(playedSeconds(state.segments)) : 0,
    duration: Math.round(state?.duration ?? 0),
    occurred_at: new Date().toISOString(),
  };
  const xapiUrl = xapiEndpoint(c);
  if (xapiUrl) void loadXapi().then((x) => x?.sendStatement(c, xapiUrl, body));
  const { result } = await deliver(endpoint, body, body.event_id, { keepalive });
  return result?.body ?? null;
}

interface RemoteState {
  lessons?: Record<string, { milestones?: unknown; completed?: unknown; passed?: unknown }>;
  course_completed?: unknown;
  badge_url?: unknown;
}

/**
 * For a known learner (user-id), the endpoint's record counts: progress made on another device shows here, and a
 * milestone it already has is never posted again. What this browser recorded and the endpoint has not yet (still
 * in the outbox) is kept, so the merge is a union.
 */
export async function syncFromEndpoint(c: CourseHost): Promise<void> {
  const endpoint = resolveEndpoint(c.localName, c.endpoint, '/course-progress');
  if (!endpoint || !c.userId || !c.courseId) return;
  let remote: RemoteState;
  const url = new URL(endpoint, location.href);
  try {
    url.searchParams.set('course_id', c.courseId);
    url.searchParams.set('user_id', c.userId);
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) return;
    remote = (await response.json()) as RemoteState;
  } catch {
    return;
  }
  if (typeof remote !== 'object' || remote === null || typeof remote.lessons !== 'object' || remote.lessons === null) return;
  // The element may have moved to another learner or course while the answer travelled.
  if (url.searchParams.get('user_id') !== c.userId || url.searchParams.get('course_id') !== c.courseId) return;
  for (const [id, theirs] of Object.entries(remote.lessons)) {
    if (typeof theirs !== 'object' || theirs === null) continue;
    const mine = c.lesson(id);
    for (const m of Array.isArray(theirs.milestones) ? theirs.milestones : []) {
      if (typeof m === 'number' && !mine.milestones.includes(m)) mine.milestones.push(m);
    }
    mine.reported = Math.max(mine.reported ?? 0, ...mine.milestones);
    if (theirs.completed === true) mine.completed = true;
    if (theirs.passed === true) mine.passed = true;
  }
  if (remote.course_completed === true) {
    c.progress.courseCompleted = true;
    c.progress.badgeUrl = (typeof remote.badge_url === 'string' && toHttpUrl(remote.badge_url)) || c.progress.badgeUrl;
  }
  c.saveProgress();
}

import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { AttributesController } from '../../controllers/attributes-controller.js';
import { GrowthKitElement } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/shared-styles.js';
import { track } from '../../runtime/analytics.js';
import { callback, resolveEndpoint } from '../../runtime/config.js';
import { coveredPercent, playedSeconds } from '../../runtime/segments.js';
import { uuid } from '../../runtime/ids.js';
import { getAnonymousId } from '../../runtime/identity.js';
import { deliver } from '../../runtime/delivery.js';
import { toHttpUrl } from '../../runtime/url.js';
import { check, num, object, optional, bool, percent } from '../../runtime/validate.js';
import { readLocal, writeLocal } from '../../runtime/storage.js';
import '../../events/gk-course-complete.js';
import '../../events/gk-lesson-complete.js';
import { parseCompletion, parseLessons, type CompletionRule, type Lesson } from './course-progress-tracker.schema.js';
import type { ProgressEvent } from './progress-event.schema.js';
import { styles } from './course-progress-tracker.styles.js';
import type { LessonProgress, MediaTracking, TrackingHost } from './media-tracking.js';

interface CourseState {
  lessons: Record<string, LessonProgress>;
  courseCompleted: boolean;
  badgeUrl: string | null;
}


/**
 * Tracks a course's progress from what the learner actually watched: the coverage of each video's timeline by
 * played segments, not the playhead. Lessons come from the `lessons` attribute; a `<video>` or `<audio>` child
 * with `data-lesson-id` is tracked for that lesson. Milestones are reported once per lesson, across reloads.
 *
 * @tag course-progress-tracker
 * @summary Course progress, completion rules and badges.
 * @slot - The course's media: `<video data-lesson-id="…">` or `<audio data-lesson-id="…">`.
 * @event gk-course-complete - The completion rule was met. detail: { courseId, badgeUrl }
 * @event gk-lesson-complete - A lesson was completed. detail: { courseId, lessonId }
 * @csspart progress - The progress bar.
 * @csspart lessons - The lesson checklist.
 * @csspart badge - The badge image, when the endpoint issued one.
 * @cssproperty --gk-accent - Colour of the progress bar.
 */
export class CourseProgressTracker extends GrowthKitElement {
  static override styles = [baseStyles, styles];

  /** The course's id, reported with every event. */
  @property({ attribute: 'course-id' }) courseId = '';
  /** The course's title, shown above the progress bar. */
  @property({ attribute: 'course-title' }) courseTitle = '';
  /** The learner's id in the host's system, when known; otherwise the anonymous id is used. */
  @property({ attribute: 'user-id' }) userId = '';
  /** The lessons as JSON: [{"id","title","type":"video|quiz|article"}]. */
  @property() lessons = '';
  /** The percentage of a video that must be watched to complete it (default 90). */
  @property({ attribute: 'complete-at' }) completeAt = '';
  /** The quiz score percentage needed to pass (default 70). */
  @property({ attribute: 'pass-mark' }) passMark = '';
  /** The completion rule: all-lessons, or videos-and-quiz (every video watched and every quiz passed). */
  @property() completion: CompletionRule = 'all-lessons';
  /** The full URL progress is posted to; defaults to the page-wide endpoint + /course-progress. */
  @property() endpoint = '';

  @state() private progress: CourseState = { lessons: {}, courseCompleted: false, badgeUrl: null };
  @state() private announcement = '';

  private readonly attrs = new AttributesController<{
    lessons: Lesson[];
    completeAt: number;
    passMark: number;
    completion: CompletionRule;
  }>(this, {
    lessons: { attribute: 'lessons', parse: parseLessons, fallback: [], json: true },
    completeAt: { attribute: 'complete-at', parse: percent, fallback: 90 },
    passMark: { attribute: 'pass-mark', parse: percent, fallback: 70 },
    completion: { attribute: 'completion', parse: parseCompletion, fallback: 'all-lessons' },
  });
  /** Player tracking, loaded when the first player appears. */
  private tracking: Promise<MediaTracking> | null = null;

  private get storageKey(): string {
    return `gk_course_${this.courseId}_${this.userId || 'anon'}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.courseId) this.warn('course-id', 'is missing; progress cannot be attributed to a course');
    this.addEventListener('gk-quiz-result', this.handleQuizEvent as EventListener);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('gk-quiz-result', this.handleQuizEvent as EventListener);
    void this.tracking?.then((t) => t.disconnect());
    this.tracking = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('courseId') || changed.has('userId')) this.restore();
  }

  private restore(): void {
    try {
      const saved = JSON.parse(readLocal(this.storageKey) ?? 'null') as CourseState | null;
      this.progress = saved && typeof saved.lessons === 'object' ? saved : { lessons: {}, courseCompleted: false, badgeUrl: null };
    } catch {
      this.progress = { lessons: {}, courseCompleted: false, badgeUrl: null };
    }
  }

  private save(): void {
    writeLocal(this.storageKey, JSON.stringify(this.progress));
    this.progress = { ...this.progress };
  }

  private lesson(id: string): LessonProgress {
    return (this.progress.lessons[id] ??= { segments: [], duration: 0, milestones: [], completed: false });
  }

  private handleSlotChange = (event: Event): void => {
    const found = new Map<HTMLMediaElement, string>();
    for (const el of (event.target as HTMLSlotElement).assignedElements({ flatten: true })) {
      const candidates = el.matches('video, audio') ? [el] : Array.from(el.querySelectorAll('video, audio'));
      for (const media of candidates as HTMLMediaElement[]) {
        const id = media.dataset.lessonId;
        if (id) found.set(media, id);
      }
    }
    if (!found.size && !this.tracking) return;
    this.tracking ??= import('./media-tracking.js').then(({ MediaTracking }) => new MediaTracking(this.trackingHost));
    void this.tracking.then((t) => t.sync(found));
  };

  /** What the lazy media tracking may do to this element. */
  private readonly trackingHost: TrackingHost = ((el: CourseProgressTracker): TrackingHost => ({
    lesson: (id) => el.lesson(id),
    get completeAt() {
      return el.attrs.values.completeAt;
    },
    post: (event, lessonId, progress) => void el.post(event, lessonId, progress),
    completeLesson: (id) => el.completeLesson(id),
    save: () => el.save(),
    requestUpdate: () => el.requestUpdate(),
  }))(this);

  /** Marks a lesson (an article, say) complete. */
  complete(lessonId: string): void {
    if (this.lesson(lessonId).completed) return;
    this.completeLesson(lessonId);
    this.save();
  }

  /** Reports a quiz result; `passed` defaults to score/max against `pass-mark`. */
  reportQuiz(lessonId: string, result: { score: number; max: number; passed?: boolean }): void {
    const valid = check(object({ score: num, max: num, passed: optional(bool) }), result);
    if (!valid.ok || result.max <= 0) {
      this.warn('reportQuiz', 'expected { score, max, passed? } with max > 0');
      return;
    }
    const percent = (result.score / result.max) * 100;
    const passed = result.passed ?? percent >= this.attrs.values.passMark;
    const state = this.lesson(lessonId);
    state.passed = passed;
    this.post(passed ? 'passed' : 'failed', lessonId, Math.round(percent));
    track('Quiz Submitted', { course_id: this.courseId, lesson_id: lessonId, passed });
    if (passed && !state.completed) this.completeLesson(lessonId);
    this.save();
  }

  private handleQuizEvent = (event: CustomEvent<{ lessonId: string; score: number; max: number; passed?: boolean }>): void => {
    const { lessonId, ...result } = event.detail ?? ({} as never);
    if (typeof lessonId === 'string') this.reportQuiz(lessonId, result);
  };

  private completeLesson(lessonId: string): void {
    const state = this.lesson(lessonId);
    state.completed = true;
    this.post('completed', lessonId, 100);
    track('Lesson Completed', { course_id: this.courseId, lesson_id: lessonId });
    this.emit('gk-lesson-complete', { courseId: this.courseId, lessonId });
    const title = this.attrs.values.lessons.find((l) => l.id === lessonId)?.title ?? lessonId;
    this.announcement = this.i18n.t('course.lessonDone', { title });
    this.checkCourse();
  }

  private ruleMet(): boolean {
    const lessons = this.attrs.values.lessons;
    if (!lessons.length) return false;
    const s = (l: Lesson) => this.progress.lessons[l.id];
    if (this.attrs.values.completion === 'videos-and-quiz') {
      return lessons.every((l) => (l.type === 'video' ? s(l)?.completed : l.type === 'quiz' ? s(l)?.passed === true : true));
    }
    return lessons.every((l) => s(l)?.completed);
  }

  private checkCourse(): void {
    if (this.progress.courseCompleted || !this.ruleMet()) return;
    this.progress.courseCompleted = true;
    track('Course Completed', { course_id: this.courseId });
    this.announcement = this.i18n.t('course.complete');
    void this.post('course_completed', null, 100).then((body) => {
      const raw = (body as { badge_url?: unknown } | null)?.badge_url;
      const badgeUrl = typeof raw === 'string' ? toHttpUrl(raw) : null;
      if (typeof raw === 'string' && !badgeUrl) this.warn('badge_url', 'the endpoint sent a URL that is not http(s); no badge is shown');
      this.progress = { ...this.progress, badgeUrl };
      this.save();
      const detail = { courseId: this.courseId, badgeUrl };
      this.emit('gk-course-complete', detail);
      callback('onCourseComplete', detail);
    });
  }

  private async post(event: ProgressEvent['event'], lessonId: string | null, progress: number): Promise<unknown> {
    const endpoint = resolveEndpoint(this.localName, this.endpoint, '/course-progress');
    if (!endpoint || !this.courseId) return null;
    const state = lessonId ? this.lesson(lessonId) : null;
    const body: ProgressEvent = {
      event_id: uuid(),
      course_id: this.courseId,
      lesson_id: lessonId,
      ...(this.userId ? { user_id: this.userId } : { anonymous_id: getAnonymousId() }),
      event,
      progress,
      played_seconds: state ? Math.round(playedSeconds(state.segments)) : 0,
      duration: Math.round(state?.duration ?? 0),
      occurred_at: new Date().toISOString(),
    };
    const { result } = await deliver(endpoint, body, body.event_id);
    return result?.body ?? null;
  }

  private percentOf(lesson: Lesson): number {
    const s = this.progress.lessons[lesson.id];
    if (!s) return 0;
    if (s.completed) return 100;
    return lesson.type === 'video' ? Math.floor(coveredPercent(s.segments, s.duration)) : 0;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const lessons = this.attrs.values.lessons;
    const done = lessons.filter((l) => this.progress.lessons[l.id]?.completed).length;
    const percent = lessons.length ? Math.round((done / lessons.length) * 100) : 0;
    return html`<div class="card" dir=${this.i18n.dir}>
        ${this.courseTitle ? html`<h2>${this.courseTitle}</h2>` : nothing}
        <div
          part="progress"
          class="bar"
          role="progressbar"
          aria-label=${t('course.progress')}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${t('course.percent', { percent })}
        >
          <div class="fill" style=${styleMap({ width: `${percent}%` })}></div>
        </div>
        ${lessons.length
          ? html`<ol part="lessons">
              ${lessons.map((l) => {
                const completed = this.progress.lessons[l.id]?.completed;
                return html`<li>
                  <span class="tick" aria-hidden="true">${completed ? '✓' : '○'}</span>
                  <span>${l.title || l.id}<span class="sr"> — ${t(completed ? 'course.lessonStatusDone' : 'course.lessonStatusTodo')}</span></span>
                  ${l.type === 'video' ? html`<span class="pct">${this.percentOf(l)}%</span>` : nothing}
                </li>`;
              })}
            </ol>`
          : html`<p>${t('course.empty')}</p>`}
        ${this.progress.courseCompleted
          ? html`<p class="complete">${t('course.complete')}</p>
              ${this.progress.badgeUrl ? html`<img part="badge" class="badge" src=${this.progress.badgeUrl} alt=${t('course.badge')} />` : nothing}`
          : nothing}
        <div class="sr" role="status" aria-live="polite">${this.announcement}</div>
      </div>
      <slot @slotchange=${this.handleSlotChange}></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-progress-tracker': CourseProgressTracker;
  }
}

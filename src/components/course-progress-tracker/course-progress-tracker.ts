import { html, nothing, type PropertyValues } from 'lit';
import { AttributesController } from '../../controllers/attributes-controller.js';
import { withAttributes } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/shared-styles.js';
import { lazy, readLocal, stringify, writeLocal } from '../../runtime/base/index.js';
import { percent } from '../../runtime/config/index.js';
import type { CourseHost, CourseRules, CourseState, LessonProgress } from './course-host.js';
import { parseCompletion, parseLessons, type CompletionRule, type Lesson } from './course-progress-tracker.attributes.js';
import { styles } from './course-progress-tracker.styles.js';
import type { MediaTracking } from './media-tracking.js';
import { coveredPercent } from './played-time.js';

/** A course not started. */
const fresh = (): CourseState => ({ lessons: {}, courseCompleted: false, badgeUrl: null });

/** The course logic (completion rules, quiz, posting): a lazy part, loaded on the first learning event. */
const loadActions = lazy(() => import('./course-actions.js'));
/** Player tracking: a lazy part, loaded when the first player appears. */
const loadTracking = lazy(() => import('./media-tracking.js'));

/**
 * Tracks a course's progress from what the learner actually watched: the coverage of each video's timeline by
 * played segments, not the playhead. Lessons come from the `lessons` attribute; a player child with
 * `data-lesson-id` is tracked for that lesson: `<video>`/`<audio>`, a YouTube or Vimeo `<iframe>`, or a Vidyard
 * embed (the adapter is chosen from the element; its code is lazy). Milestones are reported once per lesson,
 * across reloads.
 *
 * @tag course-progress-tracker
 * @summary Course progress, completion rules and badges.
 * @slot - The course's players, each with `data-lesson-id`: `<video>`, `<audio>`, a YouTube or Vimeo `<iframe>`, or a Vidyard `<img class="vidyard-player-embed" data-uuid>`.
 * @event {CustomEvent<CourseCompleteDetail>} gk-course-complete - The completion rule was met. detail: { courseId, badgeUrl }
 * @event {CustomEvent<LessonCompleteDetail>} gk-lesson-complete - A lesson was completed. detail: { courseId, lessonId }
 * @csspart progress - The progress bar.
 * @csspart lessons - The lesson checklist.
 * @csspart badge - The badge image, when the endpoint issued one.
 */
export class CourseProgressTracker extends withAttributes({
  /** The course's id, reported with every event. */
  courseId: '',
  /** The course's title, shown above the progress bar. */
  courseTitle: '',
  /** The learner's id in the host's system, when known; otherwise the anonymous id is used. */
  userId: '',
  /** The lessons as JSON: [{"id","title","type":"video|quiz|article"}]. */
  lessons: '',
  /** The percentage of a video that must be watched to complete it. */
  completeAt: 90 as number | string,
  /** The quiz score percentage needed to pass. */
  passMark: 70 as number | string,
  /** The completion rule: all-lessons, or videos-and-quiz (every video watched and every quiz passed). */
  completion: 'all-lessons' as CompletionRule,
  /** The full URL progress is posted to; defaults to the page-wide endpoint + /course-progress. */
  endpoint: '',
  /** An xAPI Learning Record Store (or your proxy to one): each learning event also goes there as a statement. */
  xapiEndpoint: '',
}) implements CourseHost {
  static override styles = [baseStyles, styles];

  static override properties = {
    progress: { state: true },
    announcement: { state: true },
  };

  /** @internal */
  progress: CourseState = fresh();
  private announcement = '';

  private readonly attrs = new AttributesController<{
    lessons: Lesson[];
    completeAt: number;
    passMark: number;
    completion: CompletionRule;
  }>(this, {
    lessons: { parse: parseLessons, fallback: [], json: true },
    completeAt: { parse: percent },
    passMark: { parse: percent },
    completion: { parse: parseCompletion },
  });
  /** Player tracking, created when the first player appears. */
  private tracking: MediaTracking | null = null;

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
    this.tracking?.disconnect();
    this.tracking = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('courseId') || changed.has('userId')) {
      this.restore();
      // A known learner: the endpoint's record of this course merges in (course-actions.ts).
      if (this.userId && this.courseId) void loadActions().then((a) => a?.syncFromEndpoint(this));
    }
  }

  private restore(): void {
    try {
      const saved = JSON.parse(readLocal(this.storageKey) ?? 'null') as CourseState | null;
      this.progress = saved && typeof saved.lessons === 'object' ? saved : fresh();
    } catch {
      this.progress = fresh();
    }
  }

  /** @internal */
  saveProgress(): void {
    writeLocal(this.storageKey, stringify(this.progress));
    this.progress = { ...this.progress };
  }

  /** @internal */
  lesson(id: string): LessonProgress {
    return (this.progress.lessons[id] ??= { segments: [], duration: 0, milestones: [], completed: false });
  }

  private handleSlotChange = (event: Event): void => {
    const found = new Map<Element, string>();
    for (const el of (event.target as HTMLSlotElement).assignedElements({ flatten: true })) {
      const candidates = el.matches('[data-lesson-id]') ? [el] : Array.from(el.querySelectorAll('[data-lesson-id]'));
      for (const player of candidates) found.set(player, player.getAttribute('data-lesson-id')!);
    }
    if (!found.size && !this.tracking) return;
    // A chunk that failed to load is tried again at the next slot change.
    void loadTracking().then((m) => {
      if (!m || !this.isConnected) return;
      this.tracking ??= new m.MediaTracking(this);
      this.tracking.sync(found);
    });
  };

  /**
   * The validated attributes the lazy parts read.
   * @internal
   */
  get rules(): CourseRules {
    return this.attrs.values;
  }

  /** @internal */
  announce(text: string): void {
    this.announcement = text;
  }

  /** Marks a lesson (an article, say) complete. Resolves once recorded. */
  async complete(lessonId: string): Promise<void> {
    const actions = await loadActions();
    if (actions) actions.complete(this, lessonId);
    else this.warn('complete', 'the course logic could not be loaded; nothing was recorded, call it again');
  }

  /** Reports a quiz result; `passed` defaults to score/max against `pass-mark`. Resolves once recorded. */
  async reportQuiz(lessonId: string, result: { score: number; max: number; passed?: boolean }): Promise<void> {
    const actions = await loadActions();
    if (actions) actions.reportQuiz(this, lessonId, result);
    else this.warn('reportQuiz', 'the course logic could not be loaded; nothing was recorded, call it again');
  }

  private handleQuizEvent = (event: CustomEvent<{ lessonId: string; score: number; max: number; passed?: boolean }>): void => {
    const { lessonId, ...result } = event.detail ?? ({} as never);
    if (typeof lessonId === 'string') void this.reportQuiz(lessonId, result);
  };

  private percentOf(lesson: Lesson): number {
    const s = this.progress.lessons[lesson.id];
    if (!s) return 0;
    if (s.completed) return 100;
    return lesson.type === 'video' ? Math.floor(coveredPercent(s.segments, s.duration)) : 0;
  }

  override render() {
    const t = this.i18n.t.bind(this.i18n);
    const lessons = this.attrs.values.lessons;
    const finished = lessons.filter((l) => this.progress.lessons[l.id]?.completed).length;
    const percent = lessons.length ? Math.round((finished / lessons.length) * 100) : 0;
    const done = this.progress.courseCompleted;
    // The bar's width is set through CSSOM (the .style property), which a CSP without 'unsafe-inline' styles
    // allows; a style attribute it would block.
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
          <div class="fill" .style=${`width:${percent}%`}></div>
        </div>
        ${lessons.length
          ? // A status line of fixed height under the bar: the percentage, then the completion and its 32 px badge
            // in the same room, so finishing the course moves nothing below (the learner may be watching there).
            html`<div class="status">
              ${done
                ? html`<span class="complete">${t('course.complete')}</span>
                    ${this.progress.badgeUrl ? html`<img part="badge" class="badge" src=${this.progress.badgeUrl} alt=${t('course.badge')} />` : nothing}`
                : html`<span aria-hidden="true">${t('course.percent', { percent })}</span>`}
            </div>`
          : nothing}
        ${lessons.length
          ? html`<ol part="lessons">
              ${lessons.map((l) => {
                const completed = this.progress.lessons[l.id]?.completed;
                const percent = l.type === 'video' ? this.percentOf(l) : -1;
                return html`<li>
                  <span class="tick ${completed ? 'done' : percent > 0 ? 'doing' : ''}" aria-hidden="true">${completed ? '✓' : ''}</span>
                  <span>${l.title || l.id}<span class="gk-visually-hidden"> — ${t(completed ? 'course.lessonStatusDone' : 'course.lessonStatusTodo')}</span></span>
                  ${percent < 0 ? nothing : html`<span class="pct">${percent}%</span>`}
                </li>`;
              })}
            </ol>`
          : html`<p>${t('course.empty')}</p>`}
        <div class="gk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      </div>
      <slot @slotchange=${this.handleSlotChange}></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'course-progress-tracker': CourseProgressTracker;
  }
}

/**
 * Player tracking for <course-progress-tracker>: a lazy part, loaded when a lesson's player appears. Progress is
 * the coverage of the timeline by played segments (runtime/coverage.ts), not the playhead.
 */
import { Coverage } from '../../runtime/coverage.js';
import type { CourseContext } from './course-actions.js';

export interface LessonProgress {
  segments: [number, number][];
  duration: number;
  /** Milestones (25/50/75/100) already reported: each once per lesson per learner, across reloads. */
  milestones: number[];
  completed: boolean;
  passed?: boolean;
}

/** What the tracker element offers its media tracking. */
export type TrackingHost = Pick<CourseContext, 'lesson' | 'completeAt' | 'post' | 'completeLesson' | 'save' | 'requestUpdate'>;

const MILESTONES = [25, 50, 75, 100];
/** `play`/`playing` mark where playback starts, so the stretch before the first timeupdate counts. */
const MEDIA_EVENTS = ['play', 'playing', 'timeupdate', 'seeking', 'pause', 'ended'];

export class MediaTracking {
  private readonly coverage = new Map<string, Coverage>();
  private readonly media = new Map<HTMLMediaElement, string>();

  constructor(private readonly host: TrackingHost) {}

  /** Watches exactly these players (lesson id by element). */
  sync(found: Map<HTMLMediaElement, string>): void {
    for (const el of this.media.keys()) if (!found.has(el)) this.unwatch(el);
    for (const [el, id] of found) if (!this.media.has(el)) this.watch(el, id);
  }

  disconnect(): void {
    for (const el of this.media.keys()) this.unwatch(el);
  }

  private watch(media: HTMLMediaElement, lessonId: string): void {
    this.media.set(media, lessonId);
    for (const type of MEDIA_EVENTS) media.addEventListener(type, this.handleMedia);
  }

  private unwatch(media: HTMLMediaElement): void {
    for (const type of MEDIA_EVENTS) media.removeEventListener(type, this.handleMedia);
    this.media.delete(media);
  }

  private coverageOf(lessonId: string): Coverage {
    let cov = this.coverage.get(lessonId);
    if (!cov) this.coverage.set(lessonId, (cov = new Coverage(this.host.lesson(lessonId).segments)));
    return cov;
  }

  private handleMedia = (event: Event): void => {
    const media = event.target as HTMLMediaElement;
    const lessonId = this.media.get(media);
    if (!lessonId) return;
    const cov = this.coverageOf(lessonId);
    const state = this.host.lesson(lessonId);
    if (Number.isFinite(media.duration)) state.duration = media.duration;
    if (event.type === 'play' && !state.milestones.length && cov.played() === 0) void this.host.post('started', lessonId, 0);
    if (event.type === 'seeking' || event.type === 'pause') cov.interrupt();
    else if (event.type === 'ended') {
      cov.observe(media.currentTime);
      cov.interrupt();
    } else if (!media.seeking) cov.observe(media.currentTime);
    state.segments = cov.toJSON();
    this.evaluate(lessonId, cov.percent(state.duration));
  };

  private evaluate(lessonId: string, percent: number): void {
    const state = this.host.lesson(lessonId);
    let changed = false;
    for (const m of MILESTONES) {
      // Half a point of tolerance: players report the first frame a few ms after 0 and the last just before the end.
      if (percent >= m - 0.5 && !state.milestones.includes(m)) {
        state.milestones.push(m);
        void this.host.post('progressed', lessonId, m);
        changed = true;
      }
    }
    if (!state.completed && percent >= this.host.completeAt) {
      this.host.completeLesson(lessonId);
      changed = true;
    }
    if (changed) this.host.save();
    else this.host.requestUpdate();
  }
}

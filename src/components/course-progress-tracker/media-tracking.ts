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
  /** The last progress posted (milestone or periodic), so a reload does not post it again. */
  reported?: number;
}

/** What the tracker element offers its media tracking. */
export type TrackingHost = Pick<CourseContext, 'lesson' | 'completeAt' | 'post' | 'completeLesson' | 'save' | 'requestUpdate'>;

const MILESTONES = [25, 50, 75, 100] as const;
/** Progress between milestones is posted at most this often per lesson, and once more when the page goes away. */
const PROGRESS_INTERVAL = 10_000;
/** `play`/`playing` mark where playback starts, so the stretch before the first timeupdate counts. */
const MEDIA_EVENTS = ['play', 'playing', 'timeupdate', 'seeking', 'pause', 'ended'];

export class MediaTracking {
  private readonly coverage = new Map<string, Coverage>();
  private readonly media = new Map<HTMLMediaElement, string>();
  /** Per lesson: when progress was last posted (this page's life; the progress itself is kept in the state). */
  private readonly postedAt = new Map<string, number>();

  constructor(private readonly host: TrackingHost) {
    window.addEventListener('pagehide', this.flushProgress);
    document.addEventListener('visibilitychange', this.flushProgress);
  }

  /** Watches exactly these players (lesson id by element). */
  sync(found: Map<HTMLMediaElement, string>): void {
    for (const el of this.media.keys()) if (!found.has(el)) this.unwatch(el);
    for (const [el, id] of found) if (!this.media.has(el)) this.watch(el, id);
  }

  disconnect(): void {
    for (const el of this.media.keys()) this.unwatch(el);
    window.removeEventListener('pagehide', this.flushProgress);
    document.removeEventListener('visibilitychange', this.flushProgress);
  }

  /** Posts progress made since the last post, at most every 10 s per lesson (or now, with keepalive, on exit). */
  private postProgress(lessonId: string, percent: number, exiting: boolean): void {
    const state = this.host.lesson(lessonId);
    const progress = Math.floor(Math.min(100, percent));
    const at = this.postedAt.get(lessonId);
    // The first periodic post comes 10 s after tracking starts ('started' has just been sent).
    if (at === undefined) return void this.postedAt.set(lessonId, Date.now());
    if (progress <= (state.reported ?? 0) || (!exiting && Date.now() - at < PROGRESS_INTERVAL)) return;
    this.postedAt.set(lessonId, Date.now());
    state.reported = progress;
    this.host.save();
    void this.host.post('progressed', lessonId, progress, exiting ? { keepalive: true } : {});
  }

  private flushProgress = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    for (const lessonId of new Set(this.media.values())) {
      const state = this.host.lesson(lessonId);
      this.postProgress(lessonId, this.coverageOf(lessonId).percent(state.duration), true);
    }
  };

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
        state.reported = Math.max(state.reported ?? 0, m);
        void this.host.post('progressed', lessonId, m, { milestone: m });
        changed = true;
      }
    }
    this.postProgress(lessonId, percent, false);
    if (!state.completed && percent >= this.host.completeAt) {
      this.host.completeLesson(lessonId);
      changed = true;
    }
    if (changed) this.host.save();
    else this.host.requestUpdate();
  }
}

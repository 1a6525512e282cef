/**
 * Player tracking for <course-progress-tracker>: a lazy part, loaded when a lesson's player appears. Progress is
 * the coverage of the timeline by played segments (played-coverage.ts), not the playhead. Every player speaks
 * through an adapter (native media here; YouTube, Vimeo and Vidyard in players/, each its own lazy chunk) that
 * turns its events into PlayerEvents; Segment's Video Spec events are reported from the same stream.
 */
import { track } from '../../runtime/analytics/index.js';
import { lazy, uuid } from '../../runtime/base/index.js';
import { completeLesson, post } from './course-actions.js';
import type { CourseHost } from './course-host.js';
import { Coverage } from './played-coverage.js';
import { coveredPercent } from './played-time.js';
import type { Adapter, PlayerEvent } from './players/player.js';

const players = {
  youtube: lazy(() => import('./players/youtube.js').then((m) => m.youtube)),
  vimeo: lazy(() => import('./players/vimeo.js').then((m) => m.vimeo)),
  vidyard: lazy(() => import('./players/vidyard.js').then((m) => m.vidyard)),
};

const MILESTONES = [25, 50, 75, 100] as const;
/** Progress between milestones is posted at most this often per lesson, and once more when the page goes away. */
const PROGRESS_INTERVAL = 10_000;
/** Segment's Video Spec: a "Video Content Playing" heartbeat every 10 s of playback. */
const HEARTBEAT = 10_000;

/** The adapter for a player element: native media at once, the others from their lazy chunks. */
function adapterFor(el: Element): Promise<Adapter | null> | null {
  const kind = el.getAttribute('data-player');
  const src = el.getAttribute('src') ?? '';
  if (el instanceof HTMLMediaElement) return Promise.resolve(nativeAdapter);
  if (kind === 'youtube' || /^https:\/\/www\.youtube(-nocookie)?\.com\/embed\//.test(src)) return players.youtube();
  if (kind === 'vimeo' || /^https:\/\/player\.vimeo\.com\/video\//.test(src)) return players.vimeo();
  if (kind === 'vidyard' || el.matches('.vidyard-player-embed') || el.querySelector('.vidyard-player-embed')) return players.vidyard();
  return null;
}

/** `play`/`playing` mark where playback starts, so the stretch before the first timeupdate counts. */
const MEDIA_EVENTS = ['play', 'playing', 'timeupdate', 'seeking', 'pause', 'ended'];

/** <video> and <audio>: their own events. */
const nativeAdapter: Adapter = (el, emit) => {
  const media = el as HTMLMediaElement;
  const report = (type: PlayerEvent['type'], played?: [number, number][]) =>
    emit({ type, position: media.currentTime, duration: media.duration, player: 'html5', assetId: media.currentSrc || media.src, played });
  const handle = (event: Event) => {
    const type = event.type === 'playing' ? 'play' : event.type === 'timeupdate' ? 'time' : (event.type as PlayerEvent['type']);
    // A timeupdate during a seek reports the target, not playback; the pause that comes with the end is the end.
    if ((type === 'time' && media.seeking) || (type === 'pause' && media.ended)) return;
    report(type);
  };
  // Played before tracking arrived (a slow network, autoplay): the media's own record of it.
  const { played } = media;
  const before = Array.from({ length: played.length }, (_, i): [number, number] => [played.start(i), played.end(i)]);
  if (before.length) report(media.paused ? 'pause' : 'time', before);
  for (const type of MEDIA_EVENTS) media.addEventListener(type, handle);
  return () => MEDIA_EVENTS.forEach((type) => media.removeEventListener(type, handle));
};

interface Session {
  id: string;
  started: boolean;
  paused: boolean;
  beatAt: number;
}

export class MediaTracking {
  private readonly coverage = new Map<string, Coverage>();
  private readonly players = new Map<Element, { lessonId: string; stop: Promise<(() => void) | void> }>();
  /** Per lesson: when progress was last posted (this page's life; the progress itself is kept in the state). */
  private readonly postedAt = new Map<string, number>();
  /** Per lesson: the Video Spec playback session. */
  private readonly sessions = new Map<string, Session>();
  /** Lessons whose 'started' was posted on this page. */
  private readonly started = new Set<string>();

  constructor(private readonly host: CourseHost) {
    window.addEventListener('pagehide', this.flushProgress);
    document.addEventListener('visibilitychange', this.flushProgress);
  }

  /** Watches exactly these players (lesson id by element). */
  sync(found: Map<Element, string>): void {
    for (const el of [...this.players.keys()]) if (!found.has(el)) this.unwatch(el);
    for (const [el, lessonId] of found) {
      if (this.players.has(el)) continue;
      const adapter = adapterFor(el);
      if (!adapter) continue;
      const emit = (event: PlayerEvent) => this.handle(lessonId, event);
      const stop = adapter
        .then((a) => {
          if (!a) throw new Error('the adapter could not be loaded');
          return a(el, emit);
        })
        .catch(() => {
          // Not watched (its adapter or its player's API did not load): forgotten, so the next sync tries again.
          if (this.players.get(el)?.stop === stop) this.players.delete(el);
        });
      this.players.set(el, { lessonId, stop });
    }
  }

  disconnect(): void {
    for (const el of [...this.players.keys()]) this.unwatch(el);
    window.removeEventListener('pagehide', this.flushProgress);
    document.removeEventListener('visibilitychange', this.flushProgress);
  }

  private unwatch(el: Element): void {
    void this.players.get(el)?.stop.then((stop) => stop?.());
    this.players.delete(el);
  }

  private coverageOf(lessonId: string): Coverage {
    let cov = this.coverage.get(lessonId);
    if (!cov) this.coverage.set(lessonId, (cov = new Coverage(this.host.lesson(lessonId).segments)));
    return cov;
  }

  /** One player event: coverage, milestones, progress posts and Video Spec events. */
  private handle(lessonId: string, event: PlayerEvent): void {
    const cov = this.coverageOf(lessonId);
    const state = this.host.lesson(lessonId);
    if (Number.isFinite(event.duration) && event.duration > 0) state.duration = event.duration;
    // 'started' goes once: native media says play and playing, and a player already playing when tracking
    // attached (autoplay, or before this lazy chunk arrived) speaks first with a time event or what it played.
    const fresh = !state.milestones.length && cov.played() === 0;
    for (const [start, end] of event.played ?? []) cov.add(start, end);
    const playing = event.type === 'play' || event.type === 'time' || !!event.played;
    if (playing && fresh && !this.started.has(lessonId)) {
      this.started.add(lessonId);
      void post(this.host, 'started', lessonId, 0);
    }
    if (event.type === 'seeking' || event.type === 'pause') cov.interrupt();
    else if (event.type === 'ended') {
      cov.observe(event.position);
      cov.interrupt();
    } else if (event.type !== 'played') cov.observe(event.position);
    state.segments = cov.toJSON();
    this.videoSpec(lessonId, event);
    this.evaluate(lessonId, cov.percent(state.duration));
  }

  /** Segment's Video Spec (sent only with analytics consent, by the analytics facade). */
  private videoSpec(lessonId: string, event: PlayerEvent): void {
    let session = this.sessions.get(lessonId);
    if (!session) this.sessions.set(lessonId, (session = { id: uuid(), started: false, paused: false, beatAt: 0 }));
    const lesson = this.host.rules.lessons.find((l) => l.id === lessonId);
    const props = {
      session_id: session.id,
      asset_id: event.assetId || lessonId,
      title: lesson?.title || lessonId,
      position: Math.round(event.position),
      total_length: Math.round(Number.isFinite(event.duration) ? event.duration : 0),
      video_player: event.player,
      livestream: false,
      course_id: this.host.courseId,
      lesson_id: lessonId,
    };
    // Video Spec: playback events list the content assets of the session, content events name the one playing.
    const playback = { ...props, content_asset_ids: [props.asset_id] };
    const content = { ...props, content_asset_id: props.asset_id };
    const now = Date.now();
    if (event.type === 'play' || (event.type === 'time' && !session.started)) {
      if (!session.started) {
        session.started = true;
        session.beatAt = now;
        track('Video Playback Started', playback);
        track('Video Content Started', content);
      } else if (session.paused) {
        track('Video Playback Resumed', playback);
      }
      session.paused = false;
    } else if (event.type === 'pause' && session.started && !session.paused) {
      session.paused = true;
      track('Video Playback Paused', playback);
    } else if (event.type === 'time' && session.started && !session.paused && now - session.beatAt >= HEARTBEAT) {
      session.beatAt = now;
      track('Video Content Playing', content);
    } else if (event.type === 'ended' && session.started) {
      track('Video Content Completed', content);
      track('Video Playback Completed', playback);
      // Playing again is a new session.
      this.sessions.delete(lessonId);
    }
  }

  /**
   * Posts progress made since the last post, at most every 10 s per lesson (or now, with keepalive, on exit). The
   * progress is the percentage the tracker shows: of the stored segments (kept in tenths of a second), not of the
   * exact ones, which can be a point lower.
   */
  private postProgress(lessonId: string, exiting: boolean): void {
    const state = this.host.lesson(lessonId);
    const progress = Math.floor(Math.min(100, coveredPercent(state.segments, state.duration)));
    const at = this.postedAt.get(lessonId);
    // The first periodic post comes 10 s after tracking starts ('started' has just been sent).
    if (at === undefined) return void this.postedAt.set(lessonId, Date.now());
    if (progress <= (state.reported ?? 0) || (!exiting && Date.now() - at < PROGRESS_INTERVAL)) return;
    this.postedAt.set(lessonId, Date.now());
    state.reported = progress;
    this.host.saveProgress();
    void post(this.host, 'progressed', lessonId, progress, exiting ? { keepalive: true } : {});
  }

  private flushProgress = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    for (const lessonId of new Set([...this.players.values()].map((p) => p.lessonId))) {
      this.postProgress(lessonId, true);
    }
  };

  private evaluate(lessonId: string, percent: number): void {
    const state = this.host.lesson(lessonId);
    let changed = false;
    for (const m of MILESTONES) {
      // Half a point of tolerance: players report the first frame a few ms after 0 and the last just before the end.
      if (percent >= m - 0.5 && !state.milestones.includes(m)) {
        state.milestones.push(m);
        state.reported = Math.max(state.reported ?? 0, m);
        void post(this.host, 'progressed', lessonId, m, { milestone: m });
        changed = true;
      }
    }
    this.postProgress(lessonId, false);
    if (!state.completed && percent >= this.host.rules.completeAt) {
      completeLesson(this.host, lessonId);
      changed = true;
    }
    if (changed) this.host.saveProgress();
    else this.host.requestUpdate();
  }
}

/**
 * How much of a timeline was actually played: the union of played segments, not the playhead. Seeking to the
 * end adds nothing; watching the same minute twice counts once.
 */
import { coveredPercent, playedSeconds } from './played-time.js';

export class Coverage {
  private segments: [number, number][] = [];
  private last: number | null = null;
  private lastAt = 0;

  constructor(segments: [number, number][] = []) {
    for (const [a, b] of segments) this.add(a, b);
  }

  /**
   * Records a playhead position during playback, at `at` (ms, performance.now()'s clock). Consecutive positions
   * count as played between them when the playhead moved no further than the time that passed could have played
   * (at up to double speed, and never less than 1.5 s: players report every 250 ms or so, a busy page later);
   * a larger jump is a seek and starts a new segment.
   */
  observe(position: number, at = performance.now()): void {
    if (!Number.isFinite(position) || position < 0) return;
    const reach = Math.max(1.5, ((at - this.lastAt) / 1000) * 2);
    if (this.last !== null && position >= this.last && position - this.last <= reach) this.add(this.last, position);
    this.last = position;
    this.lastAt = at;
  }

  /** Forgets the playhead (after pause or a seek), keeping what was played. */
  interrupt(): void {
    this.last = null;
  }

  /** Records [start, end] as played; the timeline starts at 0, whatever a player's own record says. */
  add(start: number, end: number): void {
    const merged: [number, number][] = [];
    let [s, e] = [Math.max(0, start), end];
    if (!(e > s)) return;
    for (const [a, b] of this.segments) {
      if (b < s || a > e) merged.push([a, b]);
      else [s, e] = [Math.min(a, s), Math.max(b, e)];
    }
    merged.push([s, e]);
    this.segments = merged.sort((x, y) => x[0] - y[0]);
  }

  /** Seconds played, counting each second of the timeline once. */
  played(): number {
    return playedSeconds(this.segments);
  }

  /** Percentage (0–100) of `duration` covered. */
  percent(duration: number): number {
    return coveredPercent(this.segments, duration);
  }

  toJSON(): [number, number][] {
    return this.segments.map(([a, b]) => [Math.round(a * 10) / 10, Math.round(b * 10) / 10]);
  }
}

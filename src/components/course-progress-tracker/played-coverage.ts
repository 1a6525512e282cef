/**
 * How much of a timeline was actually played: the union of played segments, not the playhead. Seeking to the
 * end adds nothing; watching the same minute twice counts once.
 */
import { coveredPercent, playedSeconds } from './played-time.js';

export class Coverage {
  private segments: [number, number][] = [];
  private last: number | null = null;

  constructor(segments: [number, number][] = []) {
    for (const [a, b] of segments) this.add(a, b);
  }

  /**
   * Records a playhead position during playback. Consecutive positions no more than `maxStep` seconds apart
   * count as played between them; a larger jump is a seek and starts a new segment.
   */
  observe(position: number, maxStep = 1.5): void {
    if (!Number.isFinite(position) || position < 0) return;
    if (this.last !== null && position >= this.last && position - this.last <= maxStep) this.add(this.last, position);
    this.last = position;
  }

  /** Forgets the playhead (after pause or a seek), keeping what was played. */
  interrupt(): void {
    this.last = null;
  }

  add(start: number, end: number): void {
    if (!(end > start)) return;
    const merged: [number, number][] = [];
    let [s, e] = [start, end];
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

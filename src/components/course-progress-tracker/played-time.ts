/** Seconds covered by merged [start, end] segments (the stored form of what a learner played). */
export function playedSeconds(segments: readonly (readonly [number, number])[]): number {
  return segments.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** Percentage (0–100, one decimal) of `duration` the segments cover. */
export function coveredPercent(segments: readonly (readonly [number, number])[], duration: number): number {
  if (!(duration > 0)) return 0;
  return Math.min(100, Math.round((playedSeconds(segments) / duration) * 1000) / 10);
}

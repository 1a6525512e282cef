/**
 * Console warnings for bad input. Each distinct problem is reported once per page: a marketer who pastes
 * ten buttons with the same typo needs one line, not ten.
 */
import { shared } from './page.js';

const seen = shared('warned', () => new Set<string>());

/** Warns once that `attribute` of `<tag>` is unusable and what was expected; the caller then uses a safe default. */
export function warnOnce(tag: string, attribute: string, problem: string): void {
  const message = `[growth-kit] <${tag}> ${attribute}: ${problem}`;
  if (seen.has(message)) return;
  seen.add(message);
  console.warn(message);
}

/** Forgets which warnings were given (tests start each case from a clean page). */
export function resetWarnings(): void {
  seen.clear();
}

/**
 * What every destination shares: how a lead's fields are picked (dotted paths into our payload), how an answer
 * becomes a verdict (delivered, try again, or dead), and the request each one sends.
 */
import type { Job } from '../store/index.js';

/** One attempt's answer: status 0 when there was none (refused, reset, timed out). */
export interface Answer {
  status: number;
  body: string;
  retryAfter?: string | null;
}

export type Verdict = { state: 'delivered' } | { state: 'retry'; afterMs?: number } | { state: 'dead' };

export interface Destination {
  /** Unique within the config; jobs are keyed by it. */
  name: string;
  type: string;
  /** The submission kinds it receives (hand_raise_lead, consent, course_progress). */
  kinds: readonly string[];
  /** Requests per second this collector sends it at most (HubSpot's forms API: about 10/s per form). */
  ratePerSecond: number;
  /** Sends one job; the answer decides what happens to it. */
  forward(job: Job, http: Http): Promise<{ answer: Answer; verdict: Verdict }>;
}

export type Http = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<Answer>;

/** What every destination's config may say besides its own settings. */
export interface CommonConfig {
  name: string;
  kinds?: string[];
  ratePerSecond?: number;
}

/** A destination from its config, its type's defaults and how it sends one job. */
export function destination(config: CommonConfig, type: string, defaults: { kinds: string[]; ratePerSecond: number }, forward: Destination['forward']): Destination {
  return { name: config.name, type, kinds: config.kinds ?? defaults.kinds, ratePerSecond: config.ratePerSecond ?? defaults.ratePerSecond, forward };
}

/** The value at a dotted path of our payload ("attribution.first_touch.utm_campaign"), as text; undefined when empty. */
export function pick(body: Record<string, unknown>, path: string): string | undefined {
  let value: unknown = body;
  for (const part of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Their field name → our path, the destination's defaults overridden by the config (null removes a default). */
export function mapping(defaults: Record<string, string>, given: Record<string, string | null> = {}): Record<string, string> {
  const merged: Record<string, string | null> = { ...defaults, ...given };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== null));
}

/** Their fields with values, in mapping order. */
export function mapped(body: Record<string, unknown>, fields: Record<string, string>): [string, string][] {
  return Object.entries(fields).flatMap(([theirs, ours]) => {
    const value = pick(body, ours);
    return value === undefined ? [] : [[theirs, value] as [string, string]];
  });
}

/** Retry-After in seconds or as an HTTP date, in ms from now. */
export function retryAfterMs(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * The usual HTTP reading: 2xx delivered; 429 and 408/425/5xx or no answer are tried again (429 after its
 * Retry-After); any other 4xx will not succeed by repeating it (bad fields, bad credentials) and is dead at once,
 * kept with the answer so an operator can fix the mapping and replay it.
 */
export function httpVerdict(answer: Answer): Verdict {
  const { status } = answer;
  if (status >= 200 && status < 300) return { state: 'delivered' };
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return { state: 'retry', afterMs: retryAfterMs(answer.retryAfter) };
  return { state: 'dead' };
}

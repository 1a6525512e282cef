/**
 * The one door to Segment. Calls wait in memory until the visitor decides: sent once after analytics consent,
 * dropped after a refusal. @segment/analytics-next is a lazy chunk, so before consent it costs zero bytes and
 * makes zero requests. Callers must never pass personal data; payloads carry ids and tracking labels only.
 */
import { getConfig } from '../config/index.js';
import { consent } from '../consent/index.js';
import { lazy, shared, whenLoaded } from '../base/index.js';

export type Properties = Record<string, unknown>;
interface Call {
  type: 'track' | 'page';
  name: string;
  properties: Properties;
  /** When it happened: a call buffered until the visitor decided keeps its own time. */
  at: number;
}
/** Segment as the facade uses it (segment-loader.ts adapts analytics-next to it). */
export interface Client {
  track(name: string, properties: Properties, at: number): unknown;
  page(name: string, properties: Properties, at: number): unknown;
  /** Segment's "Segment Consent Preference Updated"; resolves once it is on its way. */
  consentUpdated(at: number): Promise<unknown>;
}

const MAX_PENDING = 100;

/** Segment as the kit runs it (segment-loader.ts): a lazy part, loaded after analytics consent or a refusal. */
const segmentPart = shared('segment-part', () => lazy(() => import('./segment-loader.js')));
/**
 * Segment itself, its consent wrapper and our settings for both: loaded after analytics consent, once. A part that
 * did not arrive fails this load too (m! throws), so the next event tries again, as for every lazy part.
 */
export const loadSegment = shared('segment', () => lazy(() => segmentPart().then((m) => m!.loadSegment())));

/**
 * The anonymous id and attribution, loaded on first need (its module keeps or deletes them as consent says).
 * Everything reaches identity.ts through this loader, never a static import: a module that is imported both ways
 * gets a namespace object from the bundler's helper, which walks `for…in` and throws under a polluted
 * Object.prototype (the hostile-host suite's Prototype.js host).
 */
export const loadIdentity = shared('identity', () => lazy(() => import('./identity.js').then((m) => (state.identity = m))));

/** Calls waiting for the decision, and identity once loaded: one of each for the page (base/page.ts). */
const state = shared('analytics', () => ({
  pending: [] as Call[],
  identity: null as typeof import('./identity.js') | null,
  /** Whether analytics was granted when the last change was applied (at first, by the stored decision). */
  granted: consent.has('analytics'),
}));

/** Identity if it has loaded: a post while the page unloads cannot wait for it. */
export function loadedIdentity(): typeof state.identity {
  return state.identity;
}

/** Sends a call once Segment is there; a page without Segment (no write key yet) fetches none of it. */
function send(call: Call): void {
  if (!getConfig().segmentWriteKey) return;
  void loadSegment().then((c) => {
    if (!c || !consent.has('analytics')) return;
    c[call.type](call.name, call.properties, call.at);
  });
}

function enqueue(call: Call): void {
  if (consent.has('analytics')) send(call);
  else if (!consent.decided && state.pending.length < MAX_PENDING) state.pending.push(call);
}

/** Tracks an Object-Action event ("CTA Clicked") with ids and labels only. */
export function track(name: string, properties: Properties = {}): void {
  enqueue({ type: 'track', name, properties, at: Date.now() });
}

export function page(name: string, properties: Properties = {}): void {
  enqueue({ type: 'page', name, properties, at: Date.now() });
}

/**
 * Follows a consent change (on-consent-change.ts): buffered calls go out, or are dropped. Segment's own part of
 * the change (its "Segment Consent Preference Updated" event, removing its storage) is in segment-loader.ts, a
 * lazy part loaded only when there is something to tell or remove.
 */
export function applyConsent(): void {
  const granted = consent.has('analytics');
  const had = state.granted;
  state.granted = granted;
  if (granted) {
    const calls = state.pending;
    state.pending = [];
    calls.forEach(send);
  } else if (consent.decided) state.pending = [];
  if (granted || consent.decided) whenLoaded(segmentPart, (m) => m.consentChanged(granted, had));
}

/**
 * The one door to Segment. Calls wait in memory until the visitor decides: sent once after analytics consent,
 * dropped after a refusal. @segment/analytics-next is a lazy chunk, so before consent it costs zero bytes and
 * makes zero requests. Callers must never pass personal data; payloads carry ids and tracking labels only.
 */
import { consent } from '../consent/state.js';
import { removeLocal } from '../base/storage.js';

export type Properties = Record<string, unknown>;
interface Call {
  type: 'track' | 'page';
  name: string;
  properties: Properties;
}
export interface Client {
  track(name: string, properties: Properties): unknown;
  page(category: undefined, name: string, properties: Properties): unknown;
}

let pending: Call[] = [];
let client: Promise<Client | null> | null = null;
const MAX_PENDING = 100;

/** Segment itself, its consent wrapper and our settings for both: a lazy chunk, loaded after analytics consent. */
function load(): Promise<Client | null> {
  return import('./segment-loader.js').then(
    (m) => m.loadSegment(),
    () => null,
  );
}

function deliver(call: Call): void {
  client ??= load();
  void client.then((c) => {
    if (!c || !consent.has('analytics')) return;
    if (call.type === 'track') c.track(call.name, call.properties);
    else c.page(undefined, call.name, call.properties);
  });
}

function enqueue(call: Call): void {
  if (consent.has('analytics')) deliver(call);
  else if (!consent.decided && pending.length < MAX_PENDING) pending.push(call);
}

/** Tracks an Object-Action event ("CTA Clicked") with ids and labels only. */
export function track(name: string, properties: Properties = {}): void {
  enqueue({ type: 'track', name, properties });
}

export function page(name: string, properties: Properties = {}): void {
  enqueue({ type: 'page', name, properties });
}

function removeSegmentStorage(): void {
  try {
    for (const part of document.cookie.split(';')) {
      const name = part.split('=')[0].trim();
      if (name.startsWith('ajs_')) document.cookie = `${name}=; path=/; max-age=0`;
    }
    for (const key of Object.keys(localStorage)) if (key.startsWith('ajs_')) removeLocal(key);
  } catch {
    // Storage unavailable: nothing was stored either.
  }
}

consent.addEventListener('change', () => {
  if (consent.has('analytics')) {
    const calls = pending;
    pending = [];
    calls.forEach(deliver);
  } else if (consent.decided) {
    pending = [];
    removeSegmentStorage();
  }
});

/**
 * Reports an outcome the way the outcome table (config/outcomes.ts) says: the `gk-*` event, the host's
 * `configure()` callback with the same detail, and the Segment event. Events from an element bubble and are
 * composed, so a listener on document hears them from inside any shadow root; page-level outcomes (consent,
 * delivery) go to window and document, once each.
 */
import { callback, callbackName, OUTCOMES, type GkEventDetails, type Outcome } from '../config/index.js';
import { track } from './facade.js';

type Target = EventTarget | 'page';

/** Reports `type` from `target`; returns false when a listener cancelled a cancelable event. */
export function report<K extends keyof GkEventDetails & keyof typeof OUTCOMES>(
  target: Target,
  type: K,
  detail: GkEventDetails[K],
  cancelable = false,
): boolean {
  let allowed = true;
  if (target === 'page') {
    for (const t of [window, document]) t.dispatchEvent(new CustomEvent(type, { detail }));
  } else {
    allowed = target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
  }
  const [event, keys]: Outcome = OUTCOMES[type];
  callback(callbackName(type), detail);
  if (event) {
    const d = detail as unknown as Record<string, unknown>;
    track(event, Object.fromEntries(keys!.split(' ').map((k) => [k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase()), d[k]])));
  }
  return allowed;
}

/**
 * Every Growth Kit event: `gk-` prefixed, bubbling and composed so a listener on document hears it from inside
 * any shadow root. Each event file adds its detail type to GkEventDetails and GlobalEventHandlersEventMap.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface GkEventDetails {}

/** Dispatches a typed event; returns false when a listener cancelled a cancelable one. */
export function emit<K extends keyof GkEventDetails>(
  target: EventTarget,
  type: K,
  detail: GkEventDetails[K],
  cancelable = false,
): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

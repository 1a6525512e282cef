/**
 * Vimeo, through the Vimeo player's postMessage protocol (the one @vimeo/player speaks): the iframe posts
 * `{"event":"ready"}`; we post `{"method":"addEventListener","value":…}` for play, pause, ended, timeupdate and
 * seeked, `{"method":"getDuration"}` and `{"method":"getPlayed"}` (what was played before we listened); it posts
 * `{"event":…,"data":{"seconds","percent","duration"}}` and `{"method":…,"value":…}` back.
 * Messages are accepted only from that iframe's window and origin.
 */
import type { Adapter, PlayerEvent } from './player.js';

const EVENTS: Record<string, PlayerEvent['type']> = { play: 'play', pause: 'pause', ended: 'ended', timeupdate: 'time', seeked: 'seeking' };

export const vimeo: Adapter = (el, emit) => {
  const frame = el as HTMLIFrameElement;
  const origin = new URL(frame.src, location.href).origin;
  const assetId = /\/video\/(\d+)/.exec(frame.src)?.[1] ?? '';
  let duration = NaN;
  const post = (message: object) => frame.contentWindow?.postMessage(JSON.stringify(message), origin);
  const subscribe = () => {
    for (const value of Object.keys(EVENTS)) post({ method: 'addEventListener', value });
    post({ method: 'getDuration' });
    post({ method: 'getPlayed' });
  };
  const onMessage = (message: MessageEvent) => {
    if (message.source !== frame.contentWindow || message.origin !== origin) return;
    let data: { event?: string; method?: string; value?: unknown; data?: { seconds?: number; duration?: number } };
    try {
      data = typeof message.data === 'string' ? JSON.parse(message.data) : message.data;
    } catch {
      return;
    }
    if (!data || typeof data !== 'object') return;
    if (data.event === 'ready') return subscribe();
    if (data.method === 'getDuration' && typeof data.value === 'number') duration = data.value;
    if (data.method === 'getPlayed' && Array.isArray(data.value)) {
      const played = data.value.filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && r.every(Number.isFinite));
      if (played.length) emit({ type: 'played', position: 0, duration, player: 'vimeo', assetId, played });
    }
    if (typeof data.data?.duration === 'number') duration = data.data.duration;
    const type = data.event ? EVENTS[data.event] : undefined;
    if (type) emit({ type, position: Number(data.data?.seconds) || 0, duration, player: 'vimeo', assetId });
  };
  window.addEventListener('message', onMessage);
  frame.addEventListener('load', subscribe);
  subscribe();
  return () => {
    window.removeEventListener('message', onMessage);
    frame.removeEventListener('load', subscribe);
  };
};

/**
 * Vidyard, through its embed API (`vidyardEmbed.api.addReadyListener`, `player.on('play'|'pause'|'timeupdate'|
 * 'seek'|'playerComplete')`, `player.currentTime()`, `player.metadata.length_in_seconds`). The embed script
 * replaces `<img class="vidyard-player-embed" data-uuid>`, so `data-lesson-id` goes on a wrapper around it; the
 * API script comes from `vidyardApiUrl` (default https://play.vidyard.com/embed/v4.js).
 */
import { getConfig } from '../../../runtime/config/index.js';
import { playerApi, type Adapter, type PlayerEvent } from './player.js';

interface VidyardPlayer {
  on(event: string, handler: (value?: unknown) => void): void;
  off?(event: string, handler: (value?: unknown) => void): void;
  currentTime(): number;
  metadata?: { length_in_seconds?: number };
}
interface VidyardEmbed {
  api: {
    addReadyListener(callback: (data: unknown, player: VidyardPlayer) => void, uuid?: string): void;
    renderDOMPlayers?(container?: Element): void;
  };
}
type VidyardWindow = Window & { vidyardEmbed?: VidyardEmbed };

const api = () =>
  playerApi(getConfig().vidyardApiUrl ?? 'https://play.vidyard.com/embed/v4.js', 'onVidyardAPI', () => {
    const { vidyardEmbed } = window as VidyardWindow;
    return vidyardEmbed?.api ? vidyardEmbed : undefined;
  });

export const vidyard: Adapter = async (el, emit) => {
  const uuid = el.getAttribute('data-uuid') ?? el.querySelector('[data-uuid]')?.getAttribute('data-uuid') ?? '';
  const embed = await api();
  // An embed added after Vidyard's script loaded is rendered on request.
  embed.api.renderDOMPlayers?.(el);
  return new Promise<() => void>((resolve) => {
    embed.api.addReadyListener((_, player) => {
      const report = (type: PlayerEvent['type'], position = player.currentTime()) =>
        emit({ type, position, duration: player.metadata?.length_in_seconds ?? NaN, player: 'vidyard', assetId: uuid });
      const handlers: Record<string, (value?: unknown) => void> = {
        play: () => report('play'),
        pause: () => report('pause'),
        timeupdate: (time) => report('time', Number(time)),
        seek: () => report('seeking'),
        playerComplete: () => report('ended'),
      };
      for (const [event, handler] of Object.entries(handlers)) player.on(event, handler);
      resolve(() => {
        for (const [event, handler] of Object.entries(handlers)) player.off?.(event, handler);
      });
    }, uuid);
  });
};

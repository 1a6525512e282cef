/**
 * YouTube, through the YouTube IFrame API (`YT.Player`, `onYouTubeIframeAPIReady`, `getCurrentTime`,
 * `getDuration`, `onStateChange`). The embed needs `enablejsapi=1` in its URL; the API script comes from
 * `youtubeApiUrl` (default https://www.youtube.com/iframe_api). The API has no time event, so the playhead is
 * read every 250 ms while playing.
 */
import { getConfig } from '../../../runtime/config/index.js';
import { playerApi, poll, type Adapter, type PlayerEvent } from './player.js';

interface YTPlayer {
  getCurrentTime(): number;
  getDuration(): number;
}
interface YTNamespace {
  /** 1 once the API is ready. */
  loaded?: number;
  Player: new (el: Element, options: { events: { onStateChange(event: { data: number }): void } }) => YTPlayer;
}
type YouTubeWindow = Window & { YT?: YTNamespace };

const PLAYING = 1;
const PAUSED = 2;
const ENDED = 0;

const api = () =>
  playerApi(getConfig().youtubeApiUrl ?? 'https://www.youtube.com/iframe_api', 'onYouTubeIframeAPIReady', () => {
    const { YT } = window as YouTubeWindow;
    return YT?.loaded && YT.Player ? YT : undefined;
  });

export const youtube: Adapter = async (el, emit) => {
  const YT = await api();
  const assetId = /\/embed\/([\w-]+)/.exec(el.getAttribute('src') ?? '')?.[1] ?? '';
  let stopPolling = () => {};
  const player: YTPlayer = new YT.Player(el, {
    events: {
      onStateChange: ({ data }) => {
        stopPolling();
        const report = (type: PlayerEvent['type']) =>
          emit({ type, position: player.getCurrentTime(), duration: player.getDuration(), player: 'youtube', assetId });
        if (data === PLAYING) {
          report('play');
          stopPolling = poll(() => report('time'));
        } else if (data === PAUSED) report('pause');
        else if (data === ENDED) report('ended');
      },
    },
  });
  return () => stopPolling();
};

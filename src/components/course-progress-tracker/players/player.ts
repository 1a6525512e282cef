/**
 * What every player adapter speaks: it watches one player element and reports playback as PlayerEvents. The
 * tracker turns them into coverage, milestones, progress posts and Segment Video Spec events.
 */
export type PlayerKind = 'html5' | 'youtube' | 'vimeo' | 'vidyard';

export interface PlayerEvent {
  /** play (started or resumed), time (playhead during playback), seeking, pause, ended; played: only `played`. */
  type: 'play' | 'time' | 'seeking' | 'pause' | 'ended' | 'played';
  /** The playhead, in seconds. */
  position: number;
  /** The media's length in seconds (NaN until known). */
  duration: number;
  player: PlayerKind;
  /** The player's id for the media (video id, UUID or URL). */
  assetId: string;
  /** What the player had played before the adapter watched it ([start, end] seconds), on the first event that knows. */
  played?: [number, number][];
}

/** Starts watching `el`; returns how to stop. */
export type Adapter = (el: Element, emit: (event: PlayerEvent) => void) => (() => void) | Promise<() => void>;

/** Each player's API by its script's URL, loaded once; a failed load is forgotten (base/lazy.ts does the same). */
const apis = new Map<string, Promise<unknown>>();

/**
 * A player's API: `read()` once it is there, else its script is loaded (a page-wide setting can point it at a proxy
 * or a local stand-in) and the API is taken when the script calls its ready callback (`window[callback]`, a host's
 * own callback still called) or finishes loading. A script that fails to load (a flaky network, a blocker) is
 * removed and forgotten, so the next player, or the next change of the tracker's players, tries again.
 */
export function playerApi<T>(src: string, callback: string, read: () => T | undefined): Promise<T> {
  let api = apis.get(src) as Promise<T> | undefined;
  if (!api) {
    api = new Promise<T>((resolve, reject) => {
      const take = () => {
        const found = read();
        if (found) resolve(found);
      };
      take();
      const w = window as unknown as Record<string, unknown>;
      const previous = w[callback];
      w[callback] = (...args: unknown[]) => {
        if (typeof previous === 'function') previous(...args);
        take();
      };
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = take;
      script.onerror = () => {
        script.remove();
        apis.delete(src);
        reject(new Error(`could not load ${src}`));
      };
      document.head.append(script);
    });
    apis.set(src, api);
  }
  return api;
}

/** Polls a position while playing (players whose API has no time event): every 250 ms, like timeupdate. */
export function poll(read: () => void): () => void {
  const timer = setInterval(read, 250);
  return () => clearInterval(timer);
}

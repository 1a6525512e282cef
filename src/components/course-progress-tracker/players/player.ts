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

/** Loads a player's API script once (a page-wide setting can point it at a proxy or a local stand-in). */
const scripts = new Map<string, Promise<void>>();
function loadScript(src: string): Promise<void> {
  let loading = scripts.get(src);
  if (!loading) {
    loading = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.async = true;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(script);
    });
    scripts.set(src, loading);
  }
  return loading;
}

/**
 * A player's API: `read()` once it is there, else its script is loaded and the API is taken when the script
 * calls its ready callback (`window[callback]`, a host's own callback still called) or finishes loading.
 */
export function playerApi<T>(src: string, callback: string, read: () => T | undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const take = () => {
      const api = read();
      if (api) resolve(api);
    };
    take();
    const w = window as unknown as Record<string, unknown>;
    const previous = w[callback];
    w[callback] = (...args: unknown[]) => {
      if (typeof previous === 'function') previous(...args);
      take();
    };
    loadScript(src).then(take, reject);
  });
}

/** Polls a position while playing (players whose API has no time event): every 250 ms, like timeupdate. */
export function poll(read: () => void): () => void {
  const timer = setInterval(read, 250);
  return () => clearInterval(timer);
}

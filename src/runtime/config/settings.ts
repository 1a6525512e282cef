/**
 * Page-wide settings: `data-*` attributes on the script tag and `GrowthKit.configure({...})`. Per-element
 * attributes override them. Every key is validated alone, so one bad value costs that value, not the rest.
 */
import { toHttpUrl } from './url.js';
import { between, bool, check, httpUrl, matches, object, optional, text, type Parser } from './validate.js';
import { kebab, shared, warnOnce } from '../base/index.js';
import type { ConsentCategory } from '../consent/index.js';
import { CALLBACKS, type CallbackName, type GrowthKitCallbacks } from './outcomes.js';

export type { GrowthKitCallbacks };

export interface GrowthKitUser {
  firstName?: string;
  lastName?: string;
  email?: string;
  companyName?: string;
  name?: string;
}

export interface GrowthKitConfig extends GrowthKitCallbacks {
  /** Base URL the widgets post to; each widget appends its own path (`/hand-raise-leads`, …). */
  endpoint?: string;
  /** The locale used when neither the element nor an ancestor has a `lang`. */
  locale?: string;
  segmentWriteKey?: string;
  segmentCdnUrl?: string;
  segmentApiHost?: string;
  /** Whether the page URL and referrer sent to Segment keep their query strings (default: they are dropped). */
  segmentPageQuery?: boolean;
  /** Segment's category ids for ours (workspace categoryIds or OneTrust groups), e.g. {"marketing": ["C0004", "DataSharing"]}. */
  segmentCategories?: Partial<Record<ConsentCategory, string | string[]>>;
  /** Whether "Segment Consent Preference Updated" goes on every consent change (default true). */
  segmentConsentEvent?: boolean;
  user?: GrowthKitUser;
  /** Whether dev-only detail is logged. */
  debug?: boolean;
  /** Days an undelivered submission is retried before it gives up with `gk-delivery-failed` (default 7). */
  deliveryMaxAgeDays?: number;
  /** Where the YouTube IFrame API is loaded from (default https://www.youtube.com/iframe_api). */
  youtubeApiUrl?: string;
  /** Where Vidyard's embed API is loaded from (default https://play.vidyard.com/embed/v4.js). */
  vidyardApiUrl?: string;
}

const name = optional(text(255));

const keyParsers: Record<string, Parser<unknown>> = {
  endpoint: httpUrl,
  locale: matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "de" or "pt-BR"'),
  segmentWriteKey: text(200, 1),
  segmentCdnUrl: httpUrl,
  segmentApiHost: text(200, 1),
  segmentPageQuery: bool,
  // Checked where it is used, in the lazy Segment part (analytics/segment-loader.ts), to keep it off the initial path.
  segmentCategories: (v) => v,
  segmentConsentEvent: bool,
  user: object({ firstName: name, lastName: name, email: name, companyName: name, name }),
  debug: bool,
  deliveryMaxAgeDays: between(0.001, 365),
  youtubeApiUrl: httpUrl,
  vidyardApiUrl: httpUrl,
};

/** The keys a script tag may set, each as `data-` and the key in kebab case (`data-segment-write-key`). */
const SCRIPT_KEYS = ['endpoint', 'locale', 'segmentWriteKey', 'segmentCdnUrl', 'segmentApiHost', 'debug', 'youtubeApiUrl', 'vidyardApiUrl'];
const dataAttribute = (key: string) => `data-${kebab(key)}`;

/** The settings in force and who follows them: one for the page (base/page.ts). */
const config = shared('config', () => ({ current: {} as GrowthKitConfig, listeners: new Set<() => void>() }));
const { listeners } = config;

export function getConfig(): Readonly<GrowthKitConfig> {
  return config.current;
}

/**
 * Merges `input` into the page-wide settings. Unknown keys and invalid values are reported once and ignored.
 * `where` names the source in warnings (`GrowthKit.configure` or `script`).
 */
export function configure(input: GrowthKitConfig, where: 'GrowthKit.configure' | 'script' = 'GrowthKit.configure'): void {
  if (typeof input !== 'object' || input === null) {
    warnOnce(where, 'configure', 'expected an object of settings');
    return;
  }
  const next: Record<string, unknown> = { ...config.current };
  for (const [key, value] of Object.entries(input)) {
    const label = where === 'script' ? dataAttribute(key) : key;
    if (CALLBACKS.includes(key)) {
      if (typeof value === 'function') next[key] = value;
      else warnOnce(where, label, 'expected a function');
      continue;
    }
    const parse = keyParsers[key];
    if (!parse) {
      warnOnce(where, label, 'unknown setting, ignored');
      continue;
    }
    const result = check(parse, value);
    if (result.ok) next[key] = result.value;
    else warnOnce(where, label, `${result.problem}; keeping ${JSON.stringify(config.current[key as keyof GrowthKitConfig] ?? null)}`);
  }
  config.current = next as GrowthKitConfig;
  listeners.forEach((listener) => listener());
}

/** Reads the settings a marketer put on the kit's script tag. */
export function configureFromScript(script: HTMLScriptElement): void {
  const input: Record<string, unknown> = {};
  for (const key of SCRIPT_KEYS) {
    const value = script.getAttribute(dataAttribute(key));
    if (value !== null) input[key] = key === 'debug' ? value !== 'false' : value;
  }
  if (Object.keys(input).length) configure(input as GrowthKitConfig, 'script');
}

export function onConfigChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Restores the defaults (tests start each case from a clean page). */
export function resetConfig(): void {
  config.current = {};
  listeners.forEach((listener) => listener());
}

/**
 * Where a widget posts: its own `endpoint` attribute (a full URL) or the page-wide base plus the widget's path.
 * Returns null when neither is usable; the caller keeps what it captured and says so.
 */
export function resolveEndpoint(tag: string, own: string | null | undefined, path: string): string | null {
  if (own) {
    // A property may be set to anything from script; only its text counts.
    const text = String(own);
    const url = toHttpUrl(text);
    if (url) return url;
    warnOnce(tag, 'endpoint', `"${text.slice(0, 80)}" is not an http(s) URL; using the page-wide endpoint`);
  }
  const { endpoint } = config.current;
  const base = endpoint ? toHttpUrl(endpoint) : null;
  if (!base) return null;
  return base.replace(/\/+$/, '') + path;
}

/** Calls a configured callback without letting a host's exception escape into our flow. */
export function callback(name: CallbackName, detail: unknown): void {
  const fn = config.current[name] as ((detail: unknown) => void) | undefined;
  if (typeof fn !== 'function') return;
  try {
    fn(detail);
  } catch (error) {
    console.error(`[growth-kit] ${name} threw`, error);
  }
}

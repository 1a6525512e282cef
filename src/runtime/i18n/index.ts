/**
 * Locale resolution and catalogs. English ships in the initial script as the fallback; every other catalog is a
 * lazy chunk fetched the first time a widget needs it. One MutationObserver tells widgets when a `lang` changes.
 */
import en, { type Messages } from '../../locales/en.js';
import { getConfig } from '../config/index.js';

export type MessageKey = keyof Messages;
export type { Messages };

const loaders: Record<string, () => Promise<{ default: Messages }>> = {
  de: () => import('../../locales/de.js'),
  es: () => import('../../locales/es.js'),
  fr: () => import('../../locales/fr.js'),
  'pt-BR': () => import('../../locales/pt-BR.js'),
  it: () => import('../../locales/it.js'),
  nl: () => import('../../locales/nl.js'),
  pl: () => import('../../locales/pl.js'),
  ja: () => import('../../locales/ja.js'),
  ar: () => import('../../locales/ar.js'),
};

export const SUPPORTED_LOCALES = ['en', ...Object.keys(loaders)];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const catalogs = new Map<string, Messages>([['en', en]]);
const inflight = new Map<string, Promise<Messages>>();

/** Adds a locale's loader (the widget issues add es, fr, ja, ar, …). */
export function registerLocale(locale: string, loader: () => Promise<{ default: Messages }>): void {
  loaders[locale] = loader;
  if (!SUPPORTED_LOCALES.includes(locale)) SUPPORTED_LOCALES.push(locale);
}

/** Maps any BCP 47 tag to a locale we have: exact, then by language ("pt-PT" → "pt-BR"), else null. */
export function matchLocale(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const lower = tag.trim().toLowerCase();
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split('-')[0];
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase().split('-')[0] === language) ?? null;
}

function nearestLang(el: Element): string | null {
  let node: Element | null = el;
  while (node && node !== document.documentElement) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return null;
}

/**
 * The element's locale: its own or the nearest ancestor's `lang`, the page-wide `locale` setting, `<html lang>`,
 * then the browser's languages; English when none of them is one we have.
 */
export function resolveLocale(el: Element): string {
  const candidates = [nearestLang(el), getConfig().locale, document.documentElement.lang, ...navigator.languages];
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return 'en';
}

export function isRtl(locale: string): boolean {
  return RTL.has(locale.split('-')[0]);
}

/** Adds messages to a loaded catalog (a lazy part bringing its English wording). */
export function addMessages(locale: string, messages: Partial<Messages>): void {
  Object.assign(catalogs.get(locale) ?? {}, messages);
}

/** The catalog if it is already loaded (synchronous render path). */
export function catalog(locale: string): Messages | undefined {
  return catalogs.get(locale);
}

/** Loads a catalog once; a locale that fails to load falls back to English. */
export function loadCatalog(locale: string): Promise<Messages> {
  const ready = catalogs.get(locale);
  if (ready) return Promise.resolve(ready);
  let promise = inflight.get(locale);
  if (!promise) {
    const loader = loaders[locale];
    promise = (loader ? loader().then((m) => m.default) : Promise.resolve(en)).catch(() => en);
    promise.then((messages) => catalogs.set(locale, messages));
    inflight.set(locale, promise);
  }
  return promise;
}

/** Fills `{name}` placeholders. */
export function format(message: string, params: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const langListeners = new Set<() => void>();
let observer: MutationObserver | null = null;

/** Calls `listener` whenever any `lang` attribute in the document changes. */
export function onLangChange(listener: () => void): () => void {
  langListeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => langListeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    langListeners.delete(listener);
  };
}

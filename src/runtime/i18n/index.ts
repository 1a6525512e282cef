/**
 * Locale resolution and catalogs. English ships in the initial script as the fallback; every other catalog is a
 * lazy chunk fetched the first time a widget needs it (through `lazy`, so a failed fetch is tried again at the next
 * need, and never stands in as English). One MutationObserver tells widgets when a `lang` changes.
 */
import en, { type Messages } from '../../locales/en.js';
import { lazy } from '../base/index.js';
import { getConfig } from '../config/index.js';

export type MessageKey = keyof Messages;
export type { Messages };

const loaders: Record<string, () => Promise<{ default: Messages } | null>> = {
  de: lazy(() => import('../../locales/de.js')),
  es: lazy(() => import('../../locales/es.js')),
  fr: lazy(() => import('../../locales/fr.js')),
  'pt-BR': lazy(() => import('../../locales/pt-BR.js')),
  it: lazy(() => import('../../locales/it.js')),
  nl: lazy(() => import('../../locales/nl.js')),
  pl: lazy(() => import('../../locales/pl.js')),
  ja: lazy(() => import('../../locales/ja.js')),
  ar: lazy(() => import('../../locales/ar.js')),
};

export const SUPPORTED_LOCALES = ['en', ...Object.keys(loaders)];
const RTL = new Set(['ar', 'he', 'fa', 'ur']);
const catalogs = new Map<string, Messages>([['en', en]]);

/** Adds a locale's loader (the widget issues add es, fr, ja, ar, …). */
export function registerLocale(locale: string, loader: () => Promise<{ default: Messages }>): void {
  loaders[locale] = lazy(loader);
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

/**
 * Loads a catalog once; null while it cannot be loaded (its widgets stay in the locale they have, and the next call
 * tries again).
 */
export async function loadCatalog(locale: string): Promise<Messages | null> {
  const messages = catalogs.get(locale) ?? (await loaders[locale]?.())?.default;
  if (messages) catalogs.set(locale, messages);
  return messages ?? null;
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

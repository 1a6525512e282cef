/**
 * Segment as the kit runs it: loads analytics-next behind its consent wrapper (@segment/analytics-consent-tools),
 * configured from the page-wide settings, and plays Segment's part in a consent change. Only the analytics facade
 * imports it: after analytics consent, or a refusal (to remove Segment's storage).
 */
import { loadIdentity, loadSegment as loadedSegment, type Client } from './facade.js';
import { getConfig, array, check, object, optional, text, type Parser } from '../config/index.js';
import { consent, CONSENT_CATEGORIES, type ConsentCategory } from '../consent/index.js';
import { removeLocal, warnOnce } from '../base/index.js';

/**
 * Segment wants host and protocol apart; a page may write "proxy.example.com/v1" (https), a full URL, or a path
 * on its own origin ("/segment/v1", a first-party proxy).
 */
export function apiHostOptions(value: string): { apiHost: string; protocol: 'http' | 'https' } {
  if (value.startsWith('/') && !value.startsWith('//')) value = location.origin + value;
  const match = /^(https?):\/\/(.+)$/.exec(value);
  return match ? { apiHost: match[2].replace(/\/+$/, ''), protocol: match[1] as 'http' | 'https' } : { apiHost: value, protocol: 'https' };
}

/** The first parser's value, else the second's: this part's own, so the initial download does not carry it. */
const either =
  <A, B>(a: Parser<A>, b: Parser<B>): Parser<A | B> =>
  (v) => {
    try {
      return a(v);
    } catch {
      return b(v);
    }
  };
const ids = optional(either(text(100, 1), array(text(100, 1), 20)));
const categoryIds = object({ necessary: ids, functional: ids, analytics: ids, marketing: ids });

/**
 * Our categories as the workspace names them: `segmentCategories` maps each to one or more Segment category ids
 * (or OneTrust groups); by default they are called necessary, functional, analytics and marketing. A Segment
 * category shared by several of ours is granted when all of them are. Checked here, where it is used.
 */
function categoryPreferences(): Record<string, boolean> {
  const given = getConfig().segmentCategories;
  let map: Partial<Record<ConsentCategory, string | string[]>> = { necessary: 'necessary', functional: 'functional', analytics: 'analytics', marketing: 'marketing' };
  if (given !== undefined) {
    const result = check(categoryIds, given);
    if (result.ok) map = result.value;
    else warnOnce('GrowthKit.configure', 'segmentCategories', `${result.problem}; expected {"analytics": "C0002", …}; using necessary, functional, analytics, marketing`);
  }
  const preferences: Record<string, boolean> = {};
  for (const category of CONSENT_CATEGORIES) {
    for (const id of ([] as string[]).concat(map[category] ?? [])) preferences[id] = (preferences[id] ?? true) && consent.has(category);
  }
  return preferences;
}

/** Without its query and fragment: a URL may carry an email, a token or a campaign's personal link. */
const bare = (url: string) => url.replace(/[?#].*$/, '');

/**
 * What every call tells Segment besides its properties: when it happened (a call buffered until the visitor
 * decided keeps its time) and the page without query strings, unless `segmentPageQuery` keeps them.
 */
function options(at: number): { timestamp: Date; context: { page: Record<string, string> } } {
  const keep = getConfig().segmentPageQuery === true;
  const page = keep
    ? { url: location.href, search: location.search, referrer: document.referrer }
    : { url: bare(location.href), search: '', referrer: bare(document.referrer) };
  return { timestamp: new Date(at), context: { page: { path: location.pathname, title: document.title, ...page } } };
}

/**
 * Segment, ready to send; null when Segment itself would not load (its CDN refused, or an ad blocker stopped it:
 * asking again at every event would not help). Its code is served with the kit's, and a request for it that fails
 * rejects, as does a page without a write key (yet), so the facade asks again at the next event.
 */
export async function loadSegment(): Promise<Client | null> {
  const { segmentWriteKey, segmentCdnUrl, segmentApiHost } = getConfig();
  // No write key yet: not an answer to keep, so the facade asks again once a page configures one.
  if (!segmentWriteKey) throw new Error('no Segment write key');
  const [{ AnalyticsBrowser }, { createWrapper }] = await Promise.all([import('@segment/analytics-next'), import('@segment/analytics-consent-tools')]);
  try {
    // Segment's consent wrapper: opt-in model (unconsented device-mode destinations are dropped) and every
    // event carries the visitor's categories. We load only after analytics consent, so loading never waits.
    // No registerOnConsentChanged: its "Segment Consent Preference Updated" event would be a send after withdrawal.
    const withConsent = createWrapper({
      shouldLoadSegment: (ctx) => ctx.load({ consentModel: 'opt-in' }),
      getCategories: categoryPreferences,
    });
    const browser = new AnalyticsBrowser();
    withConsent(browser); // replaces browser.load with the consent-aware one
    // Awaited: the consent-aware load is async and rejects when Segment's settings do not arrive; left alone, that
    // rejection reached the host page as an unhandled one.
    await browser.load(
      { writeKey: segmentWriteKey, ...(segmentCdnUrl ? { cdnURL: segmentCdnUrl } : {}) },
      segmentApiHost ? { integrations: { 'Segment.io': apiHostOptions(segmentApiHost) } } : {},
    );
    const [analytics] = await browser;
    const id = (await loadIdentity())?.getAnonymousId();
    if (id) analytics.setAnonymousId(id);
    return {
      track: (name, properties, at) => analytics.track(name, properties, options(at)),
      page: (name, properties, at) => analytics.page(undefined, name, properties, options(at)),
      // Properties stay empty: the consent wrapper stamps context.consent.categoryPreferences, as Segment's spec has it.
      consentUpdated: (at) => analytics.track('Segment Consent Preference Updated', {}, options(at)),
    };
  } catch (error) {
    console.warn('[growth-kit] analytics could not load; events are dropped', error);
    return null;
  }
}

/**
 * Removes Segment's cookies and storage. analytics-next writes its cookies on the top domain it can (domain=
 * .example.com), so each is removed on the host and on every parent domain (a browser ignores the public suffix).
 */
function removeSegmentStorage(): void {
  try {
    const labels = location.hostname.split('.');
    for (const part of document.cookie.split(';')) {
      const name = part.split('=')[0].trim();
      if (!name.startsWith('ajs_')) continue;
      document.cookie = `${name}=; path=/; max-age=0`;
      for (let i = 0; i < labels.length - 1; i++) document.cookie = `${name}=; path=/; max-age=0; domain=${labels.slice(i).join('.')}`;
    }
    for (const key of Object.keys(localStorage)) if (key.startsWith('ajs_')) removeLocal(key);
  } catch {
    // Storage unavailable: nothing was stored either.
  }
}

/**
 * Segment's part in a consent change. While this browser has a Segment profile (analytics granted now, or until
 * this change) Segment hears of every change through "Segment Consent Preference Updated", the one event its
 * consent docs route whatever the preferences say, so the profile learns of a withdrawal; `segmentConsentEvent:
 * false` turns it off. After a refusal or withdrawal Segment's storage is removed, once that last event is sent.
 * A visitor who never granted analytics makes no request to Segment at all.
 */
export async function consentChanged(granted: boolean, had: boolean): Promise<void> {
  if ((granted || had) && getConfig().segmentConsentEvent !== false) {
    const client = await loadedSegment();
    await client?.consentUpdated(Date.now());
  }
  if (!consent.has('analytics')) removeSegmentStorage();
}

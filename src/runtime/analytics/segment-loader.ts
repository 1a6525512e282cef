/**
 * Loads Segment's analytics-next behind its consent wrapper (@segment/analytics-consent-tools), configured from
 * the page-wide settings. Only the analytics facade imports it, and only once the visitor allowed analytics.
 */
import { loadIdentity, type Client } from './facade.js';
import { getConfig } from '../config/settings.js';
import { consent } from '../consent/state.js';

/**
 * Segment wants host and protocol apart; a page may write "proxy.example.com/v1" (https), a full URL, or a path
 * on its own origin ("/segment/v1", a first-party proxy).
 */
export function apiHostOptions(value: string): { apiHost: string; protocol: 'http' | 'https' } {
  if (value.startsWith('/') && !value.startsWith('//')) value = location.origin + value;
  const match = /^(https?):\/\/(.+)$/.exec(value);
  return match ? { apiHost: match[2].replace(/\/+$/, ''), protocol: match[1] as 'http' | 'https' } : { apiHost: value, protocol: 'https' };
}

/** Category preferences stamped on every event (context.consent.categoryPreferences). */
function categoryPreferences(): Record<string, boolean> {
  const { functional, analytics, marketing } = consent.categories();
  return { necessary: true, functional, analytics, marketing };
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

export function loadSegment(): Promise<Client | null> {
  const { segmentWriteKey, segmentCdnUrl, segmentApiHost } = getConfig();
  if (!segmentWriteKey) return Promise.resolve(null);
  return Promise.all([import('@segment/analytics-next'), import('@segment/analytics-consent-tools')])
    .then(async ([{ AnalyticsBrowser }, { createWrapper }]) => {
      // Segment's consent wrapper: opt-in model (unconsented device-mode destinations are dropped) and every
      // event carries the visitor's categories. We load only after analytics consent, so loading never waits.
      // No registerOnConsentChanged: its "Segment Consent Preference Updated" event would be a send after withdrawal.
      const withConsent = createWrapper({
        shouldLoadSegment: (ctx) => ctx.load({ consentModel: 'opt-in' }),
        getCategories: categoryPreferences,
      });
      const browser = new AnalyticsBrowser();
      withConsent(browser); // replaces browser.load with the consent-aware one
      browser.load(
        { writeKey: segmentWriteKey, ...(segmentCdnUrl ? { cdnURL: segmentCdnUrl } : {}) },
        segmentApiHost ? { integrations: { 'Segment.io': apiHostOptions(segmentApiHost) } } : {},
      );
      const [analytics] = await browser;
      const id = (await loadIdentity())?.getAnonymousId();
      if (id) analytics.setAnonymousId(id);
      const client: Client = {
        track: (name, properties, at) => analytics.track(name, properties, options(at)),
        page: (name, properties, at) => analytics.page(undefined, name, properties, options(at)),
      };
      return client;
    })
    .catch((error: unknown) => {
      console.warn('[growth-kit] analytics could not load; events are dropped', error);
      return null;
    });
}


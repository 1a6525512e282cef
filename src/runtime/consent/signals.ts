/**
 * What every consent decision sets off, whoever made it (the banner, a placeholder, GrowthKit.consent.set):
 * a proof-of-consent record posted to the endpoint (GDPR Art. 7(1): the controller must be able to demonstrate
 * consent), and Google Consent Mode v2 signals when gtag or dataLayer is on the page. Loaded by on-demand.ts.
 */
import { resolveEndpoint } from '../config/index.js';
import { consent, type ConsentCategories } from './state.js';
import { deliver } from '../delivery/index.js';
import { resolveLocale } from '../i18n/index.js';
import { warnOnce } from '../base/index.js';

let defaultsSent = false;

type Gtag = (...args: unknown[]) => void;

function gtag(): Gtag | null {
  const w = window as unknown as { gtag?: Gtag; dataLayer?: unknown[] };
  if (typeof w.gtag === 'function') return w.gtag;
  // gtag.js pushes its `arguments` object; do the same so Google tags read our commands.
  if (Array.isArray(w.dataLayer)) {
    const layer = w.dataLayer;
    return function () {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments);
    };
  }
  return null;
}

/** Consent Mode v2 types from our categories; security storage is always granted. */
export function consentModeState(c: ConsentCategories): Record<string, 'granted' | 'denied'> {
  const v = (granted: boolean) => (granted ? 'granted' : 'denied');
  return {
    ad_storage: v(c.marketing),
    ad_user_data: v(c.marketing),
    ad_personalization: v(c.marketing),
    analytics_storage: v(c.analytics),
    functionality_storage: v(c.functional),
    personalization_storage: v(c.functional),
    security_storage: 'granted',
  };
}

/** How long Google tags wait for our update after the default (Google's wait_for_update, in ms). */
export const WAIT_FOR_UPDATE = 500;

/**
 * The loader's region-specific default (data-consent-mode-granted-regions, src/loader.ts) takes ISO 3166-1 or -2
 * codes only, by the same rule as here; the loader has no room to explain, so the others are named here, once.
 */
function checkGrantedRegions(): void {
  const given = document.querySelector<HTMLScriptElement>('script[data-consent-mode-granted-regions]')?.dataset.consentModeGrantedRegions ?? '';
  const bad = given.split(/[\s,]+/).filter((code) => code && !/^[A-Z]{2}(-[A-Z\d]{1,3})?$/.test(code));
  if (bad.length) {
    const list = bad.map((code) => `"${code.slice(0, 20)}"`).join(', ');
    warnOnce('script', 'data-consent-mode-granted-regions', `${list} ${bad.length > 1 ? 'are' : 'is'} not ${bad.length > 1 ? 'ISO 3166 region codes' : 'an ISO 3166 region code'} (such as US or US-CA); left out`);
  }
}

/**
 * Pushes the Consent Mode defaults (all denied but security, with wait_for_update) once, unless the loader did,
 * then the current decision if there is one.
 */
export function startConsentMode(): void {
  const g = gtag();
  if (!g || defaultsSent) return;
  defaultsSent = true;
  checkGrantedRegions();
  // A default already there came from dist/growth-kit.js (data-consent-mode: pushed before the page's Google tag
  // could run, src/loader.ts) or from the page itself; a second one would override it.
  const layer = (window as unknown as { dataLayer?: unknown }).dataLayer;
  const pushed = Array.isArray(layer) && layer.some((c) => c?.[0] === 'consent' && c?.[1] === 'default');
  if (!pushed) {
    const denied = consentModeState({ necessary: true, functional: false, analytics: false, marketing: false });
    g('consent', 'default', { ...denied, wait_for_update: WAIT_FOR_UPDATE });
  }
  const decision = consent.get();
  if (decision) g('consent', 'update', consentModeState(decision.categories));
}

/** Signals the current decision: a Consent Mode update, and its proof posted through the outbox. */
export function recordDecision(proofEndpoint: string | null): void {
  const decision = consent.get();
  if (!decision) return;
  startConsentMode();
  gtag()?.('consent', 'update', consentModeState(decision.categories));
  const endpoint = resolveEndpoint('consent-gate', proofEndpoint, '/consents');
  if (!endpoint) return;
  const record = {
    consent_id: decision.consent_id,
    policy_version: decision.policy_version,
    categories: decision.categories,
    source: decision.source,
    timestamp: decision.timestamp,
    // The page without its query: a URL may carry an email or a token, and proof needs no more than the page.
    page_url: location.origin + location.pathname,
    locale: resolveLocale(document.documentElement),
    gpc: consent.gpc,
  };
  // One decision, one proof: the key is the decision's own identity, so a repeated send is stored once.
  void deliver(endpoint, record, `${decision.consent_id}-${Date.parse(decision.timestamp)}`);
}

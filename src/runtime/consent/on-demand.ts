/**
 * Loads the consent room's lazy parts when they have something to do, so neither weighs on the initial download:
 * - consent signals (proof of consent, Google Consent Mode), once gtag/dataLayer is on the page or a decision is made;
 * - OneTrust follow mode, once OneTrust is on the page.
 */
import { consent } from './state.js';
import { lazy, shared, whenLoaded } from '../base/index.js';

// One for the page, whichever copy of the kit asks first (base/page.ts).
const signals = shared('signals', () => lazy(() => import('./signals.js')));
const oneTrust = shared('onetrust', () => lazy(() => import('./onetrust.js')));
const state = shared('on-demand', () => ({ proof: null as string | null, started: false }));

/** A <consent-gate endpoint="…"> sends proof there instead of the page-wide endpoint + /consents. */
export function setProofEndpoint(url: string | null): void {
  state.proof = url;
}

/** Whether OneTrust is (or is being) loaded: its globals, or its script tag still on its way. */
function oneTrustOnPage(): boolean {
  const w = window as unknown as { OneTrust?: unknown; OnetrustActiveGroups?: unknown };
  return (
    w.OneTrust !== undefined ||
    w.OnetrustActiveGroups !== undefined ||
    document.querySelector('script[src*="otSDKStub"],script[src*="otBannerSdk"],script[data-domain-script]') !== null
  );
}

/** Hands the decision to OneTrust: set at once so no banner of ours shows, the follower arrives lazily. */
function followOneTrust(): void {
  consent.follow('onetrust');
  whenLoaded(oneTrust, (m) => m.followOneTrust());
}

/** Signals the decision in force, if there is one: a Consent Mode update and its proof (signals.ts). */
export function recordDecision(): void {
  if (consent.get()) whenLoaded(signals, (m) => m.recordDecision(state.proof));
}

/** Starts watching, once per page. */
export function startOnDemand(): void {
  if (state.started) return;
  state.started = true;
  const w = window as unknown as { gtag?: unknown; dataLayer?: unknown };
  if (typeof w.gtag === 'function' || Array.isArray(w.dataLayer)) whenLoaded(signals, (m) => m.startConsentMode());
  if (oneTrustOnPage()) followOneTrust();
  else window.addEventListener('OneTrustGroupsUpdated', followOneTrust, { once: true });
}

/** A <consent-gate onetrust-groups='{"C0002":"analytics"}'> maps OneTrust's groups to our categories. */
export function setOneTrustGroups(json: string): void {
  whenLoaded(oneTrust, (m) => m.setGroups(json));
}

/**
 * Loads runtime parts when they have something to do, so none of them weighs on the initial download:
 * - identity, once consent allows keeping an id or first touch, or kept ids must go after a withdrawal;
 * - consent signals (proof of consent, Google Consent Mode), once gtag/dataLayer is on the page or a decision is made.
 */
import { consent } from './consent.js';
import { readLocal } from './storage.js';

const signals = () => import('./consent-signals.js');
let proofEndpoint: string | null = null;
let started = false;

/** A <consent-gate endpoint="…"> sends proof there instead of the page-wide endpoint + /consents. */
export function setProofEndpoint(url: string | null): void {
  proofEndpoint = url;
}

function identityIfNeeded(): void {
  if (consent.has('analytics') || consent.has('marketing') || readLocal('gk_aid') || readLocal('gk_first_touch')) {
    void import('./identity.js');
  }
}

/** Starts watching, once per page. */
export function startOnDemand(): void {
  if (started) return;
  started = true;
  const w = window as unknown as { gtag?: unknown; dataLayer?: unknown };
  if (typeof w.gtag === 'function' || Array.isArray(w.dataLayer)) void signals().then((m) => m.startConsentMode());
  consent.addEventListener('change', () => {
    identityIfNeeded();
    if (consent.get()) void signals().then((m) => m.recordDecision(proofEndpoint));
  });
  identityIfNeeded();
}

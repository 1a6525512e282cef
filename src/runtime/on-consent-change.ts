/**
 * What happens when the visitor decides: accepts or rejects on the banner, saves preferences, allows one gated
 * embed, withdraws in Privacy settings, is decided for by Global Privacy Control or a followed OneTrust, or a script
 * calls `GrowthKit.consent.set()`. Every subscriber to a consent change is here, in the order it runs:
 *
 * 1. Segment (analytics/facade.ts, then the lazy analytics/segment-loader.ts): calls buffered before the decision
 *    go out once analytics is granted; after a refusal or withdrawal they are dropped. While the browser has a
 *    Segment profile, "Segment Consent Preference Updated" tells it of the change (the last event after a
 *    withdrawal); then Segment's `ajs_*` cookies and storage are removed.
 * 2. Identity (analytics/identity.ts, lazy): the anonymous id is kept only with analytics consent, the first touch
 *    only with marketing consent; a withdrawal deletes what was kept. At start-up it also settles what an earlier
 *    visit kept under a consent that no longer holds (run out, or a new policy version): its own, and Segment's.
 * 3. Proof and Google Consent Mode (consent/signals.ts, lazy): a `consent update` for gtag, and the proof-of-consent
 *    record posted through the outbox (GDPR Art. 7(1)).
 * 4. The host page: `gk-consent-change` on window and document, and the `onConsentChange` callback
 *    (config/outcomes.ts).
 * 5. Every element re-renders through its ConsentController (src/controllers): banners hide, gates stamp or remove
 *    their content, placeholders appear.
 *
 * `watchConsent()` wires it, once per page: the base class of every element and the drop-in entry call it, and a
 * second copy of the kit on the page (npm entries beside the script tag) finds it wired (base/page.ts).
 */
import { applyConsent, loadedIdentity, loadIdentity, report } from './analytics/index.js';
import { readLocal, shared } from './base/index.js';
import { consent, recordDecision } from './consent/index.js';

/** Keeps or deletes the id and first touch; loads identity when it has something to keep or delete (it does on load). */
export function identityIfNeeded(): void {
  const identity = loadedIdentity();
  if (identity) identity.persist();
  else if (consent.has('analytics') || consent.has('marketing') || readLocal('gk_aid') || readLocal('gk_first_touch')) void loadIdentity();
}

function onConsentChange(): void {
  applyConsent();
  identityIfNeeded();
  recordDecision();
  report('page', 'gk-consent-change', { categories: consent.categories(), source: consent.get()?.source ?? null });
}

const watch = shared('watch', () => ({ on: false }));

/** Subscribes the list above to consent changes (once) and settles what an earlier visit kept. */
export function watchConsent(): void {
  if (watch.on) return;
  watch.on = true;
  consent.addEventListener('change', onConsentChange);
  // A decision from an earlier visit meets the browser's Global Privacy Control of this one.
  consent.honourGpc();
  // Reads storage, which opens it: after the task that renders the widgets.
  setTimeout(identityIfNeeded, 0);
}

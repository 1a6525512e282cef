/**
 * Loads the identity module (anonymous id, attribution) only when it has something to do: consent now allows
 * keeping an id or the first touch, or ids kept earlier must be deleted after a withdrawal. Forms and analytics
 * import it themselves when they need it.
 */
import { consent } from './consent.js';
import { readLocal } from './storage.js';

function maybeLoad(): void {
  if (consent.has('analytics') || consent.has('marketing') || readLocal('gk_aid') || readLocal('gk_first_touch')) {
    void import('./identity.js');
  }
}

export function watchIdentity(): void {
  consent.addEventListener('change', maybeLoad);
  maybeLoad();
}

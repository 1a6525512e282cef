/**
 * OneTrust follow mode, loaded only when OneTrust is on the page. OneTrust owns the decision: our banner stays
 * hidden, and every choice it reports becomes ours with source 'onetrust'. It reports through three doors, all
 * watched: `OnetrustActiveGroups` (",C0001,C0002,"), the `OneTrustGroupsUpdated` window event and the
 * `OptanonWrapper()` callback. Under an opt-in rule, until the visitor has closed OneTrust's banner
 * (`IsAlertBoxClosed()` is false) nothing is recorded, so nothing tracks and no refusal is stored in the visitor's
 * name; under opt-out, implied-consent and notice-only rules, or with no banner shown, the active groups count.
 */
import { consent, CONSENT_CATEGORIES, type ConsentCategory } from './state.js';
import { jsonEntries, warnOnce } from '../base/index.js';

export type OneTrustGroups = Record<string, ConsentCategory>;

interface OneTrustWindow {
  OneTrust?: {
    IsAlertBoxClosed?: () => boolean;
    ToggleInfoDisplay?: () => void;
    GetDomainData?: () => { ShowAlertNotice?: boolean; ConsentModel?: { Name?: string } } | undefined;
  };
  OnetrustActiveGroups?: string;
  OptanonWrapper?: () => void;
}

/** OneTrust's default cookie categories. */
const DEFAULT_GROUPS: OneTrustGroups = { C0001: 'necessary', C0002: 'analytics', C0003: 'functional', C0004: 'marketing' };

let groups: OneTrustGroups = DEFAULT_GROUPS;
let started = false;
const w = window as unknown as OneTrustWindow;

/** Parses a group map such as {"C0002": "analytics"}; a bad one is reported once and the default stays. */
function parseGroups(json: string): OneTrustGroups | null {
  const bad = (what: string) => (warnOnce('consent-gate', 'onetrust-groups', `${what}; using the default OneTrust groups`), null);
  const entries = jsonEntries(json);
  if (typeof entries === 'string') return bad(entries);
  const map: OneTrustGroups = {};
  for (const [group, category] of entries) {
    if (!/^[\w-]{1,40}$/.test(group)) return bad(`"${group.slice(0, 40)}" is not a OneTrust group id`);
    if (!(CONSENT_CATEGORIES as readonly unknown[]).includes(category)) return bad(`${group}: expected one of ${CONSENT_CATEGORIES.join(', ')}`);
    map[group] = category as ConsentCategory;
  }
  return map;
}

/** Maps OneTrust groups to our categories (a <consent-gate onetrust-groups> sets it); re-reads OneTrust. */
export function setGroups(json: string): void {
  groups = parseGroups(json) ?? DEFAULT_GROUPS;
  if (started) sync();
}

/**
 * Whether OneTrust's active groups stand for the visitor's consent: the visitor closed its banner, or the page's
 * geolocation rule needs no banner to be closed (opt-out, implied consent, notice only) or shows none at all.
 * Only an opt-in rule with its banner open waits.
 */
function groupsCount(): boolean {
  try {
    if (w.OneTrust?.IsAlertBoxClosed?.() === true) return true;
    const data = w.OneTrust?.GetDomainData?.();
    const model = String(data?.ConsentModel?.Name ?? 'opt-in').toLowerCase();
    return data?.ShowAlertNotice === false || model !== 'opt-in';
  } catch {
    return false;
  }
}

/** Reads OneTrust's current choice and records it when it differs from ours. */
export function sync(): void {
  if (!groupsCount()) return;
  const active = new Set(String(w.OnetrustActiveGroups ?? '').split(',').filter(Boolean));
  const next: Partial<Record<ConsentCategory, boolean>> = { functional: false, analytics: false, marketing: false };
  for (const [group, category] of Object.entries(groups)) if (active.has(group)) next[category] = true;
  const current = consent.get();
  const same = current?.source === 'onetrust' && CONSENT_CATEGORIES.every((c) => c === 'necessary' || current.categories[c] === next[c]);
  if (!same) consent.set(next, 'onetrust');
}

/** Follows OneTrust for the rest of the page's life. */
export function followOneTrust(): void {
  if (started) return;
  started = true;
  window.addEventListener('OneTrustGroupsUpdated', sync);
  // OneTrust calls OptanonWrapper once loaded and after every choice; keep the host's own wrapper working.
  const hostWrapper = w.OptanonWrapper;
  w.OptanonWrapper = function (this: unknown) {
    try {
      if (typeof hostWrapper === 'function') hostWrapper.call(this);
    } finally {
      sync();
    }
  };
  consent.addEventListener('show-preferences', (event) => {
    if (typeof w.OneTrust?.ToggleInfoDisplay !== 'function') return;
    event.preventDefault();
    w.OneTrust.ToggleInfoDisplay();
  });
  sync();
}

/**
 * The visitor's consent, one instance for the page (shared by every copy of the kit on it, base/page.ts). Widgets and the analytics facade read it; `<consent-gate>`
 * and `GrowthKit.consent` write it. The decision lives in a first-party cookie so subdomains can share it.
 */
import { uuid, readCookie, removeCookie, writeCookie, stringify, shared } from '../base/index.js';

export const CONSENT_CATEGORIES = ['necessary', 'functional', 'analytics', 'marketing'] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export type ConsentSource = 'banner' | 'preferences' | 'placeholder' | 'gpc' | 'onetrust' | 'api';
export type ConsentCategories = Record<ConsentCategory, boolean>;

export interface ConsentDecision {
  consent_id: string;
  policy_version: string;
  categories: ConsentCategories;
  timestamp: string;
  source: ConsentSource;
}

export interface ConsentSettings {
  cookieName: string;
  cookieDomain?: string;
  cookiePath: string;
  /** Seconds the decision is kept: 180 days, within what EU regulators accept before asking again. */
  maxAge: number;
  policyVersion: string;
}

export interface ConsentChangeDetail {
  categories: ConsentCategories;
  source: ConsentSource | null;
}

const defaults: ConsentSettings = { cookieName: 'gk_consent', cookiePath: '/', maxAge: 180 * 24 * 3600, policyVersion: '1' };

function isDecision(value: unknown): value is ConsentDecision {
  const v = value as ConsentDecision;
  return (
    typeof v === 'object' && v !== null && typeof v.consent_id === 'string' && typeof v.policy_version === 'string' &&
    typeof v.categories === 'object' && v.categories !== null && typeof v.timestamp === 'string'
  );
}

export class ConsentState extends EventTarget {
  private settings: ConsentSettings = { ...defaults };
  private decision: ConsentDecision | null = null;
  /** Set when a consent platform (OneTrust) owns the decision: our banner stays hidden and follows it. */
  following: 'onetrust' | null = null;

  /** Hands the decision to a consent platform; a banner of ours already showing (it arrived late) goes away. */
  follow(platform: 'onetrust'): void {
    if (this.following === platform) return;
    this.following = platform;
    this.dispatchEvent(new Event('follow'));
  }

  constructor() {
    super();
    this.load();
  }

  /** Changes where the decision is kept or which policy it must match; a policy bump invalidates it. */
  configure(settings: Partial<ConsentSettings>): void {
    // Every gate on a page configures on its first render, mostly with what is already in force.
    if ((Object.keys(settings) as (keyof ConsentSettings)[]).every((k) => this.settings[k] === settings[k])) return;
    const before = stringify(this.decision);
    this.settings = { ...this.settings, ...settings };
    this.load();
    if (stringify(this.decision) !== before) this.notify();
  }

  get(): ConsentDecision | null {
    return this.decision;
  }

  /** Whether the visitor has made a choice that is valid under the current policy. */
  get decided(): boolean {
    return this.decision !== null;
  }

  has(category: ConsentCategory): boolean {
    if (category === 'necessary') return true;
    return this.decision?.categories[category] === true;
  }

  categories(): ConsentCategories {
    return { necessary: true, functional: this.has('functional'), analytics: this.has('analytics'), marketing: this.has('marketing') };
  }

  /** Whether the browser sends Global Privacy Control: a refusal of marketing, given without being asked. */
  get gpc(): boolean {
    return (navigator as Navigator & { globalPrivacyControl?: unknown }).globalPrivacyControl === true;
  }

  /**
   * Records a decision; categories not named keep their current value. Under Global Privacy Control the
   * banner's "Accept all" leaves marketing off and the decision's source says why ('gpc'); a choice made for
   * marketing itself (preferences, a placeholder, the API) wins.
   */
  set(categories: Partial<Record<ConsentCategory, boolean>>, source: ConsentSource = 'api'): ConsentDecision {
    const next: ConsentCategories = { ...this.categories() };
    for (const c of CONSENT_CATEGORIES) if (typeof categories[c] === 'boolean') next[c] = categories[c] as boolean;
    next.necessary = true;
    if (source === 'banner' && next.marketing && this.gpc) {
      next.marketing = false;
      source = 'gpc';
    }
    this.decision = {
      consent_id: this.decision?.consent_id ?? uuid(),
      policy_version: this.settings.policyVersion,
      categories: next,
      timestamp: new Date().toISOString(),
      source,
    };
    const { cookieName, cookiePath, cookieDomain, maxAge } = this.settings;
    writeCookie(cookieName, stringify(this.decision), { path: cookiePath, domain: cookieDomain, maxAge });
    this.notify();
    return this.decision;
  }

  /**
   * Global Privacy Control switched on after the visitor accepted everything on the banner: marketing goes off,
   * recorded with source 'gpc'. A choice made for marketing itself (preferences, a placeholder, the API, a
   * consent platform) stands. Returns whether the decision changed.
   */
  honourGpc(): boolean {
    const d = this.decision;
    if (!this.gpc || !d?.categories.marketing || d.source !== 'banner') return false;
    this.set({ marketing: false }, 'gpc');
    return true;
  }

  /**
   * Asks whoever shows preferences (a <consent-gate> banner or preferences button, or the platform being
   * followed) to open them. Returns false when nobody on the page did.
   */
  showPreferences(): boolean {
    return !this.dispatchEvent(new Event('show-preferences', { cancelable: true }));
  }

  /** Forgets the decision; the banner asks again. */
  reset(): void {
    const { cookieName, cookiePath, cookieDomain } = this.settings;
    removeCookie(cookieName, { path: cookiePath, domain: cookieDomain });
    this.decision = null;
    this.notify();
  }

  private load(): void {
    const raw = readCookie(this.settings.cookieName);
    let parsed: unknown = null;
    try {
      parsed = raw ? JSON.parse(raw) : null;
    } catch {
      parsed = null;
    }
    this.decision = isDecision(parsed) && parsed.policy_version === this.settings.policyVersion ? parsed : null;
  }

  /** Tells the kit (runtime/on-consent-change.ts lists everything that follows) and every element. */
  private notify(): void {
    this.dispatchEvent(new Event('change'));
  }

}

export const consent = shared('consent', () => new ConsentState());

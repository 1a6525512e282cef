import { html, nothing, type PropertyValues } from 'lit';
import { AttributesController } from '../../controllers/attributes-controller.js';
import { ConsentController } from '../../controllers/consent-controller.js';
import { reflect, withAttributes } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/shared-styles.js';
import { kebab, lazy } from '../../runtime/base/index.js';
import { toHttpUrl } from '../../runtime/config/index.js';
import { consent, setOneTrustGroups, setProofEndpoint, startOnDemand, type ConsentCategory, type ConsentSource } from '../../runtime/consent/index.js';
import { parseCategory, parseMode, type ConsentGateMode } from './consent-gate.attributes.js';
import { styles } from './consent-gate.styles.js';
import type { PreferencesHost, PreferencesPart } from './consent-preferences-host.js';

/**
 * The preferences dialog is a lazy chunk, loaded when first opened (or for its GPC wording), and fetched ahead when
 * the pointer or focus reaches a button that opens it, so it opens without waiting (the lead form does the same).
 */
const loadPreferences = lazy(() => import('./consent-preferences.js'));

/** The cookie attributes' checks and the bar and box layouts: a lazy part, loaded only by a gate that sets one (gate-options.ts). */
const loadOptions = lazy(() => import('./gate-options.js'));

/** Stamping gated content (script revival, embeds fitted to the column): a lazy part, loaded once consent allows. */
const loadGated = lazy(() => import('./gated-content.js'));

/** The consent cookie's attributes, checked by the lazy part. */
const COOKIE = ['cookieDomain', 'cookieName', 'cookiePath', 'cookieMaxAge'] as const;

/**
 * The kit's consent manager and the gate in front of everything that tracks. Without gated content it shows the
 * consent banner until the visitor decides; with a `<template>` child it stamps that content only once the
 * `category` is granted, and removes it again on withdrawal. When OneTrust is on the page it shows no banner and
 * follows OneTrust's choices instead. Under Global Privacy Control marketing stays off unless chosen explicitly.
 *
 * @tag consent-gate
 * @summary Consent banner and consent gate.
 * @slot - A `<template>` whose content is stamped once the category is granted.
 * @slot placeholder - Shown instead of the gated content until consent is given.
 * @csspart banner - The consent banner.
 * @csspart accept - The "Accept all" button.
 * @csspart reject - The "Reject all" button.
 * @csspart preferences - The "Preferences" button.
 * @csspart dialog - The preferences dialog.
 * @csspart settings - The "Privacy settings" button (mode="preferences-button").
 * @csspart placeholder - The default placeholder.
 */
export class ConsentGate extends withAttributes({
  /** The category the gated content needs: necessary, functional, analytics or marketing. */
  category: 'marketing' as ConsentCategory,
  /** The element's role: auto (gate when it holds a template, banner otherwise), banner, gate or preferences-button. */
  mode: reflect('auto' as ConsentGateMode),
  /** The banner's layout: cloud (a wide card floating above the bottom edge), bar (full width along the bottom edge) or box (a small card in the bottom corner). */
  layout: reflect('cloud' as 'cloud' | 'bar' | 'box'),
  /** The privacy policy linked from the banner (http(s) only). */
  privacyPolicyUrl: '',
  /** The version of the privacy policy; a new version makes stored decisions invalid and asks again. */
  policyVersion: '',
  /** The domain of the consent cookie, e.g. "example.com" to share it across www. and learn. subdomains. */
  cookieDomain: '',
  /** The consent cookie's name (default gk_consent). */
  cookieName: '',
  /** The consent cookie's path (default /). */
  cookiePath: '',
  /** Seconds the decision is kept (default 15552000, 180 days). */
  cookieMaxAge: '',
  /** The full URL proof of consent is posted to; defaults to the page-wide endpoint + /consents. */
  endpoint: '',
  /** The categories offered in the preferences, space-separated (default: functional analytics marketing). */
  categories: '',
  /** Your own wording per category as JSON: {"analytics": {"title": "…", "description": "…"}}. */
  categoryText: '',
  /** OneTrust group ids mapped to categories as JSON (default {"C0001":"necessary","C0002":"analytics","C0003":"functional","C0004":"marketing"}). */
  onetrustGroups: '',
}) implements PreferencesHost {
  static override styles = [baseStyles, styles];

  static override properties = {
    gpcNote: { state: true },
    waiting: { state: true },
  };

  private preferences: PreferencesPart | null = null;
  /** Whether the banner says that Global Privacy Control keeps marketing off (its wording arrives lazily). */
  private gpcNote = false;
  /** Lazy parts on their way that the banner and placeholder wait for (the cookie settings, a layout). */
  private waiting = 0;

  private readonly consentState = new ConsentController(this);
  private readonly attrs = new AttributesController<{ category: ConsentCategory; mode: ConsentGateMode }>(this, {
    category: { parse: parseCategory },
    mode: { parse: parseMode },
  });
  private stamped: Node[] = [];
  private stamping = false;

  private get effectiveMode(): Exclude<ConsentGateMode, 'auto'> {
    const mode = this.attrs.values.mode;
    if (mode !== 'auto') return mode;
    return this.querySelector(':scope > template') ? 'gate' : 'banner';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    startOnDemand();
    consent.addEventListener('show-preferences', this.handleShowPreferences);
    if (consent.gpc && !consent.decided && this.effectiveMode === 'banner') {
      void loadPreferences().then((chunk) => (this.gpcNote = chunk !== null));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    consent.removeEventListener('show-preferences', this.handleShowPreferences);
  }

  /** The first banner or preferences button on the page answers `GrowthKit.consent.showPreferences()`. */
  private handleShowPreferences = (event: Event): void => {
    if (event.defaultPrevented || this.effectiveMode === 'gate' || consent.following) return;
    event.preventDefault();
    void this.openPreferences();
  };

  /** Opens the preferences dialog (loading it on first use). */
  async openPreferences(): Promise<void> {
    const chunk = await loadPreferences();
    if (!chunk) {
      // Tried again the next time they are opened.
      this.warn('preferences', 'could not be loaded; the banner asks again instead');
      consent.reset();
      return;
    }
    this.preferences ??= new chunk.ConsentPreferences(this);
    await this.preferences.show();
  }

  /**
   * The privacy policy link, http(s) only (the preferences show it too).
   * @internal
   */
  policyUrl(): string | null {
    if (!this.privacyPolicyUrl) return null;
    const policy = toHttpUrl(this.privacyPolicyUrl);
    if (!policy) this.warn('privacy-policy-url', 'is not an http(s) URL; the link is left out');
    return policy;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('policyVersion') && this.policyVersion) consent.configure({ policyVersion: String(this.policyVersion).slice(0, 50) });
    // A failed load is tried again at the next change; its warning names an attribute the page set.
    const cookie = COOKIE.find((name) => this[name]);
    if (cookie && COOKIE.some((name) => changed.has(name))) {
      this.await(loadOptions(), (part) =>
        part ? consent.configure(part.cookieSettings(this)) : this.warn(kebab(cookie), 'the cookie settings could not be loaded; using the defaults until the next change'),
      );
    }
    if (changed.has('layout') && this.layout !== 'cloud') {
      this.await(loadOptions(), (part) => (part ? part.applyLayout(this) : this.warn('layout', 'could not be loaded; using cloud until the next change')));
    }
    if (changed.has('endpoint') && this.endpoint) setProofEndpoint(this.endpoint);
    // Validated by the lazy OneTrust follower, which warns about a bad map.
    if (changed.has('onetrustGroups') && this.onetrustGroups) setOneTrustGroups(this.onetrustGroups);
  }

  /** Holds the banner and placeholder back until `part` has arrived (or failed to) and been applied. */
  private await<T>(part: Promise<T | null>, apply: (part: T | null) => void): void {
    this.waiting++;
    void part.then((loaded) => {
      try {
        apply(loaded);
      } finally {
        this.waiting--;
      }
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncGatedContent();
  }

  /** Stamps the template's content into light DOM once granted; removes it on withdrawal. */
  private syncGatedContent(): void {
    if (this.effectiveMode !== 'gate' || this.waiting) return;
    // React's JSX and Vue's templates give a <template> DOM children instead of content: moved into its content,
    // they are inert until consent, and stamped like any template's.
    const holder = this.querySelector<HTMLTemplateElement>(':scope > template');
    if (holder?.firstChild) holder.content.append(...Array.from(holder.childNodes));
    const granted = this.consentState.has(this.attrs.values.category);
    const template = holder;
    if (granted && !this.stamped.length && template && !this.stamping) {
      this.stamping = true;
      void loadGated().then((part) => {
        this.stamping = false;
        // Withdrawn, or stamped, while the part loaded? A part that failed to load is tried at the next update.
        if (part && !this.stamped.length && this.consentState.has(this.attrs.values.category)) this.stamped = part.stamp(this, template);
      });
    } else if (!granted && this.stamped.length) {
      this.stamped.forEach((node) => (node as ChildNode).remove());
      this.stamped = [];
    }
  }

  private decide(categories: Partial<Record<ConsentCategory, boolean>>, source: ConsentSource): void {
    consent.set(categories, source);
  }

  override render() {
    const t = (key: Parameters<typeof this.i18n.t>[0], params?: Record<string, string>) => this.i18n.t(key, params);
    const mode = this.effectiveMode;
    if (mode === 'preferences-button') {
      return html`<button part="settings" type="button" class="gk-button link small" aria-haspopup="dialog" @pointerenter=${loadPreferences} @focus=${loadPreferences} @click=${() => this.showPreferences()}>${t('consent.settings')}</button>
        ${this.preferences?.render() ?? nothing}`;
    }
    if (this.waiting) return nothing;
    if (mode === 'gate') {
      const category = this.attrs.values.category;
      if (this.consentState.has(category)) return html`<slot name="gated"></slot>`;
      const name = t(`consent.${category}`);
      // Following OneTrust, the choice is OneTrust's to make: the button opens its preferences.
      const allow = () => (consent.following ? consent.showPreferences() : this.decide({ [category]: true }, 'placeholder'));
      return html`<slot name="placeholder">
        <div part="placeholder" class="placeholder" dir=${this.i18n.dir}>
          <p>${t('consent.blocked', { category: name })}</p>
          <button type="button" class="gk-button small" @click=${allow}>${t('consent.allowAndShow')}</button>
        </div>
      </slot>`;
    }
    if (consent.following) return nothing;
    const policy = this.policyUrl();
    const banner = this.consentState.decided
      ? nothing
      : html`<section part="banner" class="banner" role="region" aria-labelledby="gk-consent-title" dir=${this.i18n.dir} lang=${this.i18n.locale}>
          <h2 id="gk-consent-title">${t('consent.title')}</h2>
          <p>${t('consent.text')} ${policy ? html`<a href=${policy} target="_blank" rel="noopener">${t('consent.policy')}</a>` : nothing}</p>
          ${this.gpcNote ? html`<p>${t('consent.gpc')}</p>` : nothing}
          <div class="actions">
            <button part="accept" type="button" class="gk-button" @click=${() => this.decide({ functional: true, analytics: true, marketing: true }, 'banner')}>${t('consent.acceptAll')}</button>
            <button part="reject" type="button" class="gk-button" @click=${() => this.decide({ functional: false, analytics: false, marketing: false }, 'banner')}>${t('consent.rejectAll')}</button>
            <button part="preferences" type="button" class="gk-button secondary" aria-haspopup="dialog" @pointerenter=${loadPreferences} @focus=${loadPreferences} @click=${() => void this.openPreferences()}>${t('consent.preferences')}</button>
          </div>
        </section>`;
    return html`${banner}${this.preferences?.render() ?? nothing}`;
  }

  /** Opens the preferences: ours, or the followed platform's. */
  private showPreferences(): void {
    if (consent.following) consent.showPreferences();
    else void this.openPreferences();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'consent-gate': ConsentGate;
  }
}

/**
 * The consent preferences: a lazy chunk, fetched when the visitor opens them (the banner's "Preferences", the
 * "Privacy settings" button or `GrowthKit.consent.showPreferences()`). A toggle per category, necessary always
 * on; "Accept all", "Reject all" and "Save choices" with equal weight, so withdrawing is as easy as giving.
 */
import { css, html, nothing, type ReactiveController } from 'lit';
import { adoptStyles, dialogStyles, words } from '../../internal/dialogs.js';
import enConsent from '../../locales/en-consent.js';
import { consent, CONSENT_CATEGORIES, type ConsentCategory } from '../../runtime/consent/index.js';
import { addMessages, type MessageKey } from '../../runtime/i18n/index.js';
import { check, object, optional, text } from '../../runtime/config/index.js';
import { jsonEntries, warnOnce } from '../../runtime/base/index.js';
import type { PreferencesHost, PreferencesPart } from './consent-preferences-host.js';

addMessages('en', enConsent);

type Choices = Partial<Record<ConsentCategory, boolean>>;
interface CategoryText {
  title?: string;
  description?: string;
}

/** The categories a visitor can choose; necessary is always shown, always on. */
const OPTIONAL_CATEGORIES = ['functional', 'analytics', 'marketing'] as const;
const parseCategories = words(OPTIONAL_CATEGORIES, 'category');

/** The categories offered, from `categories` ("analytics marketing"); all three when it is empty or bad. */
export function categoriesOf(raw: string): ConsentCategory[] {
  const result = raw.trim() ? check(parseCategories, raw) : null;
  if (result && !result.ok) warnOnce('consent-gate', 'categories', `${result.problem}; offering all categories`);
  return result?.ok && result.value.length ? result.value : [...OPTIONAL_CATEGORIES];
}

const parseText = object({ title: optional(text(80, 1)), description: optional(text(500, 1)) });

/** The host's own wording per category, from `category-text`: {"analytics": {"title": "…", "description": "…"}}. */
export function parseCategoryText(raw: string): Partial<Record<ConsentCategory, CategoryText>> {
  const out: Partial<Record<ConsentCategory, CategoryText>> = {};
  if (!raw) return out;
  const problem = (what: string) => (warnOnce('consent-gate', 'category-text', `${what}; using the default wording`), out);
  const entries = jsonEntries(raw, 4);
  if (typeof entries === 'string') return problem(entries);
  for (const [key, entry] of entries) {
    if (!(CONSENT_CATEGORIES as readonly string[]).includes(key)) return problem(`unknown category "${key.slice(0, 40)}"`);
    const result = check(parseText, entry);
    if (!result.ok) return problem(`${key}: ${result.problem}`);
    out[key as ConsentCategory] = result.value;
  }
  return out;
}

const styles = css`
  .categories {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .category {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 16px;
    padding: 12px 0;
    border-top: 1px solid var(--gk-border);
  }
  .title {
    font-weight: 600;
  }
  .category p {
    grid-column: 1;
    margin: 0;
    color: var(--gk-muted);
    font-size: 14px;
  }
  /* A toggle switch drawn on the native checkbox (role="switch"): Space toggles it, a label names it, forms and
     assistive technology see a checkbox; the knob's side says on or off without colour, and follows dir. */
  .category input {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    position: relative;
    flex: none;
    inline-size: 44px;
    block-size: 24px;
    margin: 0;
    appearance: none;
    border-radius: 12px;
    background: var(--gk-muted);
    cursor: pointer;
    transition: background-color 0.15s;
  }
  .category input::before {
    content: '';
    position: absolute;
    inset-block-start: 3px;
    inset-inline-start: 3px;
    inline-size: 18px;
    block-size: 18px;
    border-radius: 50%;
    background: var(--gk-surface);
    transition: inset-inline-start 0.15s;
  }
  .category input:checked {
    background: var(--gk-accent);
  }
  .category input:checked::before {
    inset-inline-start: 23px;
  }
  @media (prefers-reduced-motion: reduce) {
    .category input,
    .category input::before {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .category input {
      border: 1px solid CanvasText;
    }
    .category input::before {
      background: CanvasText;
    }
  }
  .always {
    grid-row: 1 / span 2;
    grid-column: 2;
    align-self: center;
    color: var(--gk-muted);
    font-size: 14px;
  }
`;

export class ConsentPreferences implements ReactiveController, PreferencesPart {
  private choices: Choices = {};
  private open = false;
  private text: Partial<Record<ConsentCategory, CategoryText>> = {};
  private categories: ConsentCategory[] = [];

  constructor(private readonly host: PreferencesHost) {
    host.addController(this);
    adoptStyles(host.renderRoot as ShadowRoot, dialogStyles, styles);
  }

  hostConnected(): void {}

  private get dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog; the toggles start from the stored decision. */
  async show(): Promise<void> {
    this.choices = consent.categories();
    this.text = parseCategoryText(String(this.host.categoryText));
    this.categories = categoriesOf(String(this.host.categories));
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
    (this.host.renderRoot as ShadowRoot).querySelector<HTMLElement>('dialog input:not([disabled]), dialog button')?.focus();
  }

  private handleClose = (): void => {
    this.open = false;
    this.host.requestUpdate();
    // Focus returns to what opened the dialog, when it is still there.
    this.host.renderRoot.querySelector<HTMLElement>('[part="preferences"], [part="settings"]')?.focus();
  };

  private decide(choices: Choices): void {
    consent.set(choices, 'preferences');
    this.dialog?.close();
  }

  /** Every shown category granted or refused; under Global Privacy Control "Accept all" leaves marketing as toggled. */
  private all(granted: boolean): Choices {
    const choices: Choices = Object.fromEntries(this.categories.map((c) => [c, granted]));
    if (granted && consent.gpc && 'marketing' in choices) choices.marketing = this.choices.marketing === true;
    return choices;
  }

  private row(category: ConsentCategory) {
    const i18n = this.host.i18n;
    const custom = this.text[category];
    const title = custom?.title ?? i18n.t(`consent.${category}` as MessageKey);
    const description = custom?.description ?? i18n.t(`consent.${category}Text` as MessageKey);
    const id = `gk-consent-${category}`;
    const control =
      category === 'necessary'
        ? html`<span class="always" id="${id}">${i18n.t('consent.alwaysOn')}</span>`
        : html`<input
            type="checkbox"
            role="switch"
            id=${id}
            aria-describedby="${id}-text"
            .checked=${this.choices[category] === true}
            @change=${(e: Event) => (this.choices = { ...this.choices, [category]: (e.target as HTMLInputElement).checked })}
          />`;
    return html`<li class="category">
      ${category === 'necessary' ? html`<span class="title">${title}</span>` : html`<label class="title" for=${id}>${title}</label>`}
      <p id="${id}-text">${description}</p>
      ${control}
    </li>`;
  }

  render() {
    const { i18n } = this.host;
    return html`<dialog part="dialog" aria-labelledby="gk-preferences-title" dir=${i18n.dir} lang=${i18n.locale} @close=${this.handleClose}>
      ${this.open ? this.body() : nothing}
    </dialog>`;
  }

  private body() {
    const { i18n } = this.host;
    const policy = this.host.policyUrl();
    return html`<div class="body">
      <h2 id="gk-preferences-title">${i18n.t('consent.preferences')}</h2>
      <p class="intro">
        ${i18n.t('consent.text')} ${policy ? html`<a href=${policy} target="_blank" rel="noopener">${i18n.t('consent.policy')}</a>` : nothing}
      </p>
      ${consent.gpc ? html`<p class="intro">${i18n.t('consent.gpc')}</p>` : nothing}
      <ul class="categories">
        ${(['necessary', ...this.categories] as ConsentCategory[]).map((c) => this.row(c))}
      </ul>
      <div class="actions">
        <button type="button" class="gk-button secondary" @click=${() => this.decide(this.all(false))}>${i18n.t('consent.rejectAll')}</button>
        <button type="button" class="gk-button secondary" @click=${() => this.decide(this.all(true))}>${i18n.t('consent.acceptAll')}</button>
        <button type="button" class="gk-button" @click=${() => this.decide(this.choices)}>${i18n.t('consent.save')}</button>
      </div>
    </div>`;
  }
}

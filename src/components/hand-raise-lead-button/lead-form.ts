/**
 * The lead form: a lazy chunk, fetched on the first hover, focus or click of a <hand-raise-lead-button>. It renders
 * inside the button's dialog, validates with the same schemas as the endpoint, and hands the lead to the outbox.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { html as staticHtml, literal } from 'lit/static-html.js';
import enForm from '../../locales/en-form.js';
import { adoptStyles, dialogStyles, words } from '../../internal/dialogs.js';
import { loadIdentity, track, type Attribution } from '../../runtime/analytics/index.js';
import { uuid, warnOnce } from '../../runtime/base/index.js';
import { check, getConfig, resolveEndpoint } from '../../runtime/config/index.js';
import { consent } from '../../runtime/consent/index.js';
import { deliver, outboxEvents, type Delivery } from '../../runtime/delivery/index.js';
import { addMessages, type MessageKey } from '../../runtime/i18n/index.js';
import { countryOptions, REGIONS } from './countries.js';
import { isBusinessEmail } from './business-email.js';
import { checkField, COMPANY_SIZES, DEFAULT_REQUIRED, FIELDS, LEAD_FIELDS, type FieldSpec, type LeadField } from './lead-fields.js';
import type { LeadFormHost, LeadFormPart } from './lead-form-host.js';
import type { Lead } from './lead.schema.js';
import { formStyles } from './lead-form.styles.js';

const parseFieldList = words(LEAD_FIELDS, 'field');

/** A `fields` or `required-fields` value, read against the field table; a bad one warns once and the default stays. */
function fieldList(raw: string, attribute: string, fallback: LeadField[]): LeadField[] {
  if (!raw.trim()) return fallback;
  const result = check(parseFieldList, raw);
  if (result.ok) return result.value;
  warnOnce('hand-raise-lead-button', attribute, `${result.problem}; using the default`);
  return fallback;
}

/**
 * The fields shown and required, from the button's `fields` and `required-fields`. Email is always both: it is
 * how sales reaches the lead.
 */
function fieldSets(fields: string, requiredFields: string): { shown: LeadField[]; required: Set<LeadField> } {
  const listed = fieldList(fields, 'fields', LEAD_FIELDS);
  const shown = listed.includes('email') ? listed : [...listed, 'email' as const];
  const required = fieldList(requiredFields, 'required-fields', DEFAULT_REQUIRED).filter((f) => shown.includes(f));
  return { shown, required: new Set<LeadField>([...required, 'email']) };
}

addMessages('en', enForm);

type Status = 'editing' | 'sending' | 'success' | 'saved' | 'rejected';
type Values = Record<LeadField, string>;

const [INPUT, SELECT, TEXTAREA] = [literal`input`, literal`select`, literal`textarea`];

/** Cloudflare Turnstile's token, when the page shows its widget (it keeps the token in a cf-turnstile-response input). */
function turnstileToken(): { turnstile_token?: string } {
  const token = document.querySelector<HTMLInputElement>('input[name="cf-turnstile-response"]')?.value;
  return token ? { turnstile_token: token.slice(0, 2048) } : {};
}

/** The attribution when identity could not be loaded: this page alone, no id. */
function pageOnly(): Attribution {
  const touch = { referrer: document.referrer, landing_page: location.origin + location.pathname, at: new Date().toISOString() };
  return { anonymous_id: null, first_touch: touch, last_touch: touch };
}

export class LeadForm implements ReactiveController, LeadFormPart {
  private values: Values = this.prefill();
  private errors: Partial<Record<LeadField, MessageKey>> = {};
  private status: Status = 'editing';
  private submissionId = '';
  private submitted = false;
  /** The spam trap's value (a person leaves it empty) and when the visitor first saw the form (fill time). */
  private trap = '';
  private openedAt = 0;

  constructor(private readonly host: LeadFormHost) {
    host.addController(this);
    void loadIdentity();
    (host.renderRoot as ShadowRoot).querySelector('dialog')?.addEventListener('click', this.handleBackdrop);
    adoptStyles(host.renderRoot as ShadowRoot, dialogStyles, formStyles);
  }

  // Lit calls hostConnected as soon as this controller joins the (connected) button.
  hostConnected(): void {
    outboxEvents.addEventListener('settled', this.handleSettled);
  }

  hostDisconnected(): void {
    outboxEvents.removeEventListener('settled', this.handleSettled);
  }

  /**
   * Called after the dialog opened: focus goes to the first field still empty (a prefilled form starts where the
   * visitor has something to do), or to the notice after a submission.
   */
  opened(): void {
    this.openedAt ||= performance.now();
    const root = this.host.renderRoot as ShadowRoot;
    const controls = Array.from(root.querySelectorAll<HTMLInputElement>('form input:not([data-trap]), form select, form textarea'));
    (root.querySelector<HTMLElement>('[data-autofocus]') ?? controls.find((c) => !c.value) ?? controls[0])?.focus();
  }

  /** A click on the backdrop (the dialog itself, outside its box) closes it, unless the visitor typed something. */
  private handleBackdrop = (event: MouseEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (inside) return;
    const prefilled = this.prefill();
    if (this.status === 'editing' && LEAD_FIELDS.some((f) => this.values[f] !== prefilled[f])) return;
    this.canceled();
    this.host.close();
  };

  /**
   * The fields that take the full width: the wide ones, and a half-width one that would stand alone in its row
   * (the last of an odd run of half-width fields).
   */
  private wide(): Set<LeadField> {
    const wide = new Set<LeadField>();
    let run: LeadField[] = [];
    const close = () => {
      if (run.length % 2) wide.add(run[run.length - 1]);
      run = [];
    };
    for (const f of LEAD_FIELDS) {
      if (!this.shown(f)) continue;
      if ((FIELDS[f] as FieldSpec).wide) {
        wide.add(f);
        close();
      } else run.push(f);
    }
    close();
    return wide;
  }

  canceled(): void {
    if (this.status === 'editing') track('Hand Raise Form Canceled', { glm_content: this.host.settings.glmContent });
  }

  /** Called after the dialog closed; a finished submission leaves a fresh form behind. Returns whether one was sent. */
  closed(): boolean {
    const submitted = this.submitted;
    if (this.status === 'success' || this.status === 'saved') {
      this.values = this.prefill();
      this.errors = {};
      this.status = 'editing';
      this.submitted = false;
    }
    return submitted;
  }

  private prefill(): Values {
    const h = this.host;
    const user = getConfig().user ?? {};
    const values = Object.fromEntries(LEAD_FIELDS.map((f) => [f, ''])) as Values;
    values.first_name = h.firstName || user.firstName || '';
    values.last_name = h.lastName || user.lastName || '';
    values.email = h.email || user.email || '';
    values.company_name = h.companyName || user.companyName || '';
    return values;
  }

  /** The fields shown and required, re-read when the button's attributes change. */
  private sets(): ReturnType<typeof fieldSets> {
    const { fields, requiredFields } = this.host.settings;
    const key = `${fields}|${requiredFields}`;
    if (key !== this.setsKey) [this.setsKey, this.setsValue] = [key, fieldSets(fields, requiredFields)];
    return this.setsValue!;
  }
  private setsKey = '';
  private setsValue: ReturnType<typeof fieldSets> | null = null;

  private shown(field: LeadField): boolean {
    const { shown } = this.sets();
    if (field === 'state') return shown.includes('state') && this.values.country in REGIONS;
    return shown.includes(field);
  }

  private required(field: LeadField): boolean {
    return this.shown(field) && this.sets().required.has(field);
  }

  private validate(field: LeadField): MessageKey | undefined {
    const value = this.values[field].trim();
    if (!this.shown(field)) return undefined;
    if (!value) return this.required(field) ? 'error.required' : undefined;
    const problem = checkField(field, value);
    if (!problem) return undefined;
    if (field === 'email') return 'error.email';
    return problem === 'too long' ? 'error.tooLong' : 'error.invalid';
  }

  private payload(attribution: Attribution): Lead {
    const s = this.host.settings;
    const fields: Partial<Record<LeadField, string>> = {};
    for (const f of LEAD_FIELDS) {
      const value = this.values[f].trim();
      if (this.shown(f) && value) fields[f] = value;
    }
    return {
      submission_id: this.submissionId,
      submitted_at: new Date().toISOString(),
      glm_content: s.glmContent,
      glm_source: s.glmSource,
      product_interaction: s.productInteraction,
      namespace_id: s.namespaceId,
      ...fields,
      email: this.values.email.trim(),
      business_email: isBusinessEmail(this.values.email),
      locale: this.host.i18n.locale,
      page: { url: location.href.slice(0, 2048), title: document.title.slice(0, 500), referrer: document.referrer.slice(0, 2048) },
      attribution,
      consent: { analytics: consent.has('analytics'), marketing: consent.has('marketing') },
      // What the collector judges spam by (never an error for the visitor): the trap, the time taken, and a
      // Cloudflare Turnstile token when the page shows Turnstile's widget.
      honeypot: this.trap,
      fill_ms: Math.round(this.openedAt ? performance.now() - this.openedAt : 0),
      ...turnstileToken(),
    } as Lead;
  }

  private handleInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const field = target.name as LeadField;
    this.values = { ...this.values, [field]: target.value };
    if (field === 'country' && !(target.value in REGIONS)) this.values.state = '';
    if (this.errors[field]) this.errors = { ...this.errors, [field]: this.validate(field) };
    this.host.requestUpdate();
  };

  private handleBlur = (event: Event): void => {
    const field = (event.target as HTMLInputElement).name as LeadField;
    // Only complain about a field the visitor has started on; tabbing through empty fields is not an error yet.
    if (!this.values[field] && !this.errors[field]) return;
    this.errors = { ...this.errors, [field]: this.validate(field) };
    this.host.requestUpdate();
  };

  private handleSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (this.status === 'sending') return;
    const errors: Partial<Record<LeadField, MessageKey>> = {};
    for (const f of LEAD_FIELDS) {
      const error = this.validate(f);
      if (error) errors[f] = error;
    }
    this.errors = errors;
    const s = this.host.settings;
    if (Object.keys(errors).length) {
      this.host.requestUpdate();
      await this.host.updateComplete;
      // The first invalid field comes into view with its label, clear of the sticky footer (scroll margins).
      const invalid = (this.host.renderRoot as ShadowRoot).querySelector<HTMLElement>('[aria-invalid="true"]');
      invalid?.closest('.field')?.scrollIntoView({ block: 'nearest' });
      invalid?.focus({ preventScroll: true });
      return;
    }
    this.submissionId ||= uuid();
    // Identity is a lazy part; the visitor's lead never waits on it for long and is never lost to it.
    const attribution = (await loadIdentity())?.getAttribution() ?? pageOnly();
    // A second submit may have started while this one waited.
    if ((this.status as Status) === 'sending') return;
    const payload = this.payload(attribution);
    if (!this.host.report('gk-lead-submit', { payload }, true)) return;
    const endpoint = resolveEndpoint(this.host.localName, s.endpoint, '/hand-raise-leads');
    if (!endpoint) {
      warnOnce(this.host.localName, 'endpoint', 'no endpoint is configured (set endpoint, or data-endpoint on the script tag)');
      this.status = 'rejected';
      this.host.requestUpdate();
      return;
    }
    this.status = 'sending';
    this.host.requestUpdate();
    const delivery = await deliver(endpoint, payload, payload.submission_id);
    this.settle(delivery, payload.submission_id);
  };

  private handleSettled = (event: Event): void => {
    const { key, state, result } = (event as CustomEvent).detail as { key: string } & Delivery;
    if (key === this.submissionId && this.status === 'saved') this.settle({ state, result }, key);
  };

  private settle({ state, result }: Delivery, submissionId: string): void {
    const glmContent = this.host.settings.glmContent;
    const status = result?.status ?? 0;
    if (state === 'delivered') {
      this.status = 'success';
      this.submitted = true;
      this.submissionId = '';
      this.host.report('gk-lead-submitted', { submissionId, glmContent });
    } else if (state === 'queued') {
      this.status = 'saved';
      this.submitted = true;
      this.host.report('gk-lead-error', { submissionId, glmContent, reason: 'saved', status });
    } else {
      this.status = 'rejected';
      // A refused lead keeps its id out: the visitor corrects it and it is a new submission.
      this.submissionId = '';
      const fields = (result?.body as { fields?: { path: string }[] } | null)?.fields ?? [];
      for (const { path } of fields) {
        const field = path.split('.')[0] as LeadField;
        if (LEAD_FIELDS.includes(field)) this.errors = { ...this.errors, [field]: field === 'email' ? 'error.email' : 'error.invalid' };
      }
      this.host.report('gk-lead-error', { submissionId, glmContent, reason: 'rejected', status });
    }
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.opened());
  }

  /** A select's choices as [value, label]. */
  private options(field: LeadField): readonly (readonly [string, string])[] {
    if (field === 'company_size') return COMPANY_SIZES.map((size) => [size, size] as const);
    if (field === 'country') return countryOptions(this.host.i18n.locale);
    return REGIONS[this.values.country] ?? [];
  }

  private renderField(field: LeadField, wide: Set<LeadField>) {
    if (!this.shown(field)) return nothing;
    const t = (key: MessageKey) => this.host.i18n.t(key);
    const id = `gk-${field}`;
    const error = this.errors[field];
    const required = this.required(field);
    const spec: FieldSpec = FIELDS[field];
    const select = spec.input === 'select';
    const options = !select
      ? nothing
      : html`<option value="">${t('lead.choose')}</option>
          ${this.options(field).map(([value, label]) => html`<option value=${value} ?selected=${value === this.values[field]}>${label}</option>`)}`;
    // One template for <input>, <select> and <textarea>: the same bindings, the element and its few extras differ.
    const tag = select ? SELECT : spec.input === 'textarea' ? TEXTAREA : INPUT;
    const control = staticHtml`<${tag}
      part="input"
      id=${id}
      name=${field}
      type=${tag === INPUT ? spec.input : nothing}
      autocomplete=${tag === TEXTAREA ? nothing : spec.autocomplete}
      maxlength=${tag === SELECT ? nothing : spec.max}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${error ? `${id}-error` : nothing}
      ?required=${required}
      .value=${this.values[field]}
      @input=${select ? undefined : this.handleInput}
      @change=${select ? this.handleInput : undefined}
      @blur=${this.handleBlur}
    >${options}</${tag}>`;
    return html`<div part="field" class="field ${wide.has(field) ? 'wide' : ''}">
      <label for=${id}>${t(spec.label)} ${required ? nothing : html`<span class="optional">${t('lead.optional')}</span>`}</label>
      ${control}
      <span class="error" id="${id}-error" aria-live="polite">${error ? t(error) : ''}</span>
    </div>`;
  }

  render() {
    const t = (key: MessageKey, params?: Record<string, string>) => this.host.i18n.t(key, params);
    const name = this.host.userName || getConfig().user?.name;
    const close = html`<button type="button" class="close" aria-label=${t('lead.close')} @click=${() => this.host.close()}>×</button>`;
    const heading = html`${close}<h2 id="gk-lead-heading">${name ? t('lead.hello', { name }) + ' · ' : ''}${t('lead.heading')}</h2>`;
    if (this.status === 'success' || this.status === 'saved') {
      const success = this.status === 'success';
      return html`<div class="body">
        ${heading}
        <p class="notice ${success ? 'success' : 'saved'}" role="status" tabindex="-1" data-autofocus>${t(success ? 'lead.thanks' : 'lead.saved')}</p>
        <slot name="success"></slot>
        <div class="actions"><button type="button" class="gk-button" @click=${() => this.host.close()}>${t('lead.close')}</button></div>
      </div>`;
    }
    const wide = this.wide();
    const sending = this.status === 'sending';
    return html`<form part="form" class="body" novalidate @submit=${this.handleSubmit}>
      ${heading}
      <p class="intro">${t('lead.intro')}</p>
      ${this.status === 'rejected'
        ? html`<p class="notice problem" role="alert">${t(Object.values(this.errors).some(Boolean) ? 'lead.failed' : 'lead.rejected')}</p>`
        : nothing}
      <div class="grid">${LEAD_FIELDS.map((f) => this.renderField(f, wide))}</div>
      <div class="trap" aria-hidden="true">
        <label>Website <input name="website" tabindex="-1" autocomplete="off" data-trap .value=${this.trap} @input=${(e: Event) => (this.trap = (e.target as HTMLInputElement).value)} /></label>
      </div>
      <div class="actions">
        <button type="button" class="gk-button secondary" @click=${() => this.host.close()}>${t('lead.cancel')}</button>
        <button part="submit" type="submit" class="gk-button" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>
          ${sending ? t('lead.sending') : t('lead.submit')}
        </button>
      </div>
      <div class="gk-visually-hidden" role="status" aria-live="polite">${sending ? t('lead.sending') : ''}</div>
    </form>`;
  }
}

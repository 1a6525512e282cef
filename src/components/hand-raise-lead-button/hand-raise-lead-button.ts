import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AttributesController } from '../../controllers/attributes-controller.js';
import { flag, reflect, withAttributes } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/shared-styles.js';
import { track } from '../../runtime/analytics/index.js';
import { lazy, nextTask } from '../../runtime/base/index.js';
import { check, text } from '../../runtime/config/index.js';
import {
  parseCtaTracking,
  parseVariant,
  PLACEMENT_LIMITS,
  PQL_PRODUCT_INTERACTION,
  type ButtonVariant,
  type CtaTracking,
} from './hand-raise-lead-button.attributes.js';
import { styles } from './hand-raise-lead-button.styles.js';
import type { LeadFormHost, LeadFormPart, LeadSettings } from './lead-form-host.js';

/** The form is a lazy chunk: fetched on first hover or focus (prefetch) and needed on first click. */
const loadForm = lazy(() => import('./lead-form.js'));
/** The dialog's styles and the form's skeleton: a small chunk, fetched with the form, so the dialog opens at once. */
const loadDialog = lazy(() => import('../../internal/dialogs.js'));

/**
 * A "Contact sales" button that opens a short form in a native dialog and hands a qualified lead to sales. The
 * lead is kept until the endpoint accepts it, so a network error never loses it.
 *
 * @tag hand-raise-lead-button
 * @summary Hand-raise lead capture.
 * @slot success - Next steps shown under the thank-you once the lead is in (or saved to send later), e.g. a link to book a meeting.
 * @event {CustomEvent<LeadSubmitDetail>} gk-lead-submit - Before sending; cancelable. detail: { payload } (enrich it, or cancel to veto).
 * @event {CustomEvent<LeadSubmittedDetail>} gk-lead-submitted - The endpoint accepted the lead. detail: { submissionId, glmContent }
 * @event {CustomEvent<LeadErrorDetail>} gk-lead-error - The lead was saved for later ('saved') or refused ('rejected'). detail: { submissionId, glmContent, reason, status }
 * @event {CustomEvent<LeadFormOpenDetail>} gk-lead-form-open - The form opened. detail: { glmContent }
 * @event {CustomEvent<LeadFormCloseDetail>} gk-lead-form-close - The form closed. detail: { glmContent, submitted }
 * @csspart button - The trigger button.
 * @csspart dialog - The form's dialog.
 * @csspart form - The form inside the dialog.
 * @csspart field - Each field's wrapper.
 * @csspart input - Each input, select and textarea.
 * @csspart submit - The submit button.
 */
export class HandRaiseLeadButton extends withAttributes({
  /** The placement id reported with every lead from this button, unique per page and position. */
  glmContent: '',
  /** The page the lead came from; defaults to the page's host and path. */
  glmSource: '',
  /** The product interaction the lead stands for in the CRM (GitLab's default: "Hand Raise PQL"). */
  productInteraction: 'Hand Raise PQL',
  /** The product namespace (account or group) id the visitor is in, when known. */
  namespaceId: '',
  /** The tracking labels: {"action","label","property","value","experiment"}, as JSON or (from script) an object. */
  ctaTracking: '' as string | CtaTracking,
  /** The full URL leads are posted to; defaults to the page-wide endpoint + /hand-raise-leads. */
  endpoint: '',
  /** The button's text; defaults to the localized "Contact sales". */
  buttonText: '',
  /** The button's look: primary, secondary or link. */
  variant: reflect('primary' as ButtonVariant),
  /** Whether the button uses the compact size. */
  small: flag(),
  /** The fields shown, space-separated (default: all). */
  fields: '',
  /** The fields required, space-separated (default: all but phone_number and comment). */
  requiredFields: '',
  /** The visitor's first name, prefilled. */
  firstName: '',
  /** The visitor's last name, prefilled. */
  lastName: '',
  /** The visitor's work email, prefilled. */
  email: '',
  /** The visitor's company, prefilled. */
  companyName: '',
  /** The visitor's display name; adds "Hello NAME" to the form's heading. */
  userName: '',
}) implements LeadFormHost {
  static override styles = [baseStyles, styles];

  static override properties = {
    open: { state: true },
    loading: { state: true },
    loadFailed: { state: true },
  };

  private open = false;
  private loading = false;
  private loadFailed = false;
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }
  private get trigger(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('button[part="button"]');
  }

  /** The lazily loaded form, once the visitor asked for it; the skeleton the dialog shows until it is there. */
  private form: LeadFormPart | null = null;
  private skeleton?: TemplateResult;

  private readonly attrs = new AttributesController<{
    ctaTracking: CtaTracking;
    variant: ButtonVariant;
  }>(this, {
    ctaTracking: { parse: parseCtaTracking, fallback: {}, json: true },
    variant: { parse: parseVariant },
  });

  /**
   * The validated settings the form reads.
   * @internal
   */
  get settings(): LeadSettings {
    return {
      ctaTracking: this.attrs.values.ctaTracking,
      fields: String(this.fields),
      requiredFields: String(this.requiredFields),
      glmContent: this.placement('glmContent'),
      glmSource: this.glmSource || location.host + location.pathname,
      productInteraction: this.placement('productInteraction') || PQL_PRODUCT_INTERACTION,
      namespaceId: this.placement('namespaceId') || null,
      endpoint: this.endpoint,
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.glmContent) this.warn('glm-content', 'is missing; set a placement id unique per page and position');
  }

  /** The button's text, which also names the dialog while the form loads. */
  private get label(): string {
    return this.buttonText || this.i18n.t('lead.button');
  }

  /** A placement attribute as posted: its text, cut to the endpoint's limit. */
  private placement(key: keyof typeof PLACEMENT_LIMITS): string {
    return String(this[key]).slice(0, PLACEMENT_LIMITS[key][1]);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    for (const [key, [attribute, max]] of Object.entries(PLACEMENT_LIMITS) as [keyof typeof PLACEMENT_LIMITS, readonly [string, number]][]) {
      if (changed.has(key) && String(this[key]).length > max) {
        this.warn(attribute, `is longer than ${max} characters; using the first ${max}`);
      }
    }
    if (changed.has('glmSource') && this.glmSource && !check(text(500), this.glmSource).ok) {
      this.warn('glm-source', 'is longer than 500 characters; using the page address');
      this.glmSource = '';
    }
  }

  override render() {
    const variant = this.attrs.values.variant;
    return html`
      <button
        part="button"
        type="button"
        class="gk-button ${variant === 'primary' ? '' : variant} ${this.small ? 'small' : ''}"
        aria-haspopup="dialog"
        ?disabled=${this.loading}
        @click=${this.handleClick}
        @pointerenter=${this.handlePrefetch}
        @focus=${this.handlePrefetch}
      >
        ${this.label}
      </button>
      <dialog part="dialog" dir=${this.i18n.dir} lang=${this.i18n.locale} aria-labelledby="gk-lead-heading" @close=${this.handleClose} @cancel=${this.handleCancel}>
        ${this.open ? (this.form?.render() ?? this.skeleton) : nothing}
      </dialog>
      ${this.loadFailed ? html`<p role="alert" class="error">${this.i18n.t('lead.loadFailed')}</p>` : nothing}
    `;
  }

  private handlePrefetch = (): void => {
    void loadDialog();
    void loadForm();
  };

  private handleClick = async (): Promise<void> => {
    const { ctaTracking, glmContent } = this.settings;
    // As GitLab's button: a click is a CTA event only where the placement names its action.
    if (ctaTracking.action) track('CTA Clicked', { ...ctaTracking, glm_content: glmContent });
    this.loadFailed = false;
    let chunk: Awaited<ReturnType<typeof loadForm>> | undefined;
    const form = loadForm().then((loaded) => (chunk = loaded));
    // The first time, while the form is on its way, the dialog opens at once on its skeleton (a small chunk).
    // Otherwise (the form is here already, or the skeleton's chunk failed too) the button waits, disabled.
    const shell = !this.form && (await loadDialog());
    const early = !!shell && chunk === undefined;
    if (early) {
      this.skeleton = shell.skeleton(this.renderRoot as ShadowRoot, this.label);
      await this.show();
    } else this.loading = true;
    await form;
    // The form's first render goes in a task of its own, not in the one that evaluated its module.
    if (chunk) await nextTask();
    this.loading = false;
    // The visitor closed the skeleton (or a later click opened it again and goes on from there).
    if (early && (this.form || !this.dialog?.open)) return;
    if (!chunk) {
      // Tried again on the next click.
      this.loadFailed = true;
      this.close();
      return;
    }
    this.form ??= new chunk.LeadForm(this);
    await this.show();
    this.form.opened();
    this.report('gk-lead-form-open', { glmContent });
  };

  /** Renders the dialog's content (the form, or its skeleton) and opens the dialog, if it is not open yet. */
  private async show(): Promise<void> {
    this.open = true;
    // The form replacing the skeleton changes no reactive property.
    this.requestUpdate();
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  private handleCancel = (): void => {
    this.form?.canceled();
  };

  private handleClose = (): void => {
    // `close` is dispatched in a later task: if the visitor reopened the form meanwhile, this one is stale.
    if (this.dialog?.open) return;
    const submitted = this.form?.closed();
    this.open = false;
    // A skeleton closed before the form came closes no form: none was reported open.
    if (submitted !== undefined) this.report('gk-lead-form-close', { glmContent: this.settings.glmContent, submitted });
    this.trigger?.focus();
  };

  /** Closes the form's dialog (the form's Cancel and Close buttons call this). */
  close(): void {
    this.dialog?.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hand-raise-lead-button': HandRaiseLeadButton;
  }
}

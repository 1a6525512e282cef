import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { HandRaiseLeadButton } from '../../src/components/hand-raise-lead-button/hand-raise-lead-button.js';
import { configure } from '../../src/runtime/config/index.js';
import { pending } from '../../src/runtime/delivery/outbox.js';
import { defineAll } from '../../src/elements.js';
import { captureWarnings, cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';

defineAll();

const q = <T extends Element>(el: HandRaiseLeadButton, selector: string) => el.shadowRoot!.querySelector<T>(selector);

async function open(el: HandRaiseLeadButton): Promise<HTMLDialogElement> {
  const opened = oneEvent(el, 'gk-lead-form-open');
  q<HTMLButtonElement>(el, 'button[part="button"]')!.click();
  await opened;
  await el.updateComplete;
  return q<HTMLDialogElement>(el, 'dialog')!;
}

function fill(el: HandRaiseLeadButton, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = q<HTMLInputElement>(el, `[name="${name}"]`);
    if (!input) throw new Error(`no field ${name}`);
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  }
}

const complete = {
  first_name: 'Grace',
  last_name: 'Hopper',
  email: 'grace@navy.example',
  company_name: 'US Navy',
  company_size: '2,000-9,999',
  country: 'DE',
  phone_number: '+49 30 1234567',
  comment: 'Interested in Ultimate.',
};

describe('<hand-raise-lead-button>', () => {
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint() });
  });

  it('opens a modal native dialog from the keyboard; Escape closes it and focus returns to the button', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="kbd"></hand-raise-lead-button>`);
    const trigger = q<HTMLButtonElement>(el, 'button[part="button"]')!;
    trigger.focus();
    const opened = oneEvent(el, 'gk-lead-form-open');
    await sendKeys({ press: 'Enter' });
    await opened;
    await el.updateComplete;
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('first_name');
    const closed = oneEvent(el, 'gk-lead-form-close');
    await sendKeys({ press: 'Escape' });
    expect((await closed).detail).to.deep.equal({ glmContent: 'kbd', submitted: false });
    expect(dialog.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(trigger);
  });

  it('shows each required error inline on submit, marks the fields invalid and focuses the first', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="v"></hand-raise-lead-button>`);
    await open(el);
    fill(el, { email: 'not-an-email' });
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    const invalid = Array.from(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')).map((e) => e.getAttribute('name'));
    expect(invalid).to.deep.equal(['first_name', 'last_name', 'email', 'company_name', 'company_size', 'country']);
    expect(q(el, '#gk-email-error')!.textContent).to.equal('Enter a valid email address.');
    expect(q(el, '#gk-first_name-error')!.textContent).to.equal('This field is required.');
    expect(q(el, '#gk-email')!.getAttribute('aria-describedby')).to.equal('gk-email-error');
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('first_name');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows state only for US and CA, and requires it there', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="s"></hand-raise-lead-button>`);
    await open(el);
    expect(q(el, '[name="state"]')).to.equal(null);
    fill(el, { country: 'CA' });
    await el.updateComplete;
    const options = Array.from(q<HTMLSelectElement>(el, '[name="state"]')!.options).map((o) => o.value);
    expect(options).to.include('QC').and.have.length(14);
    fill(el, { country: 'FR' });
    await el.updateComplete;
    expect(q(el, '[name="state"]')).to.equal(null);
  });

  it("GitLab's contract: product-interaction defaults to \"Hand Raise PQL\", and cta-tracking's value is a number", async () => {
    const warnings = captureWarnings();
    let el: HandRaiseLeadButton;
    try {
      el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="gitlab-parity"
        cta-tracking='{"action":"click_button","value":"7"}'></hand-raise-lead-button>`);
      expect(el.settings.productInteraction).to.equal('Hand Raise PQL');
      expect(el.settings.ctaTracking).to.deep.equal({ action: 'click_button', value: 7 });
      el.setAttribute('cta-tracking', '{"action":"click_button","value":"seven"}');
      await el.updateComplete;
    } finally {
      warnings.restore();
    }
    expect(el.settings.ctaTracking).to.deep.equal({ action: 'click_button', value: 7 });
    expect(warnings.messages).to.deep.equal(['[growth-kit] <hand-raise-lead-button> cta-tracking: value: expected a number; keeping the last valid value']);
  });

  it('trims glm-content, product-interaction and namespace-id to the endpoint\'s limits with one warning each, so the lead is stored', async () => {
    const long = (n: number, c: string) => c.repeat(n);
    const warnings = captureWarnings();
    let el: HandRaiseLeadButton;
    try {
      el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button
        glm-content=${long(250, 'g')} product-interaction=${long(230, 'p')} namespace-id=${long(120, '9')}></hand-raise-lead-button>`);
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.deep.equal([
      '[growth-kit] <hand-raise-lead-button> glm-content: is longer than 200 characters; using the first 200',
      '[growth-kit] <hand-raise-lead-button> product-interaction: is longer than 200 characters; using the first 200',
      '[growth-kit] <hand-raise-lead-button> namespace-id: is longer than 100 characters; using the first 100',
    ]);
    await open(el);
    fill(el, complete);
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await submitted;
    const [row] = (await submissions('hand_raise_lead')).filter((r) => r.idempotency_key === detail.submissionId);
    expect([row.body.glm_content, row.body.product_interaction, row.body.namespace_id]).to.deep.equal([long(200, 'g'), long(200, 'p'), long(100, '9')]);
    expect(detail.glmContent).to.equal(long(200, 'g'));
  });

  it('reads small="false" (what Vue and Svelte write for false) as false', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="vue" small="false"></hand-raise-lead-button>`);
    expect(el.small).to.equal(false);
    expect(q(el, 'button[part="button"]')!.classList.contains('small')).to.equal(false);
    el.setAttribute('small', '');
    await el.updateComplete;
    expect(el.small).to.equal(true);
    // Vue sets it as a property when the element has one: the string "false".
    el.small = 'false' as never;
    await el.updateComplete;
    expect(el.small).to.equal(false);
    expect(q(el, 'button[part="button"]')!.classList.contains('small')).to.equal(false);
  });

  it('keeps properties set before the element was defined (React 19 sets objects as properties)', async () => {
    const tag = `gk-upgrade-${Math.random().toString(36).slice(2, 8)}`;
    const early = document.createElement(tag) as HandRaiseLeadButton;
    early.ctaTracking = { action: 'click_button', label: 'hand_raise' } as never;
    early.small = true;
    early.glmContent = 'react-early';
    document.body.append(early);
    customElements.define(tag, class extends (customElements.get('hand-raise-lead-button') as typeof HandRaiseLeadButton) {});
    await early.updateComplete;
    expect(early.settings.ctaTracking).to.deep.equal({ action: 'click_button', label: 'hand_raise' });
    expect(early.settings.glmContent).to.equal('react-early');
    expect(q(early, 'button[part="button"]')!.classList.contains('small')).to.equal(true);
    early.remove();
  });

  it('the dialog: a labelled × closes it, a click on the backdrop closes it while nothing was typed, focus starts on the first empty field', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="dialog" first-name="Ada" last-name="Lovelace"></hand-raise-lead-button>`);
    let dialog = await open(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('name'), 'the first empty field').to.equal('email');
    const close = q<HTMLButtonElement>(el, 'button.close')!;
    expect(close.getAttribute('aria-label')).to.equal('Close');
    close.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    const backdrop = (d: HTMLDialogElement) => {
      const box = d.getBoundingClientRect();
      d.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: Math.max(0, box.left - 8), clientY: Math.max(0, box.top - 8) }));
    };
    dialog = await open(el);
    backdrop(dialog);
    await el.updateComplete;
    expect(dialog.open, 'untouched: the backdrop closes it').to.equal(false);
    dialog = await open(el);
    fill(el, { email: 'ada@analytical.example' });
    backdrop(dialog);
    await el.updateComplete;
    expect(dialog.open, 'typed in: the backdrop keeps it').to.equal(true);
  });

  it('the form: inputs and selects are one height, no half-width field stands alone in its row', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="layout"></hand-raise-lead-button>`);
    await open(el);
    expect(q<HTMLElement>(el, '[name="company_size"]')!.offsetHeight).to.equal(q<HTMLElement>(el, '[name="company_name"]')!.offsetHeight);
    const halves = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.field')].filter((f) => f.offsetWidth < q<HTMLElement>(el, '.grid')!.offsetWidth / 2 + 8);
    for (const field of halves) {
      const partner = halves.filter((other) => other !== field && Math.abs(other.offsetTop - field.offsetTop) < 2);
      expect(partner, `${field.querySelector('label')!.textContent!.trim()} shares its row`).to.have.length(1);
    }
  });

  it('the first invalid field is scrolled into view with its label, clear of the sticky footer', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="scroll" required-fields="comment"></hand-raise-lead-button>`);
    const dialog = await open(el);
    fill(el, { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@analytical.example', company_name: 'Engines', company_size: '1-99', country: 'DE' });
    dialog.scrollTop = 0;
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitFor(() => q(el, '[name="comment"][aria-invalid="true"]'), 3000, 'the comment marked');
    const label = q<HTMLElement>(el, 'label[for="gk-comment"]')!.getBoundingClientRect();
    const view = dialog.getBoundingClientRect();
    const footer = q<HTMLElement>(el, '.actions')!.getBoundingClientRect();
    expect(label.top, 'the label is below the dialog top').to.be.at.least(view.top);
    expect(label.bottom, 'the label is above the footer').to.be.at.most(footer.top);
    expect(el.shadowRoot!.activeElement?.getAttribute('name')).to.equal('comment');
  });

  it('posts the exact lead with its Idempotency-Key, shows thanks, and says so with ids only', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button
      glm-content="pricing-hero"
      glm-source="example.com/pricing"
      product-interaction="Hand Raise PQL"
      namespace-id="42"
    ></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await submitted;
    expect(Object.keys(detail).sort()).to.deep.equal(['glmContent', 'submissionId']);
    await el.updateComplete;
    expect(q(el, '.notice.success')!.textContent).to.equal('Thank you for reaching out! Our sales team will get back to you soon.');
    const rows = (await submissions('hand_raise_lead')).filter((r) => r.idempotency_key === detail.submissionId);
    expect(rows).to.have.length(1);
    const { submitted_at, page, attribution, fill_ms, ...body } = rows[0].body as Record<string, unknown>;
    // How long the form was open, for the collector's spam check; a person's trap field stays empty.
    expect(fill_ms).to.be.a('number').and.to.be.at.least(0);
    expect(body).to.deep.equal({
      honeypot: '',
      submission_id: detail.submissionId,
      glm_content: 'pricing-hero',
      glm_source: 'example.com/pricing',
      product_interaction: 'Hand Raise PQL',
      namespace_id: '42',
      ...complete,
      business_email: true,
      locale: 'en',
      consent: { analytics: false, marketing: false },
    });
    expect(Date.parse(submitted_at as string)).to.be.closeTo(Date.now(), 60000);
    expect(page).to.deep.equal({ url: location.href, title: document.title, referrer: document.referrer });
    expect((attribution as { anonymous_id: unknown }).anonymous_id).to.equal(null);
  });

  it('shows the host\'s next steps (the success slot: a meeting link) under the thanks, and not before', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="next-steps"
      ><p slot="success"><a href="https://meetings.example.com/sales">Book a call</a></p></hand-raise-lead-button
    >`);
    const link = el.querySelector('a')!;
    await open(el);
    expect(link.getClientRects().length, 'hidden while the form shows').to.equal(0);
    fill(el, complete);
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    await submitted;
    await el.updateComplete;
    const slot = q<HTMLSlotElement>(el, 'slot[name="success"]')!;
    expect(slot.assignedElements()).to.deep.equal([link.parentElement]);
    expect(slot.previousElementSibling!.matches('.notice.success')).to.equal(true);
    expect(link.getClientRects().length, 'shown in the dialog').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('has a spam trap a person never meets (off screen, out of the tab order, hidden from assistive tech, never focused); what a bot types into it goes with the lead', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="trap" first-name="A" last-name="B" email="a@b.example" company-name="C"></hand-raise-lead-button>`);
    await open(el);
    const trap = q<HTMLInputElement>(el, 'input[data-trap]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(trap.getBoundingClientRect().right).to.be.at.most(0);
    expect(el.shadowRoot!.activeElement).to.not.equal(trap);
    fill(el, { ...complete, email: 'bot@spam.example' });
    trap.value = 'http://cheap.example';
    trap.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await submitted;
    const [row] = (await submissions('hand_raise_lead')).filter((r) => r.idempotency_key === detail.submissionId);
    expect((row.body as { honeypot: string }).honeypot).to.equal('http://cheap.example');
  });

  it('flags a free-mail address without blocking it', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="free"></hand-raise-lead-button>`);
    await open(el);
    fill(el, { ...complete, email: 'grace@gmail.com' });
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await submitted;
    const row = (await submissions('hand_raise_lead')).find((r) => r.idempotency_key === detail.submissionId)!;
    expect(row.body.business_email).to.equal(false);
  });

  it("shows the endpoint's field errors from a 422 at those fields and stores nothing", async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="e422"></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    // A host enriching the payload badly: the endpoint's schema refuses it.
    el.addEventListener('gk-lead-submit', (e) => ((e.detail.payload as Record<string, unknown>).country = 'Germany'), { once: true });
    const failed = oneEvent(el, 'gk-lead-error');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await failed;
    expect(detail.reason).to.equal('rejected');
    expect(detail.status).to.equal(422);
    await el.updateComplete;
    expect(q(el, '[name="country"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Please check the highlighted fields');
    expect((await submissions()).some((r) => r.idempotency_key === detail.submissionId)).to.equal(false);
  });

  it('sends nothing when a gk-lead-submit listener cancels', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="veto"></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    el.addEventListener('gk-lead-submit', (e) => e.preventDefault(), { once: true });
    const submit = oneEvent(el, 'gk-lead-submit');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const id = ((await submit).detail.payload as { submission_id: string }).submission_id;
    // A lead that goes out is in the outbox before its request, in the same task as the event (storage first).
    await el.updateComplete;
    expect((await submissions()).some((r) => r.idempotency_key === id)).to.equal(false);
    expect(JSON.parse(localStorage.getItem('gk_outbox') ?? '[]')).to.deep.equal([]);
    expect(q(el, 'form')).to.not.equal(null);
  });

  it('keeps the lead and says it will be sent when the endpoint is unreachable; never a false success', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="offline" endpoint="http://127.0.0.1:9/leads"></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    const failed = oneEvent(el, 'gk-lead-error');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await failed;
    expect(detail).to.deep.equal({ submissionId: detail.submissionId, glmContent: 'offline', reason: 'saved', status: 0 });
    await el.updateComplete;
    expect(q(el, '.notice.success')).to.equal(null);
    expect(q(el, '.notice.saved')!.textContent).to.contain('saved and will be sent');
    const stored = JSON.parse(localStorage.getItem('gk_outbox') ?? '[]') as { key: string }[];
    expect(stored.map((i) => i.key)).to.include(detail.submissionId);
    expect(pending().some((i) => i.key === detail.submissionId)).to.equal(true);
  });

  it('warns once when glm-content is missing and still works', async () => {
    const warnings = captureWarnings();
    await fixture(html`<div><hand-raise-lead-button></hand-raise-lead-button><hand-raise-lead-button></hand-raise-lead-button></div>`);
    warnings.restore();
    expect(warnings.messages).to.deep.equal([
      '[growth-kit] <hand-raise-lead-button> glm-content: is missing; set a placement id unique per page and position',
    ]);
  });

  it('keeps working with bad cta-tracking JSON', async () => {
    const warnings = captureWarnings();
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="x" cta-tracking="{'action':1}"></hand-raise-lead-button>`);
    const dialog = await open(el);
    warnings.restore();
    expect(dialog.open).to.equal(true);
    expect(warnings.messages).to.have.length(1);
    expect(el.settings.ctaTracking).to.deep.equal({});
  });
});

describe('<hand-raise-lead-button> reopened at once', () => {
  beforeEach(cleanSlate);

  it('keeps the form when it is reopened before the close event of the last close arrives', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="reopen"></hand-raise-lead-button>`);
    const dialog = await open(el);
    const staleClose = oneEvent(dialog, 'close');
    dialog.close();
    // The close event is still queued: reopen now.
    const reopened = oneEvent(el, 'gk-lead-form-open');
    q<HTMLButtonElement>(el, 'button[part="button"]')!.click();
    await reopened;
    await staleClose;
    await el.updateComplete;
    expect(dialog.open).to.equal(true);
    expect(q(el, 'dialog form')).to.not.equal(null);
  });
});

describe('<hand-raise-lead-button> locales, prefill and callbacks', () => {
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint() });
  });

  it('renders right-to-left in Arabic, with Arabic labels and country names', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"><hand-raise-lead-button glm-content="ar"></hand-raise-lead-button></div>`);
    const el = wrapper.firstElementChild as HandRaiseLeadButton;
    const { waitFor } = await import('../helpers.js');
    await waitFor(() => q(el, 'button[part="button"]')!.textContent!.includes('تواصل مع المبيعات'), 5000, 'Arabic button');
    const dialog = await open(el);
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(getComputedStyle(q(el, '.actions')!).direction).to.equal('rtl');
    expect(q(el, 'label[for="gk-email"]')!.textContent).to.contain('البريد الإلكتروني للعمل');
    const germany = Array.from(q<HTMLSelectElement>(el, '[name="country"]')!.options).find((o) => o.value === 'DE')!;
    expect(germany.textContent).to.equal(new Intl.DisplayNames(['ar'], { type: 'region' }).of('DE'));
    expect(q(el, '[part="submit"]')!.textContent!.trim()).to.equal('إرسال المعلومات');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('prefills from GrowthKit.configure({ user }) and greets by name', async () => {
    configure({ user: { firstName: 'Katherine', lastName: 'Johnson', email: 'kj@nasa.example', companyName: 'NASA', name: 'Katherine' } });
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="user"></hand-raise-lead-button>`);
    await open(el);
    const value = (name: string) => q<HTMLInputElement>(el, `[name="${name}"]`)!.value;
    expect([value('first_name'), value('last_name'), value('email'), value('company_name')]).to.deep.equal(['Katherine', 'Johnson', 'kj@nasa.example', 'NASA']);
    expect(q(el, 'h2')!.textContent).to.contain('Hello Katherine');
  });

  it('calls the configured callbacks with the same detail as the events', async () => {
    const calls: [string, unknown][] = [];
    configure({ onLeadSubmit: (d) => calls.push(['submit', d]), onLeadSubmitted: (d) => calls.push(['submitted', d]) });
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="cb"></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    const submitted = oneEvent(el, 'gk-lead-submitted');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    const { detail } = await submitted;
    expect(calls.map(([name]) => name)).to.deep.equal(['submit', 'submitted']);
    expect(calls[1][1]).to.deep.equal(detail);
    expect((calls[0][1] as { payload: { submission_id: string } }).payload.submission_id).to.equal(detail.submissionId);
  });

  it('says clearly that a refused lead was not sent when the endpoint names no fields', async () => {
    const el = await fixture<HandRaiseLeadButton>(html`<hand-raise-lead-button glm-content="e404" endpoint=${`${endpoint()}/no-such-route`}></hand-raise-lead-button>`);
    await open(el);
    fill(el, complete);
    const failed = oneEvent(el, 'gk-lead-error');
    q<HTMLFormElement>(el, 'form')!.requestSubmit();
    expect((await failed).detail.status).to.equal(404);
    await el.updateComplete;
    expect(q(el, '[role="alert"]')!.textContent).to.equal('We could not send your information. Please try again later.');
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid="true"]')).to.have.length(0);
  });
});

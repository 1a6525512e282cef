import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent.js';
import { defineAll } from '../../src/elements.js';
import { cleanSlate } from '../helpers.js';

defineAll();

describe('<consent-gate>', () => {
  beforeEach(cleanSlate);

  it('shows the banner until a decision, with Accept and Reject side by side; Reject records every category denied', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="https://example.com/privacy"></consent-gate>`);
    const accept = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!;
    const reject = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reject"]')!;
    expect(accept.className).to.equal(reject.className);
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/privacy');
    await expect(el).to.be.accessible();
    reject.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(consent.get()!.source).to.equal('banner');
  });

  it('refuses a javascript: privacy policy link', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="javascript:alert(1)"></consent-gate>`);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('stamps gated content only after consent, via "Allow and show", and removes it on withdrawal', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate category="marketing">
      <template><iframe title="embed" src="/test/fixtures/page.html?gated"></iframe></template>
    </consent-gate>`);
    expect(el.querySelector('iframe')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('?gated'))).to.equal(false);
    const allow = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="placeholder"] button')!;
    expect(el.shadowRoot!.textContent).to.contain('hidden until you allow Marketing cookies');
    await expect(el).to.be.accessible();
    allow.click();
    await el.updateComplete;
    expect(el.querySelector('iframe')).to.not.equal(null);
    expect(consent.get()!.source).to.equal('placeholder');
    expect(consent.has('analytics')).to.equal(false);
    consent.set({ marketing: false }, 'preferences');
    await el.updateComplete;
    expect(el.querySelector('iframe')).to.equal(null);
  });
});

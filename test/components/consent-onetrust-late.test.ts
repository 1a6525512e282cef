/**
 * OneTrust arriving after our banner rendered (a tag manager loading it late): the banner goes away as soon as
 * OneTrust's script reports in, nothing is decided in the visitor's name, and OneTrust's choice becomes ours. Its
 * own file: follow mode starts once per page, and this page has no OneTrust tag at first.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent/index.js';
import { configure } from '../../src/runtime/config/index.js';
import { defineAll } from '../../src/elements.js';
import { cleanSlate, endpoint, waitFor } from '../helpers.js';
import { installOneTrust } from '../stand-ins/onetrust.js';

defineAll();

describe('<consent-gate> when OneTrust arrives late', () => {
  before(cleanSlate);

  it('hides the banner already shown once OneTrust loads, then follows its choice', async () => {
    configure({ endpoint: endpoint() });
    const el = await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
    expect(consent.following).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="banner"]'), 'our banner before OneTrust').to.not.equal(null);

    const sdk = installOneTrust({ closed: false });
    await waitFor(() => el.shadowRoot!.querySelector('[part="banner"]') === null, 5000, 'the banner to go');
    expect(consent.following).to.equal('onetrust');
    expect(consent.decided).to.equal(false);

    sdk.AllowAll();
    await waitFor(() => consent.get()?.source === 'onetrust', 5000, 'the OneTrust decision');
    expect(consent.has('analytics')).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
  });
});

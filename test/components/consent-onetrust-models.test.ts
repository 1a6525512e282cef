/**
 * OneTrust's consent models, against the OneTrust SDK stand-in: where its geolocation rule is not opt-in (opt-out,
 * implied consent, notice only), or where it shows no banner at all, its active groups are the visitor's consent
 * without waiting for a closed banner. Its own file: follow mode starts once per page, as on a real site.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent/index.js';
import { configure } from '../../src/runtime/config/index.js';
import { defineAll } from '../../src/elements.js';
import { cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';
import { addStubTag, ALL_GROUPS, installOneTrust } from '../stand-ins/onetrust.js';

defineAll();

describe('<consent-gate> following OneTrust consent models', () => {
  before(() => {
    cleanSlate();
    addStubTag();
  });

  it("an opt-out region: OneTrust's active groups count at once (source onetrust, proof posted), though no banner was closed", async () => {
    configure({ endpoint: endpoint() });
    await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
    installOneTrust({ closed: false, model: 'opt-out', active: [...ALL_GROUPS] });
    await waitFor(() => consent.get()?.source === 'onetrust', 5000, 'the decision OneTrust implies');
    expect(consent.categories()).to.deep.equal({ necessary: true, functional: true, analytics: true, marketing: true });
    const id = consent.get()!.consent_id;
    await waitFor(async () => (await submissions('consent')).some((r) => r.body.consent_id === id && r.body.source === 'onetrust'), 5000, 'the proof');
  });

  it('a page where OneTrust shows no banner (ShowAlertNotice false) follows its active groups', async () => {
    installOneTrust({ closed: false, model: 'opt-in', showAlertNotice: false, active: ['C0001', 'C0002'] });
    await waitFor(() => !consent.has('marketing') && consent.has('analytics'), 5000, 'the groups OneTrust reports');
    expect(consent.categories()).to.deep.equal({ necessary: true, functional: false, analytics: true, marketing: false });
  });

  it('an opt-in region with its banner open still waits for the visitor', async () => {
    consent.reset();
    const sdk = installOneTrust({ closed: false, model: 'opt-in', active: ['C0001', 'C0002', 'C0003', 'C0004'] });
    // OneTrust has reported in (its event and wrapper ran); nothing is recorded in the visitor's name.
    expect(consent.decided).to.equal(false);
    sdk.RejectAll();
    await waitFor(() => consent.get()?.source === 'onetrust', 5000, 'the refusal');
    expect(consent.has('analytics')).to.equal(false);
  });
});

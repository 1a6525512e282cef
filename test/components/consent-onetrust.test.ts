/**
 * OneTrust follow mode against a stand-in of OneTrust's browser SDK: with OneTrust on the page our banner never
 * shows, nothing is recorded until OneTrust reports a choice, and each choice becomes ours (source 'onetrust'),
 * proof included. Its own file: follow mode starts once per page, as on a real site.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent/index.js';
import { configure } from '../../src/runtime/config/index.js';
import { defineAll } from '../../src/elements.js';
import { captureWarnings, cleanSlate, endpoint, submissions, waitFor } from '../helpers.js';
import { addStubTag, installOneTrust } from '../stand-ins/onetrust.js';

defineAll();

describe('<consent-gate> following OneTrust', () => {
  before(() => {
    cleanSlate();
    addStubTag();
  });

  it('shows no banner; until OneTrust reports a choice nothing is granted and no refusal is recorded', async () => {
    configure({ endpoint: endpoint() });
    const el = await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
    expect(consent.following).to.equal('onetrust');
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
    const sdk = installOneTrust({ closed: false });
    // The kit has read OneTrust once it asked whether its banner was closed (under opt-in, the answer that counts);
    // OneTrust calls the wrapper again, as after any change, for a kit that was not following yet.
    let asked = 0;
    const isClosed = sdk.IsAlertBoxClosed;
    sdk.IsAlertBoxClosed = () => (asked++, isClosed());
    (window as { OptanonWrapper?: () => void }).OptanonWrapper?.();
    await waitFor(() => asked > 0, 5000, 'the kit reading OneTrust');
    expect(consent.decided).to.equal(false);
    expect(consent.has('analytics')).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
  });

  it("records each OneTrust choice as ours with source 'onetrust', posts its proof, and opens OneTrust's preferences", async () => {
    configure({ endpoint: endpoint() });
    const sdk = installOneTrust({ closed: false });
    const gate = await fixture<ConsentGate>(html`<consent-gate category="marketing"><template><p>gated</p></template></consent-gate>`);
    sdk.AllowAll();
    await waitFor(() => consent.get()?.source === 'onetrust', 5000, 'the OneTrust decision');
    expect(consent.categories()).to.deep.equal({ necessary: true, functional: true, analytics: true, marketing: true });
    expect((await waitFor(() => gate.querySelector('p'), 5000, 'the stamped content')).textContent).to.equal('gated');
    const id = consent.get()!.consent_id;
    await waitFor(async () => (await submissions('consent')).some((r) => r.body.consent_id === id && r.body.source === 'onetrust'), 5000, 'the proof');

    sdk.RejectAll();
    await waitFor(() => !consent.has('analytics'), 5000, 'the refusal');
    expect(consent.categories()).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    await gate.updateComplete;
    expect(gate.querySelector('p')).to.equal(null);

    sdk.UpdateConsent('C0002', true);
    await waitFor(() => consent.has('analytics'), 5000, 'analytics granted in OneTrust');
    expect(consent.has('marketing')).to.equal(false);

    // The placeholder's button and GrowthKit.consent.showPreferences() open OneTrust's preference center.
    gate.shadowRoot!.querySelector<HTMLButtonElement>('[part="placeholder"] button')!.click();
    expect(consent.showPreferences()).to.equal(true);
    expect(sdk.preferenceCenterOpened).to.equal(2);
    expect(consent.has('marketing')).to.equal(false);
  });

  it('maps custom OneTrust groups from onetrust-groups; a bad map warns once and keeps the default', async () => {
    const sdk = installOneTrust({ closed: true, active: ['C0001'] });
    const el = await fixture<ConsentGate>(html`<consent-gate onetrust-groups='{"C0002":"marketing","C0005":"analytics"}'></consent-gate>`);
    await el.updateComplete;
    sdk.UpdateConsent('C0005', true);
    await waitFor(() => consent.has('analytics'), 5000, 'the custom group');
    expect(consent.has('marketing')).to.equal(false);

    const warnings = captureWarnings();
    try {
      el.setAttribute('onetrust-groups', '{"C0002": "ads"}');
      await waitFor(() => warnings.messages.length > 0, 5000, 'the warning');
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.match(/<consent-gate> onetrust-groups: C0002: expected one of necessary, functional, analytics, marketing/);
      // The default map: C0005 means nothing, so analytics is off again until C0002 (analytics there) is granted.
      await waitFor(() => !consent.has('analytics'), 5000, 'the default map');
      sdk.UpdateConsent('C0002', true);
      await waitFor(() => consent.has('analytics'), 5000, 'C0002 as analytics');
      expect(consent.has('marketing')).to.equal(false);
    } finally {
      warnings.restore();
    }
  });
});

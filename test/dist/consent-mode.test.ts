/**
 * Google Consent Mode v2 with the built kit: the `default` command reaches dataLayer before any command of the
 * page's own Google tag, with wait_for_update, whether the tag follows the kit's script tag or a tag manager adds
 * it after the kit started; a stored decision follows as an update. Region-specific defaults follow the page-wide one.
 */
import { expect } from '@open-wc/testing';
import { cleanSlate, CONSENT_MODE_DEFAULT, waitFor } from '../helpers.js';
import { hostAt, removeHosts, type HostWindow } from './host.js';

type Layer = { dataLayer?: IArguments[] };
const commands = (win: HostWindow) => ((win as unknown as Layer).dataLayer ?? []).map((args) => Array.from(args));

describe('Google Consent Mode ordering with the built kit', () => {
  beforeEach(cleanSlate);
  afterEach(removeHosts);

  it("the page's gtag config right after the kit: consent default comes first, with wait_for_update", async () => {
    const win = await hostAt('/test/fixtures/consent-mode.html');
    const sent = commands(win);
    expect(sent[0]).to.deep.equal(['consent', 'default', CONSENT_MODE_DEFAULT]);
    expect(sent.findIndex((c) => c[0] === 'config')).to.be.greaterThan(0);
  });

  it('a Google tag a tag manager adds after the kit started still gets default first, then the stored decision', async () => {
    const first = await hostAt('/test/fixtures/consent-mode.html');
    first.GrowthKit.consent.set({ analytics: true }, 'banner');
    removeHosts();
    const win = await hostAt('/test/fixtures/consent-mode.html?late');
    await waitFor(() => commands(win).some((c) => c[0] === 'config'), 5000, "the page's config");
    // The stored decision comes from the lazy signals part, which may land before or after the page's config:
    // either is on time, as the default's wait_for_update holds Google's tags until it comes.
    await waitFor(() => commands(win).some((c) => c[0] === 'consent' && c[1] === 'update'), 5000, 'the stored decision');
    const sent = commands(win);
    expect(sent[0]).to.deep.equal(['consent', 'default', CONSENT_MODE_DEFAULT]);
    const update = sent.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(update, 'the stored decision, after the default').to.be.greaterThan(0);
    expect((sent[update][2] as Record<string, string>).analytics_storage).to.equal('granted');
  });

  it('region-specific defaults (data-consent-mode-granted-regions): all denied, then all granted in the listed regions', async () => {
    const win = await hostAt('/test/fixtures/consent-mode-regions.html');
    const defaults = commands(win).filter((c) => c[0] === 'consent' && c[1] === 'default');
    const granted = { ...CONSENT_MODE_DEFAULT } as Record<string, unknown>;
    for (const type of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage']) granted[type] = 'granted';
    expect(defaults).to.deep.equal([
      ['consent', 'default', CONSENT_MODE_DEFAULT],
      ['consent', 'default', { ...granted, region: ['US', 'CA', 'US-CA'] }],
    ]);
    expect(win.__warnings).to.deep.equal([]);
  });

  it('regions that are not ISO 3166 codes: left out, with one warning naming the attribute and them', async () => {
    const win = await hostAt('/test/fixtures/consent-mode-regions.html?bad');
    const defaults = commands(win).filter((c) => c[0] === 'consent' && c[1] === 'default');
    expect(defaults.map((c) => (c[2] as { region?: string[] }).region)).to.deep.equal([undefined, ['US']]);
    await waitFor(() => win.__warnings.length > 0, 5000, 'the warning');
    expect(win.__warnings).to.deep.equal([
      '[growth-kit] <script> data-consent-mode-granted-regions: "Canada", "us" are not ISO 3166 region codes (such as US or US-CA); left out',
    ]);
  });
});

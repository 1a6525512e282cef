/**
 * Google Consent Mode v2 with the built kit: the `default` command reaches dataLayer before any command of the
 * page's own Google tag, with wait_for_update, whether the tag follows the kit's script tag or a tag manager adds
 * it after the kit started; a stored decision follows as an update.
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
    const sent = commands(win);
    expect(sent[0]).to.deep.equal(['consent', 'default', CONSENT_MODE_DEFAULT]);
    const update = sent.findIndex((c) => c[0] === 'consent' && c[1] === 'update');
    expect(update, 'the stored decision').to.be.greaterThan(0);
    expect((sent[update][2] as Record<string, string>).analytics_storage).to.equal('granted');
  });
});

import { expect, oneEvent } from '@open-wc/testing';
import { consent, ConsentState } from '../../../src/runtime/consent/index.js';
import { getAnonymousId, getAttribution } from '../../../src/runtime/analytics/identity.js';
import { loadIdentity } from '../../../src/runtime/analytics/index.js';
import { watchConsent } from '../../../src/runtime/on-consent-change.js';
import { cleanSlate } from '../../helpers.js';

const ourKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('gk_') || k.startsWith('ajs_'));

describe('runtime/consent and identity', () => {
  // As on a page where an earlier visit kept an id: identity is loaded, and follows every decision at once.
  before(() => (watchConsent(), loadIdentity()));
  beforeEach(cleanSlate);

  it('keeps no id, attribution or decision in storage before a decision', () => {
    expect(consent.decided).to.equal(false);
    expect(getAnonymousId()).to.equal(null);
    expect(getAttribution().anonymous_id).to.equal(null);
    expect(ourKeys()).to.deep.equal([]);
    expect(document.cookie).not.to.contain('gk_consent');
  });

  it('records a decision in a cookie, announces it on window and document, and persists the id only with analytics consent', async () => {
    const onWindow = oneEvent(window, 'gk-consent-change');
    const onDocument = oneEvent(document, 'gk-consent-change');
    consent.set({ analytics: true }, 'banner');
    const [w, d] = await Promise.all([onWindow, onDocument]);
    const expected = { categories: { necessary: true, functional: false, analytics: true, marketing: false }, source: 'banner' };
    expect(w.detail).to.deep.equal(expected);
    expect(d.detail).to.deep.equal(expected);
    expect(document.cookie).to.contain('gk_consent=');
    const id = getAnonymousId();
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    expect(localStorage.getItem('gk_aid')).to.equal(id);
    expect(localStorage.getItem('gk_first_touch')).to.equal(null);
  });

  it('deletes stored ids when consent is withdrawn', () => {
    consent.set({ analytics: true, marketing: true }, 'banner');
    expect(ourKeys().sort()).to.deep.equal(['gk_aid', 'gk_first_touch']);
    consent.set({ analytics: false, marketing: false }, 'preferences');
    expect(ourKeys()).to.deep.equal([]);
    expect(getAnonymousId()).to.equal(null);
  });

  it('treats a decision made under another policy version as no decision', () => {
    consent.set({ analytics: true }, 'banner');
    consent.configure({ policyVersion: '2' });
    expect(consent.decided).to.equal(false);
    expect(consent.has('analytics')).to.equal(false);
    consent.configure({ policyVersion: '1' });
    expect(consent.has('analytics')).to.equal(true);
  });

  it('loads a decision from its cookie, and ignores a corrupt cookie without throwing', () => {
    consent.set({ analytics: true }, 'banner');
    expect(new ConsentState().has('analytics')).to.equal(true);
    document.cookie = 'gk_consent=%7Bnot-json; path=/';
    expect(new ConsentState().decided).to.equal(false);
  });
});

describe('runtime/consent and Global Privacy Control switched on later', () => {
  beforeEach(cleanSlate);
  afterEach(() => delete (navigator as unknown as Record<string, unknown>).globalPrivacyControl);

  it('an earlier "Accept all" from the banner loses marketing (source gpc); an explicit marketing choice stands', () => {
    consent.set({ functional: true, analytics: true, marketing: true }, 'banner');
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    expect(consent.honourGpc()).to.equal(true);
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: true, analytics: true, marketing: false });
    expect(consent.get()!.source).to.equal('gpc');
    consent.set({ marketing: true }, 'preferences');
    expect(consent.honourGpc()).to.equal(false);
    expect(consent.has('marketing')).to.equal(true);
  });
});

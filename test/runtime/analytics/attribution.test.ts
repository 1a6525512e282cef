import { expect } from '@open-wc/testing';
import { consent } from '../../../src/runtime/consent/state.js';
import { cleanSlate } from '../../helpers.js';

type Identity = typeof import('../../../src/runtime/analytics/identity.js');

describe('runtime/analytics attribution for the CRM', () => {
  let identity: Identity;
  before(async () => {
    // As a visitor arriving from an ad: the URL carries click ids, HubSpot's and Marketo's scripts left their cookies.
    history.replaceState(null, '', `${location.pathname}?utm_source=ads&utm_campaign=brand&gclid=G-abc123&fbclid=FB-1&msclkid=MS-9&other=x`);
    identity = await import('../../../src/runtime/analytics/identity.js');
  });
  beforeEach(() => {
    cleanSlate();
    document.cookie = 'hubspotutk=0f1e2d3c4b5a69788796a5b4c3d2e1f0; path=/';
    document.cookie = '_mkto_trk=id:123-ABC-456&token:_mch-localhost-1700000000000-12345; path=/';
  });
  after(() => {
    for (const name of ['hubspotutk', '_mkto_trk']) document.cookie = `${name}=; path=/; max-age=0`;
  });

  it('without marketing consent: UTM parameters only, no click id and no CRM cookie', () => {
    consent.set({ analytics: true, marketing: false }, 'banner');
    const attribution = identity.getAttribution();
    expect(attribution.last_touch).to.include({ utm_source: 'ads', utm_campaign: 'brand' });
    expect(Object.keys(attribution.last_touch)).to.not.include.members(['gclid', 'fbclid', 'msclkid']);
    expect(attribution.first_touch).to.not.have.property('gclid');
    expect(attribution).to.not.have.property('cookies');
  });

  it("with marketing consent: the click ids (gclid, gbraid, wbraid, fbclid, msclkid) and HubSpot's and Marketo's cookies", () => {
    consent.set({ analytics: true, marketing: true }, 'banner');
    const attribution = identity.getAttribution();
    expect(attribution.last_touch).to.include({ utm_source: 'ads', gclid: 'G-abc123', fbclid: 'FB-1', msclkid: 'MS-9' });
    expect(attribution.last_touch).to.not.have.property('other');
    expect(attribution.cookies).to.deep.equal({ hubspotutk: '0f1e2d3c4b5a69788796a5b4c3d2e1f0', mkto_trk: 'id:123-ABC-456&token:_mch-localhost-1700000000000-12345' });
    consent.set({ marketing: false }, 'preferences');
    expect(identity.getAttribution()).to.not.have.property('cookies');
    expect(identity.getAttribution().last_touch).to.not.have.property('gclid');
  });
});

/**
 * The hostile hosts that apply in every browser, in Chromium and Firefox ESR alike (the rest of the matrix is in
 * test/hostile/, on Playwright): Prototype.js-style built-ins, hostile CSS and hostile storage. The built kit
 * loads into an iframe host after the host's own script or style sheet; every flow must work, with no error and
 * the button's box within 1 px of a neutral host.
 */
import { expect } from '@open-wc/testing';
import { cleanSlate, endpoint, waitFor } from '../helpers.js';
import { button, host, removeHosts, submitLead, TAGS, type HostWindow } from './host.js';

const KIT = 'classic:/dist/growth-kit.js';

async function exercise(win: HostWindow): Promise<[number, number]> {
  for (const tag of TAGS) expect(win.document.querySelector(tag)!.shadowRoot!.childElementCount, tag).to.be.greaterThan(0);
  const { width, height } = button(win).shadowRoot!.querySelector('button[part="button"]')!.getBoundingClientRect();
  win.document.querySelector('consent-gate')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
  await waitFor(() => win.GrowthKit.consent.has('analytics'), 5000, 'consent');
  await submitLead(win);
  expect(win.__errors).to.deep.equal([]);
  return [width, height];
}

describe('the built kit on hostile hosts (every browser)', () => {
  let neutral: [number, number];
  beforeEach(cleanSlate);
  afterEach(removeHosts);

  it('neutral host: every flow works', async () => {
    neutral = await exercise(await host([KIT], { endpoint: endpoint() }));
  });

  const hosts: [string, string[]][] = [
    ['Prototype.js-style built-ins and Object.prototype.foo', ['sync:/test/fixtures/hostile/polluted.js']],
    ['hostile CSS', ['css:/test/fixtures/hostile/hostile.css']],
    ['cookies disabled, localStorage throwing, sessionStorage missing', ['sync:/test/fixtures/hostile/storage.js']],
  ];
  for (const [title, before] of hosts) {
    it(`${title}: every flow works, no error, the button within 1 px`, async () => {
      const win = await host([...before, KIT], { endpoint: endpoint() });
      const [w, h] = await exercise(win);
      expect(Math.abs(w - neutral[0]), `width ${w} vs ${neutral[0]}`).to.be.at.most(1);
      expect(Math.abs(h - neutral[1]), `height ${h} vs ${neutral[1]}`).to.be.at.most(1);
      expect(win.__warnings).to.deep.equal([]);
    });
  }
});

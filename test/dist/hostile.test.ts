/**
 * The hostile hosts that apply in every browser, in Chromium and Firefox ESR alike (the rest of the matrix is in
 * test/hostile/, on Playwright): Prototype.js-style built-ins, hostile CSS and hostile storage. The built kit
 * loads into an iframe host after the host's own script or style sheet; every flow must work, with no error and
 * the button's box within 1 px of a neutral host.
 */
import { expect } from '@open-wc/testing';
import { cleanSlate, endpoint, waitFor } from '../helpers.js';
import { button, host, hostAt, removeHosts, submitLead, TAGS, type HostWindow } from './host.js';

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

  // The strict CSP of the hostile suite, served as a header (test server middleware in web-test-runner.config.ts).
  for (const [title, query] of [
    ["CSP default-src 'self'; script-src 'self'; style-src 'self' (no unsafe-inline, no unsafe-eval)", ''],
    ["the same CSP plus require-trusted-types-for 'script' (policies lit-html, growth-kit)", '?tt=1'],
  ]) {
    it(`${title}: every flow works with no violation`, async () => {
      const win = await hostAt(`/host/csp.html${query}`);
      const doc = win.document;
      for (const tag of TAGS) expect(doc.querySelector(tag)!.shadowRoot!.childElementCount, tag).to.be.greaterThan(0);
      // Consent: Accept stamps the gated template, and its script runs once (through the growth-kit policy).
      doc.querySelector('consent-gate#banner')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
      await waitFor(() => (win as unknown as { __gatedRan?: number }).__gatedRan === 1, 5000, 'the gated script');
      // The lead form, prefilled from attributes: open and submit.
      const el = button(win);
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
      const form = await waitFor(() => el.shadowRoot!.querySelector<HTMLFormElement>('dialog[open] form'), 10000, 'the form');
      const submitted = new Promise((resolve) => el.addEventListener('gk-lead-submitted', resolve, { once: true }));
      form.requestSubmit();
      await submitted;
      // Course progress (the bar's width is set through CSSOM, which style-src allows): past 25 % of the video.
      const video = doc.querySelector('video')!;
      await video.play();
      await waitFor(() => video.currentTime >= 1.6, 10000, 'the video to play');
      video.pause();
      const pct = () => parseInt(doc.querySelector('course-progress-tracker')!.shadowRoot!.querySelector('.pct')!.textContent!, 10);
      await waitFor(() => pct() >= 25, 5000, 'the progress shown');
      expect(win.__violations).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
      expect(win.__warnings.filter((w) => w.includes('[growth-kit]'))).to.deep.equal([]);
    });
  }

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

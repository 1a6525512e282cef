/**
 * The BUILT dist/growth-kit.js on a plain host page, in each way a customer includes it. Runs after `npm run
 * build`. The page is loaded in an iframe so each case starts with a fresh custom-element registry.
 */
import { expect } from '@open-wc/testing';
import { cleanSlate, startedRequests, waitFor, watchRequests } from '../helpers.js';
import { host, removeHosts, TAGS, type HostWindow } from './host.js';
import { segmentChunkFiles } from '../../bench/manifest.js';

const cases: [string, string[]][] = [
  ['classic async script', ['classic:/dist/growth-kit.js']],
  ['module script', ['module:/dist/growth-kit.js']],
  ['included twice', ['classic:/dist/growth-kit.js', 'classic:/dist/growth-kit.js']],
  ['once classic and once as a module', ['classic:/dist/growth-kit.js', 'module:/dist/growth-kit.js']],
];

describe('dist/growth-kit.js on a host page', () => {
  beforeEach(cleanSlate);
  afterEach(removeHosts);

  for (const [name, scripts] of cases) {
    it(`${name}: every tag defined and rendered, no error, no warning`, async () => {
      const win = await host(scripts);
      for (const tag of TAGS) expect(win.document.querySelector(tag)!.shadowRoot!.childElementCount, tag).to.be.greaterThan(0);
      expect(win.__errors).to.deep.equal([]);
      expect(win.__warnings).to.deep.equal([]);
      expect((win as unknown as { GrowthKit: { version: string } }).GrowthKit.version).to.match(/^\d+\.\d+\.\d+/);
    });
  }

  it('loads its lazy chunks relative to its own URL, wherever dist/ is served from', async () => {
    const win = await host(['classic:/dist/growth-kit.js']);
    const button = win.document.querySelector('hand-raise-lead-button')!;
    (button.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    await waitFor(() => button.shadowRoot!.querySelector('dialog[open] form'), 10000, 'the lazy form');
    const chunk = win.performance.getEntriesByType('resource').map((e) => e.name).find((n) => /chunks\/lead-form-[\w-]+\.js$/.test(n));
    expect(chunk).to.match(new RegExp(`^${location.origin}/dist/chunks/`));
    expect(win.__errors).to.deep.equal([]);
  });

  it('prefetches the form chunk when the pointer reaches the button, before any click', async () => {
    const win = await host(['classic:/dist/growth-kit.js']);
    const button = win.document.querySelector('hand-raise-lead-button')!.shadowRoot!.querySelector('button')!;
    button.dispatchEvent(new PointerEvent('pointerenter'));
    await waitFor(() => win.performance.getEntriesByType('resource').some((e) => /lead-form-[\w-]+\.js$/.test(e.name)), 5000, 'the prefetch');
    expect(win.document.querySelector('hand-raise-lead-button')!.shadowRoot!.querySelector('dialog[open]')).to.equal(null);
  });

  // As the form's chunk is: the preferences dialog opens without waiting for its chunk.
  const preferencesButtons: [string, (win: HostWindow) => Promise<Element>, 'pointerenter' | 'focus'][] = [
    ["the banner's Preferences button", async (win) => win.document.querySelector('consent-gate')!.shadowRoot!.querySelector('[part="preferences"]')!, 'pointerenter'],
    [
      'a "Privacy settings" button',
      async (win) => {
        const gate = win.document.createElement('consent-gate');
        gate.setAttribute('mode', 'preferences-button');
        win.document.body.append(gate);
        await (gate as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        return gate.shadowRoot!.querySelector('[part="settings"]')!;
      },
      'focus',
    ],
  ];
  for (const [name, find, type] of preferencesButtons) {
    it(`prefetches the consent preferences on ${type} of ${name}, before any click`, async () => {
      const win = await host(['classic:/dist/growth-kit.js']);
      const button = await find(win);
      const fetched = () => win.performance.getEntriesByType('resource').some((e) => /chunks\/consent-preferences-[\da-f]+\.js$/.test(e.name));
      expect(fetched()).to.equal(false);
      button.dispatchEvent(type === 'focus' ? new FocusEvent('focus') : new PointerEvent('pointerenter'));
      await waitFor(fetched, 5000, 'the prefetch');
      expect(win.document.querySelector('dialog[open]')).to.equal(null);
      expect(win.__errors).to.deep.equal([]);
    });
  }

  it("a banner's options part (a layout, the cookie attributes) brings no dialog code with it", async () => {
    // The banner waits for this part: each chunk it imports is one more round trip before the visitor sees it.
    const win = await host(['classic:/dist/growth-kit.js']);
    const gate = win.document.querySelector('consent-gate')!;
    gate.setAttribute('cookie-path', '/');
    gate.setAttribute('layout', 'bar');
    await waitFor(() => {
      const banner = gate.shadowRoot!.querySelector('.banner');
      return banner && win.getComputedStyle(banner).maxWidth === 'none';
    }, 10000, 'the bar layout applied');
    const chunks = win.performance.getEntriesByType('resource').map((e) => e.name.replace(/.*\/chunks\/(.*)-[\da-f]{6}\.js$/, '$1'));
    expect(chunks).to.include('gate-options');
    expect(chunks.filter((name) => !/^(core|gate-options)$/.test(name) && !name.includes('/'))).to.deep.equal([]);
    expect(win.__warnings).to.deep.equal([]);
  });

  it('a page without Segment (no write key) never fetches the Segment part, with analytics consent and events', async () => {
    // A decision from an earlier visit: analytics granted, so the form's events go to the analytics door at once.
    const decision = { consent_id: 'c-smoke', policy_version: '1', categories: { necessary: true, functional: true, analytics: true, marketing: true }, timestamp: new Date().toISOString(), source: 'banner' };
    document.cookie = `gk_consent=${encodeURIComponent(JSON.stringify(decision))}; path=/`;
    await watchRequests();
    const win = await host(['classic:/dist/growth-kit.js']);
    expect(win.GrowthKit.consent.has('analytics')).to.equal(true);
    const el = win.document.querySelector('hand-raise-lead-button')!;
    // "Hand Raise Form Viewed" is tracked in the task that reports the open: one task later, a request it caused has started.
    const opened = new Promise((resolve) => el.addEventListener('gk-lead-form-open', () => setTimeout(resolve, 0), { once: true }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
    await opened;
    expect((await startedRequests()).filter((url) => /\/segment-loader-|analytics/.test(url))).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
  });

  it('the initial download holds no form code: the form chunk is fetched only on demand', async () => {
    const win = await host(['classic:/dist/growth-kit.js']);
    const names = win.performance.getEntriesByType('resource').map((e) => e.name);
    expect(names.some((n) => n.includes('lead-form'))).to.equal(false);
    // Segment's files, exactly, from the build manifest: none may load before analytics consent.
    const segment = segmentChunkFiles(await (await fetch('/dist/.vite/manifest.json')).json());
    expect(segment.size).to.be.greaterThan(3);
    expect(names.filter((n) => [...segment].some((file) => n.endsWith(`/dist/${file}`)))).to.deep.equal([]);
  });
});

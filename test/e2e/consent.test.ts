/**
 * Consent as a new visitor meets it on the demo marketing page, against a real server/ (its SQLite file) and the
 * Segment stand-in it mounts at /segment: nothing tracks before a choice, Accept loads Segment, the decision is
 * stored as proof and survives a reload, the "Privacy settings" button withdraws it. Also: a refusal survives a
 * reload, and subdomains share one decision through cookie-domain.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, recordErrors, requestLog, rows, startServer, until, type Running } from './harness.ts';

interface Watch {
  /** Every request to Segment (its CDN and API paths), as it starts. */
  segment: string[];
  errors: string[];
  /** Resolves once every request to Segment the page has started is answered (or failed). */
  answered(): Promise<void>;
}

/** Records every request to Segment and every console error of a page. */
function watch(page: Page): Watch {
  const { started, answered } = requestLog(page, (url) => url.pathname.startsWith('/segment/'));
  return { segment: started, errors: recordErrors(page), answered };
}

const ajs = async (context: BrowserContext, page: Page) => [
  ...(await context.cookies()).map((c) => c.name).filter((n) => n.startsWith('ajs_')),
  ...(await page.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("ajs_"))') as string[]),
];

const events = async (server: Running): Promise<string[]> => {
  const recorded = (await (await fetch(`${server.url}/segment/__recorded`)).json()) as { method: string; body: { event?: string } | null }[];
  return recorded.filter((r) => r.method === 'POST').map((r) => r.body?.event ?? '(page)');
};

/**
 * Requests for the kit's Segment part. Had the kit tracked, it would ask for that part in the very task that
 * reported what it tracked (the form open is "Hand Raise Form Viewed"): one task after the report, a request
 * that is not listed was never made.
 */
function segmentPart(page: Page): string[] {
  return requestLog(page, (url) => /\/segment-loader-[\w-]+\.js$/.test(url.pathname)).started;
}

/**
 * The kit's reports on a page, each awaited one task after it happened. A listener is set before the input that
 * leads to its event: input can overtake an evaluate still on its way.
 */
function reports(page: Page) {
  type Reports = { reports: Record<string, Promise<unknown>> };
  return {
    listen: (type: string) =>
      page.evaluate((t) => void (((window as unknown as Reports).reports ??= {})[t] = new Promise((resolve) => document.addEventListener(t, () => setTimeout(resolve, 0), { once: true }))), type),
    reported: (type: string) => page.evaluate((t) => (window as unknown as Reports).reports[t], type),
  };
}

describe('consent end to end', () => {
  let server: Running;
  let browser: Browser;
  before(async () => {
    server = await startServer({ static: { '/': 'demo', '/dist/': 'dist', '/fixtures/': 'test/fixtures' }, segmentStandIn: '/segment' });
    browser = await launch(['--host-resolver-rules=MAP *.example.test 127.0.0.1']);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marketing page: no tracking before a choice; Accept loads Segment; the decision is stored and survives reload; Privacy settings withdraws it', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/marketing.html`);
    const banner = page.locator('consent-gate [part="banner"]');
    await banner.waitFor();
    // A click on a CTA before the choice waits in memory; no byte of Segment is fetched.
    const loader = segmentPart(page);
    const { listen, reported } = reports(page);
    await listen('gk-lead-form-open');
    await page.locator('hand-raise-lead-button[glm-content="marketing-hero"] button[part="button"]').click();
    await reported('gk-lead-form-open');
    await listen('gk-lead-form-close');
    await page.keyboard.press('Escape');
    await reported('gk-lead-form-close');
    assert.deepEqual(loader, []);
    assert.deepEqual([...seen.segment], []);
    assert.deepEqual(await ajs(context, page), []);
    assert.deepEqual(await page.evaluate('performance.getEntriesByType("resource").map((e) => e.name).filter((n) => /analytics|segment/i.test(n))'), []);
    assert.equal(rows(server.dbFile, 'consent').length, 0);

    await page.locator('consent-gate [part="accept"]').click();
    await banner.waitFor({ state: 'detached' });
    await page.locator('consent-gate[category="marketing"] iframe').waitFor();
    const settingsPath = '/segment/v1/projects/demo/settings';
    await until(async () => (await events(server)).includes('CTA Clicked'), 'CTA Clicked at Segment');
    assert.ok(seen.segment.includes(`GET ${settingsPath}`), JSON.stringify(seen.segment));
    await until(async () => (await events(server)).includes('Segment Consent Preference Updated'), "Segment's preference update");
    assert.deepEqual((await events(server)).filter((e) => e !== 'Hand Raise Form Canceled').sort(), [
      'CTA Clicked',
      'Hand Raise Form Viewed',
      'Segment Consent Preference Updated',
    ]);

    const proofs = rows(server.dbFile, 'consent');
    assert.equal(proofs.length, 1);
    assert.equal(proofs[0].body.source, 'banner');
    assert.deepEqual(proofs[0].body.categories, { necessary: true, functional: true, analytics: true, marketing: true });
    const consentId = proofs[0].body.consent_id;

    await page.reload();
    await page.locator('consent-gate[category="marketing"] iframe').waitFor();
    assert.equal(await page.locator('consent-gate [part="banner"]').count(), 0);
    assert.equal(await page.evaluate('GrowthKit.consent.get().consent_id'), consentId);
    assert.equal(rows(server.dbFile, 'consent').length, 1, 'a reload sends no second proof');

    // Withdraw from the footer's "Privacy settings": keyboard only.
    await page.locator('consent-gate[mode="preferences-button"] [part="settings"]').focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('consent-gate[mode="preferences-button"] dialog[open]');
    await dialog.waitFor();
    assert.equal(await page.locator('consent-gate[mode="preferences-button"] #gk-consent-analytics').isChecked(), true);
    await page.locator('consent-gate[mode="preferences-button"] #gk-consent-analytics').press('Space');
    await page.locator('consent-gate[mode="preferences-button"] #gk-consent-marketing').press('Space');
    await dialog.getByRole('button', { name: 'Save choices' }).press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('consent-gate[category="marketing"] iframe').waitFor({ state: 'detached' });
    // Segment hears of the withdrawal (its profile learns of it), then its storage goes.
    const updates = async () => (await events(server)).filter((e) => e === 'Segment Consent Preference Updated').length;
    await until(async () => (await updates()) >= 2, 'the withdrawal at Segment');
    assert.equal(await updates(), 2, 'the withdrawal reached Segment');
    await page.waitForFunction(() => !document.cookie.includes('ajs_') && !Object.keys(localStorage).some((k) => k.startsWith('ajs_')));
    assert.deepEqual(await ajs(context, page), [], 'Segment storage removed on withdrawal');
    await until(() => rows(server.dbFile, 'consent').length >= 2, 'the withdrawal proof', 5000);
    const withdrawal = rows(server.dbFile, 'consent')[1].body;
    assert.equal(withdrawal.consent_id, consentId);
    assert.equal(withdrawal.source, 'preferences');
    assert.deepEqual(withdrawal.categories, { necessary: true, functional: true, analytics: false, marketing: false });

    // A click after the withdrawal tracks nothing. Segment is loaded now, so a leak would not show as a request for
    // the kit's Segment part; it would enter analytics-next's queue. Granting again puts Segment's preference
    // update in the same queue, behind it: once that update has arrived and every request Segment's part started
    // is answered, Segment has received all it will of the click.
    const before = (await events(server)).length;
    await listen('gk-lead-form-open');
    await page.locator('hand-raise-lead-button[glm-content="marketing-hero"] button[part="button"]').click();
    await reported('gk-lead-form-open');
    await page.evaluate('GrowthKit.consent.set({ analytics: true }, "preferences")');
    await until(async () => (await updates()) >= 3, 'the preference update of the new grant');
    await seen.answered();
    assert.deepEqual((await events(server)).slice(before), ['Segment Consent Preference Updated'], 'nothing tracked after withdrawal');
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  /**
   * The marketing page in a fresh context, with each request for `request` that `fails` says failed as `how` says
   * (by default the first one, reset, as a flaky network would; 'blockedbyclient' for a blocker).
   */
  async function marketing(request: RegExp, fails: (n: number) => boolean = (n) => n === 1, how = 'connectionreset') {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = recordErrors(page);
    let asked = 0;
    await page.route(request, (route) => (fails(++asked) ? route.abort(how) : route.continue()));
    await page.goto(`${server.url}/marketing.html`);
    return { context, page, errors, asked: () => asked };
  }

  /** Opens the hero's lead form and closes it with Escape: "Hand Raise Form Viewed" (and "Canceled") to track. */
  async function openAndClose(page: Page): Promise<void> {
    await page.locator('hand-raise-lead-button[glm-content="marketing-hero"] button[part="button"]').click();
    await page.locator('hand-raise-lead-button[glm-content="marketing-hero"] dialog[open]').waitFor();
    await page.keyboard.press('Escape');
  }

  // Segment's code is served with the kit's: a request for it that fails (a flaky network, a deploy in progress) is
  // made again at the next event, as for every lazy part, instead of dropping analytics for the page's life.
  for (const [what, chunk] of [
    ["the kit's Segment part", /\/chunks\/segment-loader-[\w-]+\.js$/],
    ['analytics-next itself', /\/chunks\/pkg-[\w-]+\.js$/],
  ] as const) {
    it(`${what} fails to load once after Accept: the next event loads it and reaches Segment`, async () => {
      const { context, page, errors, asked } = await marketing(chunk);
      const viewed = async () => (await events(server)).filter((e) => e === 'Hand Raise Form Viewed').length;
      const before = await viewed();
      // The form opened (and closed): before the choice its events wait, and Accept sends them, into the failure.
      await openAndClose(page);
      await page.locator('consent-gate [part="accept"]').click();
      await until(() => asked() === 1, 'the dropped request');
      // The next events: the form again, until one arrives at Segment.
      await until(async () => {
        await openAndClose(page);
        return (await viewed()) > before;
      }, "'Hand Raise Form Viewed' at Segment");
      assert.equal(asked(), 2, 'asked for twice: dropped, then loaded');
      assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
      await context.close();
    });
  }

  it('the proof of consent: its part failing to load when the visitor decides, the decision is still posted as proof', async () => {
    // A decision has no next need to try again at: the part is asked for again a little later.
    const { context, page, errors, asked } = await marketing(/\/chunks\/signals-[\w-]+\.js$/);
    await page.locator('consent-gate [part="accept"]').click();
    const id = await page.evaluate('GrowthKit.consent.get().consent_id');
    await until(() => rows(server.dbFile, 'consent').some((r) => r.body.consent_id === id), 'the proof in SQLite', 15_000);
    assert.equal(asked(), 2, 'asked for twice: dropped, then loaded');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
    await context.close();
  });

  it("Segment's CDN blocked (an ad blocker): one warning, and no new attempt at every event", async () => {
    const { context, page, errors, asked } = await marketing(/\/segment\/v1\/projects\/[^/]+\/settings$/, () => true, 'blockedbyclient');
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    await page.locator('consent-gate [part="accept"]').click();
    for (let i = 0; i < 3; i++) {
      await openAndClose(page);
      await until(() => warnings.some((w) => w.includes('analytics could not load')), 'the warning');
    }
    assert.equal(warnings.filter((w) => w.includes('analytics could not load')).length, 1, warnings.join('\n'));
    assert.equal(asked(), 1, "Segment's settings asked for once");
    // analytics-next logs the failed fetch itself (loadCDNSettings); nothing may reach the page uncaught.
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_BLOCKED_BY_CLIENT') && e !== 'Failed to fetch'), []);
    await context.close();
  });

  it('a refusal survives a reload: no banner, no Segment request, ever', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${server.url}/marketing.html`);
    await page.locator('consent-gate [part="reject"]').click();
    await page.reload();
    await page.locator('consent-gate[category="marketing"] [part="placeholder"]').waitFor();
    assert.equal(await page.locator('consent-gate [part="banner"]').count(), 0);
    const loader = segmentPart(page);
    const { listen, reported } = reports(page);
    await listen('gk-lead-form-open');
    await page.locator('hand-raise-lead-button[glm-content="marketing-hero"] button[part="button"]').click();
    await reported('gk-lead-form-open');
    assert.deepEqual(loader, [], "the kit's Segment part is not even asked for");
    assert.deepEqual([...seen.segment], []);
    assert.deepEqual(await ajs(context, page), []);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  it('cookie-domain shares one decision between www. and learn. subdomains', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const port = new URL(server.url).port;
    await page.goto(`http://www.example.test:${port}/fixtures/subdomain.html`);
    await page.locator('consent-gate [part="accept"]').click();
    await page.locator('consent-gate [part="banner"]').waitFor({ state: 'detached' });
    const id = await page.evaluate('GrowthKit.consent.get().consent_id');
    await page.goto(`http://learn.example.test:${port}/fixtures/subdomain.html`);
    await page.waitForFunction('window.GrowthKit && customElements.get("consent-gate")');
    await page.evaluate('document.querySelector("consent-gate").updateComplete');
    assert.equal(await page.locator('consent-gate [part="banner"]').count(), 0);
    assert.equal(await page.evaluate('GrowthKit.consent.get().consent_id'), id);
    assert.equal((await context.cookies(`http://learn.example.test:${port}/`)).find((c) => c.name === 'gk_consent')?.domain, '.example.test');
    // Withdrawing on one subdomain withdraws on both.
    await page.evaluate('GrowthKit.consent.set({ analytics: false, marketing: false }, "api")');
    await page.goto(`http://www.example.test:${port}/fixtures/subdomain.html`);
    await page.waitForFunction('window.GrowthKit');
    assert.equal(await page.evaluate('GrowthKit.consent.has("analytics")'), false);
    await context.close();
  });
  it("withdrawal removes Segment's ajs_ cookies on the registrable domain too, where analytics-next writes them", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const port = new URL(server.url).port;
    await page.goto(`http://www.example.test:${port}/fixtures/subdomain.html`);
    await page.locator('consent-gate [part="accept"]').click();
    // As analytics-next keeps them: on the top domain it can write (".example.test"), and a host-only one.
    await page.evaluate(`document.cookie = 'ajs_anonymous_id=%22a1%22; path=/; domain=.example.test';
      document.cookie = 'ajs_user_id=%22u1%22; path=/; domain=example.test';
      document.cookie = 'ajs_group_id=g1; path=/'`);
    const ajsCookies = async () => (await context.cookies(`http://www.example.test:${port}/`)).filter((c) => c.name.startsWith('ajs_')).map((c) => `${c.name}@${c.domain}`).sort();
    assert.deepEqual(await ajsCookies(), ['ajs_anonymous_id@.example.test', 'ajs_group_id@www.example.test', 'ajs_user_id@.example.test']);
    await page.evaluate('GrowthKit.consent.set({ analytics: false }, "preferences")');
    // Removed by the lazy Segment part, once Segment has been told (here no write key: at once).
    await page.waitForFunction(() => !document.cookie.includes('ajs_'));
    assert.deepEqual(await ajsCookies(), []);
    assert.deepEqual((await context.cookies(`http://learn.example.test:${port}/`)).filter((c) => c.name.startsWith('ajs_')), []);
    await context.close();
  });

  it("a decision that lapsed (its cookie expired, or a new policy version asks again): Segment's ajs_ storage goes at the next page view", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const port = new URL(server.url).port;
    const url = `http://www.example.test:${port}/fixtures/subdomain.html`;
    await page.goto(url);
    await page.locator('consent-gate [part="accept"]').click();
    // What analytics-next kept while analytics was granted: its cookies on the top domain, and its localStorage.
    await page.evaluate(`document.cookie = 'ajs_anonymous_id=%22a1%22; path=/; domain=.example.test';
      localStorage.setItem('ajs_anonymous_id', '"a1"')`);
    // The decision's cookie runs out (180 days); the visitor comes back and does not decide.
    await context.clearCookies({ name: 'gk_consent' });
    await page.goto(url);
    await page.locator('consent-gate [part="banner"]').waitFor();
    await page.waitForFunction(() => !document.cookie.includes('ajs_') && localStorage.getItem('ajs_anonymous_id') === null, undefined, { timeout: 10_000 });
    assert.deepEqual((await context.cookies(url)).filter((c) => c.name.startsWith('ajs_')), []);
    assert.equal(await page.evaluate('GrowthKit.consent.get()'), null, 'nothing was decided for the visitor');
    await context.close();
  });
});

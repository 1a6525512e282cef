/**
 * Lazy parts on a flaky network, in the built kit: a chunk whose first request fails is loaded again on the next
 * need, and the failure never reaches the host page as an unhandled rejection. Playwright drops the first request
 * for the chunk (a connection reset), as a flaky mobile network or a deploy in progress would.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureSite, recordErrors, rows, until } from './harness.ts';

describe('lazy parts after a failed load', () => {
  const site = fixtureSite();
  let context: BrowserContext;
  afterEach(() => context?.close().catch(() => undefined));

  /** Opens the page with the first request for `chunk` dropped; collects errors, unhandled rejections and warnings. */
  async function visit(path: string, chunk: RegExp): Promise<{ page: Page; errors: string[]; warnings: string[]; dropped: () => number }> {
    context = await site.browser.newContext();
    const page = await context.newPage();
    const errors = recordErrors(page);
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    let dropped = 0;
    await page.route(chunk, (route) => (dropped++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${site.server.url}${path}`);
    await page.waitForFunction(() => customElements.get('course-progress-tracker') && document.querySelector('course-progress-tracker')?.shadowRoot);
    return { page, errors, warnings, dropped: () => dropped };
  }

  const progress = (course: string, event: string) => rows(site.server.dbFile, 'course_progress').filter((r) => r.body.course_id === course && r.body.event === event);

  it('course logic: the call that met the failure warns and records nothing; the next call records the lesson', async () => {
    const course = `lazy-actions-${Date.now()}`;
    const { page, errors, warnings, dropped } = await visit(`/fixtures/lazy.html?course=${course}`, /\/chunks\/course-actions-[\w-]+\.js$/);
    const complete = () => page.evaluate(() => (document.querySelector('course-progress-tracker') as unknown as { complete(id: string): Promise<void> }).complete('a'));
    await complete();
    assert.equal(dropped(), 1, 'the first request for the chunk was dropped');
    assert.deepEqual(warnings.filter((w) => w.includes('growth-kit')), [
      '[growth-kit] <course-progress-tracker> complete: the course logic could not be loaded; nothing was recorded, call it again',
    ]);
    assert.deepEqual(progress(course, 'completed'), []);
    await complete();
    await until(() => progress(course, 'completed').length === 1, 'the completion in SQLite');
    assert.equal(progress(course, 'completed')[0].body.lesson_id, 'a');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });

  it('player tracking: after the failure, the next slot change loads it and the video is tracked', async () => {
    const course = `lazy-media-${Date.now()}`;
    const { page, errors, dropped } = await visit(`/fixtures/lazy.html?course=${course}&video=1`, /\/chunks\/media-tracking-[\w-]+\.js$/);
    await until(() => dropped() === 1, 'the dropped request');
    // Any change of the tracker's children is a next need. One that comes while the failed import is still settling
    // shares its failure, so the page keeps changing until a need loads the part and the video is tracked.
    await until(async () => {
      await page.evaluate(() => {
        document.querySelector('course-progress-tracker')!.append(document.createElement('span'));
        return document.querySelector('video')!.play().catch(() => undefined);
      });
      return progress(course, 'started').length === 1;
    }, "the video's 'started' in SQLite");
    assert.equal(dropped(), 2, 'asked for twice: dropped, then loaded');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });

  // A YouTube embed: its adapter is a lazy chunk, and the adapter loads YouTube's API script (the stand-in's).
  for (const [what, request] of [
    ["YouTube's adapter", /\/chunks\/youtube-[\w-]+\.js$/],
    ["YouTube's API script", /\/stand-ins\/youtube\/iframe_api\.js$/],
  ] as const) {
    it(`${what}: after the failure, the next slot change loads it and the video is tracked`, async () => {
      const course = `lazy-yt-${Date.now()}`;
      const { page, errors, dropped } = await visit(`/fixtures/lazy.html?course=${course}&video=youtube`, request);
      await until(() => dropped() === 1, 'the dropped request');
      const video = page.frameLocator('iframe[data-player="youtube"]').locator('video');
      // The next need: any change of the tracker's children (one that comes while the failure is still settling
      // shares it), until the adapter has subscribed to the player (the stand-in notes it on its video).
      await until(async () => {
        await page.evaluate(() => void document.querySelector('course-progress-tracker')!.append(document.createElement('span')));
        return /\bstatechange\b/.test((await video.getAttribute('data-subscribed')) ?? '');
      }, "the adapter's subscription");
      await video.evaluate((v: HTMLVideoElement) => v.play());
      await until(() => progress(course, 'started').length === 1, "the video's 'started' in SQLite");
      assert.equal(dropped(), 2, 'asked for twice: dropped, then loaded');
      assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
    });
  }

  it("a gate's options: a failed load warns on the attributes it names, the banner shows, the next change loads them", async () => {
    const { page, errors, warnings, dropped } = await visit('/fixtures/lazy.html', /\/chunks\/gate-options-[\w-]+\.js$/);
    // Only cookie-path is set of the cookie attributes: the warning names it (and no attribute the page never set).
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<consent-gate mode="banner" cookie-path="/" layout="bar"></consent-gate>'));
    const banner = page.locator('consent-gate .banner');
    await banner.waitFor();
    assert.equal(dropped(), 1, 'the first request for the chunk was dropped');
    assert.deepEqual(warnings.filter((w) => w.includes('<consent-gate>')), [
      '[growth-kit] <consent-gate> cookie-path: the cookie settings could not be loaded; using the defaults until the next change',
      '[growth-kit] <consent-gate> layout: could not be loaded; using cloud until the next change',
    ]);
    const viewport = page.viewportSize()!.width;
    assert.ok((await banner.boundingBox())!.width < viewport, 'the banner shows as a cloud, not full width');
    // The next change loads the part: a box.
    await page.evaluate(() => document.querySelector('consent-gate')!.setAttribute('layout', 'box'));
    await until(async () => (await banner.boundingBox())?.width === 380, 'the banner as a 380 px box');
    assert.equal(dropped(), 2, 'asked for twice: dropped, then loaded');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });

  it("a catalog: after a failed load the widget stays English, left to right; the next need loads it, right to left", async () => {
    const { page, errors, dropped } = await visit('/fixtures/lazy.html', /\/chunks\/ar-[\w-]+\.js$/);
    // Every rendering of the tracker's card: its direction and its progress bar's label.
    // (A script in a string: tsx would wrap a named function in a helper the page does not have.)
    await page.evaluate(`{
      const root = document.querySelector('course-progress-tracker').shadowRoot;
      const seen = (window.seen = []);
      const record = () => {
        const card = root.querySelector('.card');
        if (card) seen.push(card.getAttribute('dir') + ' ' + root.querySelector('[part="progress"]').getAttribute('aria-label'));
      };
      record();
      new MutationObserver(record).observe(root, { subtree: true, attributes: true, childList: true });
    }`);
    const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    await page.evaluate(() => (document.documentElement.lang = 'ar'));
    await until(() => dropped() === 1, 'the dropped request for the Arabic catalog');
    // The next need: the page's language is set again (a framework re-rendering <html>, a language switch).
    await until(async () => {
      await page.evaluate(() => (document.documentElement.lang = document.documentElement.lang === 'ar' ? 'ar-EG' : 'ar'));
      return (await seen()).includes('rtl تقدّم الدورة');
    }, 'the Arabic catalog, right to left');
    assert.equal(dropped(), 2, 'asked for twice: dropped, then loaded');
    assert.deepEqual([...new Set(await seen())], ['ltr Course progress', 'rtl تقدّم الدورة'], 'English left to right until Arabic arrived; never English right to left');
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });

  it('player tracking that arrives after the video started counts what was played before it: watched to the end is 100 %', async () => {
    // A slow phone (or a busy CI machine) can start the video before the tracking chunk is there.
    const course = `lazy-late-${Date.now()}`;
    context = await site.browser.newContext();
    const page = await context.newPage();
    const errors = recordErrors(page);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/chunks\/media-tracking-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.server.url}/fixtures/lazy.html?course=${course}&video=1`);
    await page.evaluate(async () => {
      const video = document.querySelector('video')!;
      await video.play();
      await new Promise<void>((resolve) => video.addEventListener('timeupdate', () => video.currentTime >= 1.5 && resolve()));
    });
    release();
    await page.evaluate(() => new Promise((resolve) => document.querySelector('video')!.addEventListener('ended', resolve, { once: true })));
    await until(() => progress(course, 'completed').length === 1, "the lesson's completion in SQLite");
    await until(() => progress(course, 'progressed').some((r) => r.body.milestone === 100), 'the 100 % milestone in SQLite');
    const milestones = progress(course, 'progressed').map((r) => r.body.milestone).sort((a, b) => Number(a) - Number(b));
    assert.deepEqual(milestones, [25, 50, 75, 100], 'each milestone once');
    assert.equal(progress(course, 'started').length, 1, "'started' once");
    assert.deepEqual(errors, []);
  });
});

/**
 * The lead form on a slow network, in the built kit: the first click opens the dialog at once on the form's
 * skeleton (the dialog's small chunk) while Playwright holds the form's chunk back, as a slow phone network would.
 */
describe("the lead form's skeleton while the form loads", () => {
  const site = fixtureSite();
  let context: BrowserContext;
  afterEach(() => context?.close().catch(() => undefined));

  /** Opens the lead page with the form's chunk held until `release` is called (or failed, with `fail`). */
  async function visit() {
    context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = recordErrors(page);
    let release!: (how: 'continue' | 'fail') => void;
    const held = new Promise<'continue' | 'fail'>((resolve) => (release = resolve));
    let requests = 0;
    await page.route(/\/chunks\/lead-form-[\w-]+\.js$/, async (route) => {
      // Only the first request is held (and answered as `release` says); a later one goes through.
      if (requests++ > 0) return route.continue();
      return (await held) === 'fail' ? route.abort('connectionreset') : route.continue();
    });
    await page.goto(`${site.server.url}/fixtures/lead.html`);
    await page.waitForFunction(() => document.querySelector('hand-raise-lead-button')?.shadowRoot?.querySelector('button'));
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      for (const type of ['gk-lead-form-open', 'gk-lead-form-close']) document.addEventListener(type, () => seen.push(type));
    });
    const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const dialog = page.locator('hand-raise-lead-button dialog');
    const trigger = page.locator('hand-raise-lead-button button[part="button"]');
    const focused = () => page.evaluate(() => {
      const root = document.querySelector('hand-raise-lead-button')!.shadowRoot!;
      const active = root.activeElement;
      return active ? (active.getAttribute('name') ?? active.getAttribute('part')) : null;
    });
    return { page, errors, release, dialog, trigger, seen, focused, requests: () => requests };
  }

  it('opens the dialog at once on a busy skeleton named by the button; the form replaces it in the same dialog, focused', async () => {
    const { page, errors, release, dialog, trigger, seen, focused } = await visit();
    // All the fields, as the skeleton draws them (the fixture's button asks for four).
    await page.evaluate(() => document.querySelector('hand-raise-lead-button')!.removeAttribute('fields'));
    await trigger.click();
    await page.getByRole('dialog', { name: 'Contact sales' }).waitFor();
    assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal')), true);
    assert.equal(await dialog.locator('.skeleton[aria-busy="true"]').count(), 1);
    assert.equal(await dialog.locator('form').count(), 0);
    assert.deepEqual(await seen(), [], 'no form was reported open yet');
    // The skeleton has the dialog's own styles: the form's width, not a browser's default dialog.
    const skeleton = await dialog.boundingBox();
    assert.equal(Math.round(skeleton!.width), 560);
    release('continue');
    await page.getByRole('dialog', { name: 'Contact our sales team' }).waitFor();
    assert.equal(await dialog.locator('.skeleton').count(), 0);
    assert.equal(await focused(), 'company_size', 'the first field the prefill left empty');
    assert.deepEqual(await seen(), ['gk-lead-form-open']);
    // Laid out as the form, the skeleton leaves the dialog where it was: the form moves it by a few pixels at most.
    const form = await dialog.boundingBox();
    assert.equal(Math.round(form!.width), 560);
    assert.ok(Math.abs(form!.height - skeleton!.height) <= 12 && Math.abs(form!.y - skeleton!.y) <= 6, `skeleton ${JSON.stringify(skeleton)}, form ${JSON.stringify(form)}`);
    assert.deepEqual(errors, []);
  });

  it('Escape on the skeleton closes it with no form reported; the form that arrives later stays closed until the next click', async () => {
    const { page, errors, release, dialog, trigger, seen, focused, requests } = await visit();
    await trigger.click();
    await dialog.locator('.skeleton').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('hand-raise-lead-button')!.shadowRoot!.querySelector('dialog')!.open);
    assert.equal(await focused(), 'button');
    release('continue');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => /lead-form-/.test(r.name)));
    assert.deepEqual(await seen(), [], 'neither an open nor a close of a form that was never shown');
    // The next click's form is the only one reported: the first click's handler, which ends before it (both wait
    // for the same chunk), gave up instead of opening it too. A dialog it had opened would also take the click.
    await trigger.click();
    await dialog.locator('form').waitFor();
    assert.equal(await focused(), 'first_name');
    assert.deepEqual(await seen(), ['gk-lead-form-open']);
    assert.equal(requests(), 1);
    assert.deepEqual(errors, []);
  });

  it('a click after Escape, while the form is still on its way, opens the skeleton again and then one form', async () => {
    const { page, errors, release, dialog, trigger, seen, focused } = await visit();
    await trigger.click();
    await dialog.locator('.skeleton').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('hand-raise-lead-button')!.shadowRoot!.querySelector('dialog')!.open);
    await trigger.click();
    await dialog.locator('.skeleton').waitFor();
    release('continue');
    await dialog.locator('form').waitFor();
    assert.equal(await focused(), 'first_name');
    // Both clicks' handlers went on when the chunk came; one of them opened the form.
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length > 0);
    assert.deepEqual(await seen(), ['gk-lead-form-open']);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length > 1);
    assert.deepEqual(await seen(), ['gk-lead-form-open', 'gk-lead-form-close']);
    assert.deepEqual(errors, []);
  });

  it("a form that fails to load closes the skeleton, says so and gives focus back; the next click loads it", async () => {
    const { page, errors, release, dialog, trigger, seen, focused } = await visit();
    await trigger.click();
    await dialog.locator('.skeleton').waitFor();
    release('fail');
    await page.getByRole('alert').waitFor();
    assert.equal(await page.getByRole('alert').textContent(), 'The form could not be loaded. Please try again.');
    assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open), false);
    await page.waitForFunction(() => document.querySelector('hand-raise-lead-button')!.shadowRoot!.activeElement?.getAttribute('part') === 'button');
    assert.deepEqual(await seen(), []);
    await trigger.click();
    await dialog.locator('form').waitFor();
    assert.equal(await focused(), 'first_name');
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(await seen(), ['gk-lead-form-open']);
    assert.deepEqual(errors.filter((e) => !e.includes('net::ERR_CONNECTION_RESET')), []);
  });
});

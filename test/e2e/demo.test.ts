/**
 * The demo pages as a new user tries them, against a real server/ with its SQLite file: what they post is
 * read back from the database file itself.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { allRendered, launch, recordErrors, rows, startServer, type Running } from './harness.ts';

describe('demo pages end to end', () => {
  let server: Running;
  let browser: Browser;
  before(async () => {
    server = await startServer({ static: { '/': 'demo', '/dist/': 'dist' }, segmentStandIn: '/segment' });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the kit shifts no layout as it loads on the demo pages (their CSS gives the widgets their room, as README says)', async () => {
    for (const path of ['/marketing.html', '/product.html', '/academy.html']) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript(`window.__shifts = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, sources: e.sources.map((s) => s.node && s.node.nodeName) }); })
          .observe({ type: 'layout-shift', buffered: true });`);
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      // Every widget rendered, then two frames: a shift their first render causes is reported by then.
      await page.evaluate(allRendered());
      await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
      assert.deepEqual(await page.evaluate('window.__shifts'), [], path);
      await context.close();
    }
  });

  it('product page: click, fill, submit, see the thanks, and the lead is one row in SQLite with every field', async () => {
    const page = await browser.newPage();
    const errors = recordErrors(page);
    await page.goto(`${server.url}/product.html`);
    await page.locator('hand-raise-lead-button button[part="button"]').click();
    const dialog = page.locator('hand-raise-lead-button dialog[open]');
    await dialog.waitFor();
    await page.locator('hand-raise-lead-button [name="company_size"]').selectOption('500-1,999');
    await page.locator('hand-raise-lead-button [name="country"]').selectOption('CA');
    await page.locator('hand-raise-lead-button [name="state"]').selectOption('QC');
    await page.locator('hand-raise-lead-button [name="phone_number"]').fill('+1 514 555 0100');
    await page.locator('hand-raise-lead-button [name="comment"]').fill('We need SSO for 300 people.');
    await page.locator('hand-raise-lead-button [part="submit"]').click();
    await page.locator('hand-raise-lead-button .notice.success').waitFor();
    assert.match(await page.locator('hand-raise-lead-button .notice.success').innerText(), /Thank you for reaching out!/);

    const leads = rows(server.dbFile, 'hand_raise_lead');
    assert.equal(leads.length, 1);
    const { submitted_at, submission_id, attribution, fill_ms, ...lead } = leads[0].body;
    assert.equal(leads[0].idempotency_key, submission_id);
    assert.ok(typeof fill_ms === 'number' && fill_ms > 0, 'the time the form was open, for the spam check');
    assert.ok(!Number.isNaN(Date.parse(String(submitted_at))));
    assert.deepEqual(lead, {
      honeypot: '',
      glm_content: 'billing-upgrade',
      glm_source: `${new URL(server.url).host}/product.html`,
      product_interaction: 'Hand Raise PQL',
      namespace_id: '1234',
      first_name: 'Ada',
      last_name: 'Lovelace',
      email: 'ada@analytical-engines.example',
      company_name: 'Analytical Engines',
      company_size: '500-1,999',
      phone_number: '+1 514 555 0100',
      country: 'CA',
      state: 'QC',
      comment: 'We need SSO for 300 people.',
      business_email: true,
      locale: 'en',
      page: { url: `${server.url}/product.html`, title: 'Acme — Billing', referrer: '' },
      consent: { analytics: false, marketing: false },
    });
    assert.equal((attribution as { anonymous_id: unknown }).anonymous_id, null);
    const api = (await (await fetch(`${server.url}/api/submissions`)).json()) as { submissions: { idempotency_key: string }[] };
    assert.equal(api.submissions[0].idempotency_key, submission_id);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('marketing page on a 390×844 phone: accept cookies, the embed fits the screen, the lead form stays on screen and submits', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(`${server.url}/marketing.html`);
    await page.locator('consent-gate [part="accept"]').tap();
    await page.locator('consent-gate iframe').waitFor();
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth, document.querySelector('consent-gate iframe')!.getBoundingClientRect().width]);
    assert.deepEqual(widths.slice(0, 2), [390, 390], 'nothing makes the page wider than the screen');
    assert.ok(widths[2] <= 390 - 32, `the 480-px embed fits its column (${widths[2]} px)`);
    const hero = page.locator('hand-raise-lead-button[glm-content="marketing-hero"]');
    await hero.locator('button[part="button"]').tap();
    await hero.locator('dialog[open] form').waitFor();
    for (const [name, value] of Object.entries({ first_name: 'Mo', last_name: 'Bile', email: 'mo@phone-first.example', company_name: 'Phone First' })) {
      await hero.locator(`[name="${name}"]`).fill(value);
    }
    await hero.locator('[name="company_size"]').selectOption('1-99');
    await hero.locator('[name="country"]').selectOption('US');
    await hero.locator('[name="state"]').selectOption('CA');
    // Submit and Cancel stay on screen however long the form is: the dialog and its action footer fit the viewport.
    const inside = async (what: string, selector: string) => {
      const box = (await hero.locator(selector).boundingBox())!;
      assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844, `${what} on screen: ${JSON.stringify(box)}`);
    };
    await inside('the dialog', 'dialog[open]');
    await inside('Submit', '[part="submit"]');
    await hero.locator('[part="submit"]').tap();
    await hero.locator('.notice.success').waitFor();
    assert.equal(rows(server.dbFile, 'hand_raise_lead').filter((r) => r.body.email === 'mo@phone-first.example').length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('academy page: watching the video fills the bar, passing the quiz completes the course, a reload keeps it and sends nothing twice', async () => {
    const page = await browser.newPage();
    const errors = recordErrors(page);
    await page.goto(`${server.url}/academy.html`);
    const tracker = page.locator('course-progress-tracker');
    await tracker.locator('[role="progressbar"]').waitFor();
    await page.evaluate(async () => {
      const video = document.querySelector('video')!;
      await video.play();
      await new Promise((resolve) => video.addEventListener('ended', resolve, { once: true }));
    });
    await page.waitForFunction(() => document.querySelector('course-progress-tracker')!.shadowRoot!.querySelector('[role="progressbar"]')!.getAttribute('aria-valuenow') === '50');
    await page.locator('input[value="right"]').check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await tracker.locator('.complete').waitFor();
    await tracker.locator('img[part="badge"]').waitFor();

    const events = () => rows(server.dbFile, 'course_progress').map((r) => `${r.body.event}:${r.body.lesson_id ?? '-'}:${r.body.progress}`).sort();
    const expected = [
      'completed:intro:100',
      'completed:quiz:100',
      'course_completed:-:100',
      'passed:quiz:100',
      'progressed:intro:100',
      'progressed:intro:25',
      'progressed:intro:50',
      'progressed:intro:75',
      'started:intro:0',
    ];
    // Each event is posted when it happens, so an empty outbox can come before the last one is queued: wait for
    // as many rows as expected (a positive signal), then for the outbox to drain, then compare (a repeat would show).
    for (const deadline = Date.now() + 10_000; events().length < expected.length && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    await page.waitForFunction(() => !localStorage.getItem('gk_outbox') || localStorage.getItem('gk_outbox') === '[]');
    assert.deepEqual(events(), expected);

    await page.reload();
    await tracker.locator('.complete').waitFor();
    assert.equal(await tracker.locator('[role="progressbar"]').getAttribute('aria-valuenow'), '100');
    await page.evaluate(async () => {
      const video = document.querySelector('video')!;
      await video.play();
      // 2 s of the 6 s lesson played again: the tracker has seen that much playback, time enough for a milestone
      // (25 % is 1.5 s in) to be re-sent if a completed course were tracked again.
      await new Promise<void>((resolve) => video.addEventListener('timeupdate', () => video.currentTime >= 2 && resolve()));
    });
    await page.waitForFunction(() => !localStorage.getItem('gk_outbox') || localStorage.getItem('gk_outbox') === '[]');
    assert.deepEqual(events(), expected);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/**
 * The fault-injection suite: zero leads lost, zero duplicates. Playwright drives Debian's Chromium against a real
 * server/ instance whose faults are switched on per test (503 windows, a dropped connection after storing, slow
 * answers, 422, 429 with Retry-After); every assertion counts rows in its SQLite file and the attempts it saw.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureSite, recordErrors, rows, until } from './harness.ts';

const LEADS = '/api/hand-raise-leads';

describe('durable delivery under faults', () => {
  const site = fixtureSite();
  let context: BrowserContext;
  afterEach(async () => {
    for (const key of Object.keys(site.server.faults)) delete site.server.faults[key as keyof typeof site.server.faults];
    await context?.close().catch(() => undefined);
  });

  /**
   * A fresh visitor (own storage) on a fixture page; console errors and uncaught exceptions are collected. The
   * page's timers run on Playwright's clock: time flows as usual, and `later(page)` jumps past every retry the
   * outbox could have scheduled, so a test sees at once what minutes would bring (or that nothing more comes).
   */
  async function visit(path = '/fixtures/lead.html', init?: string): Promise<{ page: Page; errors: string[] }> {
    context = await site.browser.newContext();
    await context.clock.install();
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    const errors = recordErrors(page);
    await page.goto(`${site.server.url}${path}`);
    return { page, errors };
  }

  const button = (page: Page) => page.locator('hand-raise-lead-button button[part="button"]');
  const submitButton = (page: Page) => page.locator('hand-raise-lead-button [part="submit"]');

  async function openForm(page: Page): Promise<void> {
    await button(page).click();
    await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
  }

  async function submit(page: Page): Promise<void> {
    await openForm(page);
    await submitButton(page).click();
  }

  /** The widget POSTs to one route since this test began (attempts is in arrival order). */
  const attempts = (path = LEADS, since = 0) => site.server.attempts.filter((a) => a.path === path && a.at >= since);
  const leads = (glm = 'delivery') => rows(site.server.dbFile, 'hand_raise_lead').filter((r) => r.body.glm_content === glm);

  /** Jumps the page's clock past the outbox's longest backoff (5 min), firing each due timer, then lets it settle. */
  async function later(page: Page): Promise<void> {
    await page.clock.fastForward(5 * 60_000 + 1000);
    await page.evaluate('new Promise((r) => setTimeout(r, 0))');
  }

  /** Retries while the endpoint is down: the clock jumps until `count` attempts of `path` arrived since `since`. */
  async function triedTimes(page: Page, count: number, since: number, path = LEADS): Promise<void> {
    const end = Date.now() + 20_000;
    while (attempts(path, since).length < count) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${count} attempts`);
      await page.clock.fastForward(10_000);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const outboxEmpty = async (page: Page) => ((await page.evaluate('localStorage.getItem("gk_outbox")')) ?? '[]') === '[]';

  it('1. 503 while the endpoint is down (three attempts), then recovery: one row, every attempt with the same key, "saved" then success', async () => {
    const since = Date.now();
    const before = leads().length;
    site.server.faults.refuse = { status: 503, until: Infinity };
    const { page, errors } = await visit();
    await submit(page);
    await page.locator('hand-raise-lead-button .notice.saved').waitFor();
    await triedTimes(page, 3, since);
    delete site.server.faults.refuse;
    await later(page);
    await page.locator('hand-raise-lead-button .notice.success').waitFor();
    assert.equal(leads().length, before + 1);
    const tries = attempts(LEADS, since);
    assert.ok(tries.length >= 4, `retried: ${tries.length} attempts`);
    assert.equal(new Set(tries.map((a) => a.key)).size, 1, 'one key on every attempt');
    assert.deepEqual(tries.slice(0, -1).map((a) => a.outcome), tries.slice(0, -1).map(() => 503));
    assert.equal(tries.at(-1)!.outcome, 201);
    assert.deepEqual(errors.filter((e) => !e.includes('503')), []);
  });

  it('2. stored, then the connection drops before the answer: retried with the same key, one row', async () => {
    const since = Date.now();
    const before = leads().length;
    site.server.faults.dropAfterStore = 1;
    const { page } = await visit();
    await submit(page);
    await page.locator('hand-raise-lead-button .notice.success').waitFor({ timeout: 20_000 });
    const tries = attempts(LEADS, since);
    assert.deepEqual(tries.map((a) => a.outcome), ['dropped', 201]);
    assert.equal(tries[0].key, tries[1].key);
    assert.equal(leads().length, before + 1);
  });

  it('3. offline at submit for 60 s: queued, then one row after reconnecting', async () => {
    const since = Date.now();
    const before = leads().length;
    const { page, errors } = await visit();
    await openForm(page);
    await context.setOffline(true);
    await submitButton(page).click();
    await page.locator('hand-raise-lead-button .notice.saved').waitFor();
    // A minute offline: every retry due in it runs, and fails without reaching the site.server.
    await page.clock.fastForward(60_000);
    await page.evaluate('new Promise((r) => setTimeout(r, 0))');
    assert.equal(attempts(LEADS, since).length, 0, 'nothing reached the server while offline');
    assert.equal(leads().length, before);
    await context.setOffline(false);
    await page.locator('hand-raise-lead-button .notice.success').waitFor({ timeout: 20_000 });
    assert.equal(leads().length, before + 1);
    assert.equal(attempts(LEADS, since).length, 1);
    assert.ok(await outboxEmpty(page));
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  });

  /** Submits while the endpoint holds every request 3 s, and waits until the first one is in flight. */
  async function submitInFlight(): Promise<{ page: Page; since: number; before: number }> {
    const since = Date.now();
    const before = leads().length;
    site.server.faults.delayMs = 3000;
    const { page } = await visit();
    await submit(page);
    await until(() => attempts(LEADS, since).length >= 1, 'the request in flight', 5000);
    return { page, since, before };
  }

  /** Exactly one new row, every attempt under one key, nothing left in the outbox of `page`. */
  async function oneRow(page: Page, since: number, before: number): Promise<void> {
    await until(() => leads().length === before + 1, 'the row', 20_000);
    await until(() => outboxEmpty(page), 'an empty outbox', 20_000);
    await later(page);
    assert.equal(leads().length, before + 1);
    assert.equal(new Set(attempts(LEADS, since).map((a) => a.key)).size, 1);
  }

  it('4a. reload while the request is in flight: re-sent on the next load, one row', async () => {
    const { page, since, before } = await submitInFlight();
    await page.reload();
    delete site.server.faults.delayMs;
    await oneRow(page, since, before);
  });

  it('4b. the tab is closed while the request is in flight: re-sent when the visitor comes back, one row', async () => {
    const { page, since, before } = await submitInFlight();
    // Refuse whatever the closing page still manages to send, so only the next visit can deliver it: the visitor
    // comes back once every request that arrived from it (the one in flight, held 3 s, and any sent while closing)
    // has been answered.
    site.server.faults.refuse = { status: 503, until: Infinity };
    await page.close({ runBeforeUnload: true });
    await until(() => attempts(LEADS, since).every((a) => a.outcome !== 0), "the closing page's requests answered", 10_000);
    delete site.server.faults.refuse;
    delete site.server.faults.delayMs;
    const back = await context.newPage();
    await back.goto(`${site.server.url}/fixtures/lead.html`);
    await oneRow(back, since, before);
  });

  it('5a. 422 with field errors: not retried, the error is shown at its field', async () => {
    const since = Date.now();
    const before = leads().length;
    site.server.faults.refuse = { status: 422, until: Date.now() + 60_000, body: { error: 'validation_failed', fields: [{ path: 'email', message: 'Invalid email address' }] } };
    const { page } = await visit();
    await submit(page);
    await page.locator('hand-raise-lead-button [name="email"][aria-invalid="true"]').waitFor();
    await later(page);
    assert.equal(attempts(LEADS, since).length, 1);
    assert.equal(leads().length, before);
    assert.ok(await outboxEmpty(page), 'a refused lead leaves the outbox');
  });

  it('5b. 429 with Retry-After: 5: the next attempt comes at least 5 s later', async () => {
    const since = Date.now();
    site.server.faults.refuse = { status: 429, until: Infinity, retryAfter: 5 };
    const { page } = await visit();
    await submit(page);
    // Refused once, then open; the page's clock runs on its own, so the retry waits the real 5 s.
    await until(() => attempts(LEADS, since).length === 1, 'the refused attempt', 10_000);
    delete site.server.faults.refuse;
    await page.locator('hand-raise-lead-button .notice.success').waitFor({ timeout: 20_000 });
    const tries = attempts(LEADS, since);
    assert.deepEqual(tries.map((a) => a.outcome), [429, 201]);
    assert.ok(tries[1].at - tries[0].at >= 5000, `waited ${tries[1].at - tries[0].at} ms`);
  });

  it('6. double-click on submit, Enter twice, and the script included twice: one row each', async () => {
    let since = Date.now();
    let before = leads().length;
    const { page } = await visit();
    await openForm(page);
    await submitButton(page).dblclick();
    await page.locator('hand-raise-lead-button .notice.success').waitFor();
    await later(page);
    assert.equal(leads().length, before + 1, 'double-click');
    assert.equal(attempts(LEADS, since).length, 1);

    since = Date.now();
    before = leads().length;
    const second = await context.newPage();
    await second.goto(`${site.server.url}/fixtures/lead.html`);
    await openForm(second);
    await second.locator('hand-raise-lead-button [name="company_name"]').focus();
    await second.keyboard.press('Enter');
    await second.keyboard.press('Enter');
    await second.locator('hand-raise-lead-button .notice.success').waitFor();
    await later(second);
    assert.equal(leads().length, before + 1, 'Enter twice');
    assert.equal(attempts(LEADS, since).length, 1);

    since = Date.now();
    const twice = await context.newPage();
    await twice.goto(`${site.server.url}/fixtures/lead.html?twice`);
    await submit(twice);
    await twice.locator('hand-raise-lead-button .notice.success').waitFor();
    await later(twice);
    assert.equal(leads('delivery-twice').length, 1, 'script included twice');
    assert.equal(attempts(LEADS, since).length, 1);
  });

  const hostileStorage: Record<string, string> = {
    'localStorage throwing': `Storage.prototype.setItem = function () { throw new DOMException('denied', 'SecurityError'); };
      Storage.prototype.getItem = function () { throw new DOMException('denied', 'SecurityError'); };`,
    'localStorage full': `try { for (let i = 0; i < 10000; i++) localStorage.setItem('host-filler-' + i, 'x'.repeat(100000)); } catch {}`,
    'localStorage disabled': `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });`,
  };
  for (const [name, init] of Object.entries(hostileStorage)) {
    it(`7. ${name}: no uncaught error, the lead is delivered while the page lives (after a 503)`, async () => {
      const since = Date.now();
      const before = leads().length;
      site.server.faults.refuse = { status: 503, until: Infinity };
      const { page, errors } = await visit('/fixtures/lead.html', init);
      await submit(page);
      // Down until the first attempt was refused, then up: the retry comes from the page's memory.
      await triedTimes(page, 1, since);
      delete site.server.faults.refuse;
      await later(page);
      await page.locator('hand-raise-lead-button .notice.success').waitFor({ timeout: 20_000 });
      assert.equal(leads().length, before + 1);
      assert.ok(attempts(LEADS, since).length >= 2, 'retried from memory');
      assert.deepEqual(errors.filter((e) => !e.includes('503')), []);
      if (name === 'localStorage full') {
        const hostKeys = await page.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("host-filler-")).length');
        assert.ok((hostKeys as number) > 0, "the host's keys are untouched");
      }
    });
  }

  it('8. two tabs with queued items: each item sent once after recovery', async () => {
    const since = Date.now();
    const before = leads().length;
    site.server.faults.refuse = { status: 503, until: Infinity };
    const { page: a } = await visit();
    const b = await context.newPage();
    await b.goto(`${site.server.url}/fixtures/lead.html`);
    await submit(a);
    await submit(b);
    await a.locator('hand-raise-lead-button .notice.saved').waitFor();
    await b.locator('hand-raise-lead-button .notice.saved').waitFor();
    // Both tabs retry while the endpoint is down (the clock is the context's: one jump moves both).
    await triedTimes(a, 4, since);
    const recovery = Date.now();
    delete site.server.faults.refuse;
    await later(a);
    await a.locator('hand-raise-lead-button .notice.success').waitFor();
    await b.locator('hand-raise-lead-button .notice.success').waitFor();
    await later(a);
    assert.equal(leads().length, before + 2);
    const after = attempts(LEADS, since).filter((x) => x.at >= recovery);
    const keys = [...new Set(attempts(LEADS, since).map((x) => x.key))];
    assert.equal(keys.length, 2);
    for (const key of keys) assert.equal(after.filter((x) => x.key === key).length, 1, `item ${key} sent once after recovery`);
  });

  const course = (user = 'learner-7') => rows(site.server.dbFile, 'course_progress').filter((r) => r.body.course_id === 'delivery-101' && r.body.user_id === user);

  async function watchTo(page: Page, seconds: number): Promise<void> {
    await page.evaluate(`(async () => {
      const video = document.querySelector('video');
      await new Promise((r) => (video.readyState >= 1 ? r() : video.addEventListener('loadedmetadata', r, { once: true })));
      await video.play();
      await new Promise((r) => { const tick = () => (video.currentTime >= ${seconds} ? r() : requestAnimationFrame(tick)); tick(); });
      video.pause();
    })()`);
  }

  it('9a. course progress at ~70 % (past 50, short of 75) flushed on pagehide: delivered once; each milestone once', async () => {
    const before = course().length;
    const { page } = await visit('/fixtures/course.html');
    await page.waitForFunction('customElements.get("course-progress-tracker")');
    await watchTo(page, 4.2);
    await until(() => course().filter((r) => r.body.milestone === 50).length === 1, 'the 50% milestone', 10_000);
    // What the learner sees is what must be flushed: the coverage of what played (about 74 % of the video).
    const shown = parseInt((await page.evaluate(`document.querySelector('course-progress-tracker').shadowRoot.querySelector('.pct').textContent`)) as string, 10);
    await page.close({ runBeforeUnload: true });
    await until(() => course().some((r) => r.body.event === 'progressed' && !r.body.milestone), 'the pagehide flush', 10_000);
    const events = course().slice(before);
    const progress = events.find((r) => r.body.event === 'progressed' && !r.body.milestone)!.body.progress as number;
    assert.ok(shown > 50 && shown < 75, `shown ${shown} %`);
    assert.equal(progress, shown, 'the flushed progress is the one shown');
    assert.deepEqual(events.filter((r) => r.body.milestone).map((r) => r.body.milestone).sort(), [25, 50]);
    assert.equal(events.filter((r) => r.body.event === 'started').length, 1);
    const flush = site.server.attempts.filter((a) => a.path === '/api/course-progress').at(-1)!;
    assert.match(flush.contentType ?? '', /^text\/plain/, 'the unloading request needs no preflight');
  });

  it('9b. course progress at ~70 % while the endpoint is down at pagehide: persisted, re-sent once on the next visit', async () => {
    const { page } = await visit('/fixtures/course.html?user=learner-8');
    await page.waitForFunction('customElements.get("course-progress-tracker")');
    const before = course('learner-8').length;
    await watchTo(page, 4.2);
    await until(() => course('learner-8').length >= before + 3, 'started and two milestones', 10_000);
    site.server.faults.refuse = { status: 503, until: Date.now() + 60_000 };
    const closing = Date.now();
    await page.close({ runBeforeUnload: true });
    await until(() => attempts('/api/course-progress', closing).some((a) => a.outcome === 503), 'the flush at pagehide, refused', 10_000);
    assert.equal(course('learner-8').length, before + 3, 'nothing stored while down');
    delete site.server.faults.refuse;
    const back = await context.newPage();
    await back.goto(`${site.server.url}/fixtures/course.html?user=learner-8`);
    await until(() => course('learner-8').length === before + 4, 'the persisted progress', 20_000);
    await until(() => outboxEmpty(back), 'an empty outbox', 10_000);
    // Every retry the page could still make has come due: nothing more arrives.
    await later(back);
    const events = course('learner-8').slice(before);
    assert.equal(events.length, 4);
    assert.deepEqual(events.filter((r) => r.body.milestone).map((r) => r.body.milestone).sort(), [25, 50]);
    const progressed = events.filter((r) => r.body.event === 'progressed' && !r.body.milestone);
    assert.equal(progressed.length, 1);
    assert.ok((progressed[0].body.progress as number) > 50 && (progressed[0].body.progress as number) < 75);
  });
});

/**
 * Lazy parts on a flaky network, in the built kit: a chunk whose first request fails is loaded again on the next
 * need, and the failure never reaches the host page as an unhandled rejection. Playwright drops the first request
 * for the chunk (a connection reset), as a flaky mobile network or a deploy in progress would.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { fixtureSite, recordErrors, rows } from './harness.ts';

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

  async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
    const end = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

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
});

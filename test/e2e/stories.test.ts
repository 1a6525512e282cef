/**
 * Every Storybook story, rendered from the static build: no console error, no uncaught exception, and no axe
 * violation in the story's final state (after its play function).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { launch, recordErrors, startServer, type Running } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, { id: string; type: string }> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

describe('Storybook stories', () => {
  let server: Running;
  let browser: Browser;
  /** One context for every story, so Storybook's bundle comes from the HTTP cache; storage is cleared between. */
  let context: BrowserContext;
  before(async () => {
    server = await startServer({ static: { '/': 'storybook-static' } });
    browser = await launch();
    context = await browser.newContext();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has a story for every element', () => {
    for (const tag of ['hand-raise-lead-button', 'consent-gate', 'course-progress-tracker']) {
      assert.ok(stories.some((s) => s.id.startsWith(`widgets-${tag}--`)), `stories for ${tag}`);
    }
  });

  for (const story of stories) {
    it(`${story.id}: renders with no console error and no axe violation`, async () => {
      await context.clearCookies();
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story`);
      // Wait until the story's render, including its play function, has finished.
      const phase = await page.waitForFunction(() => {
        const p = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase;
        return p && ['finished', 'errored', 'aborted'].includes(p) ? p : false;
      }, undefined, { timeout: 15000 });
      assert.equal(await phase.jsonValue(), 'finished', 'story and play function finished');
      // And every widget's last update rendered.
      await page.evaluate(() =>
        Promise.all([...document.querySelectorAll('hand-raise-lead-button, consent-gate, course-progress-tracker')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete)),
      );
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(el: Element, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run(
          document.querySelector('#storybook-root')!,
          { resultTypes: ['violations'] },
        );
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
      await page.evaluate(() => (localStorage.clear(), sessionStorage.clear()));
      await page.close();
    });
  }
});

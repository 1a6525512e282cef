/**
 * Every Storybook story, rendered from the static build: no console error, no uncaught exception, no axe
 * violation in the story's final state (after its play function), and the same look as its committed screenshots
 * at desktop (1280 × 800) and phone (390 × 844) width (test/e2e/visual.ts; UPDATE_BASELINES=1 rewrites them).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { launch, recordErrors, startServer, type Running } from './harness.ts';
import { compareWithBaseline } from './visual.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as { entries: Record<string, { id: string; type: string }> };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

/** In the page: every widget's last update rendered, and the fonts it uses loaded. */
const settled = () =>
  Promise.all([
    ...[...document.querySelectorAll('hand-raise-lead-button, consent-gate, course-progress-tracker')].map((el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete),
    document.fonts.ready,
  ]);

// Two stories at a time, each in a context of its own: most of a story's time is Storybook's preview starting in
// its page, which one core does while the other runs axe on the story before.
describe('Storybook stories', { concurrency: 2 }, () => {
  let server: Running;
  let browser: Browser;
  before(async () => {
    server = await startServer({ static: { '/': 'storybook-static' } });
    browser = await launch();
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

  // What a designer may set, once each: the docs table of each element lists its public attributes, events, parts
  // (as ::part()) and CSS custom properties, and nothing the element keeps to itself.
  const PUBLIC = {
    'hand-raise-lead-button': ['glm-content', 'cta-tracking', 'button-text', 'variant', 'small', 'required-fields', 'user-name', 'gk-lead-submitted', '::part(button)', '--gk-accent'],
    'consent-gate': ['category', 'mode', 'theme', 'privacy-policy-url', 'cookie-domain', 'onetrust-groups', '::part(banner)', '--gk-surface', '--gk-subtle'],
    'course-progress-tracker': ['course-id', 'lessons', 'complete-at', 'xapi-endpoint', 'gk-course-complete', '::part(lessons)', '::part(progress)'],
  };
  const PRIVATE = ['attrs', 'open', 'loading', 'loadFailed', 'settings', 'handleClick', 'consentState', 'effectiveMode', 'preferences', 'progress', 'announcement', 'tracking', 'glmContent', 'ctaTracking', 'courseId'];
  for (const [tag, names] of Object.entries(PUBLIC)) {
    it(`${tag}'s docs page lists what a designer can set, once each, and nothing private`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}/iframe.html?id=widgets-${tag}--docs&viewMode=docs`);
      const table = page.locator('table.docblock-argstable').first();
      await table.waitFor();
      const listed = await table.locator('tbody tr td:first-child').evaluateAll((cells) => cells.map((c) => (c.querySelector('span')?.textContent ?? c.textContent ?? '').trim()));
      for (const name of names) assert.equal(listed.filter((n) => n === name).length, 1, `${name} once`);
      for (const name of PRIVATE) assert.ok(!listed.includes(name), `${name} is not listed`);
      await context.close();
    });
  }

  it("the Theme toolbar's Brand reaches the elements through the design tokens, and Locale ar mirrors the story", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/iframe.html?id=widgets-hand-raise-lead-button--primary&viewMode=story&globals=theme:brand;locale:ar`);
    const button = page.locator('hand-raise-lead-button').locator('button');
    await button.waitFor();
    const seen = await button.evaluate((b) => ({ background: getComputedStyle(b).backgroundColor, font: getComputedStyle(b).fontFamily, dir: getComputedStyle(b).direction }));
    assert.deepEqual(seen, { background: 'rgb(11, 110, 79)', font: 'Georgia, "Times New Roman", serif', dir: 'rtl' });
    await context.close();
  });

  const WIDTHS = [
    { name: 'desktop', width: 1280, height: 800 },
    { name: 'phone', width: 390, height: 844 },
  ];
  for (const story of stories) {
    it(`${story.id}: renders with no console error and no axe violation, and looks as its screenshots at ${WIDTHS.map((w) => w.width).join(' and ')} px`, async () => {
      const context = await browser.newContext({ viewport: WIDTHS[0] });
      const page = await context.newPage();
      const errors = recordErrors(page);
      // The a11y addon's own run is left to a person in Storybook: this test runs axe itself, below.
      await page.goto(`${server.url}/iframe.html?id=${story.id}&viewMode=story&globals=a11y.manual:!true`);
      // Wait until the story's render, including its play function, has finished.
      const phase = await page.waitForFunction(() => {
        const p = (window as unknown as { __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string } } }).__STORYBOOK_PREVIEW__?.currentRender?.phase;
        return p && ['finished', 'errored', 'aborted'].includes(p) ? p : false;
        // Checked every 20 ms: animation frames, the default, are throttled for a page in the background.
      }, undefined, { timeout: 15000, polling: 20 });
      assert.equal(await phase.jsonValue(), 'finished', 'story and play function finished');
      // And every widget's last update rendered.
      await page.evaluate(settled);
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
      const problems: string[] = [];
      for (const { name, width, height } of WIDTHS) {
        await page.setViewportSize({ width, height });
        await page.evaluate(settled);
        const shot = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
        const problem = compareWithBaseline(`${story.id.replace(/^widgets-/, '')}.${name}`, shot);
        if (problem) problems.push(problem);
      }
      assert.deepEqual(problems, [], 'the screenshots match their baselines');
      await context.close();
    });
  }
});

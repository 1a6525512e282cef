/**
 * Main-thread cost and layout shift, for `npm run bench`.
 * - Long tasks (> 50 ms) and total blocking time at 4× CPU throttling (CDP Emulation.setCPUThrottlingRate) in each
 *   phase of a visit: load, opening the lead form, submitting it, accepting consent, 60 s of video tracking; the
 *   median of 5 visits (the video in one).
 *   The page holds nothing but the kit and its three widgets, so what blocks is ours; the floor page (bare Lit
 *   elements) loads the same way for comparison.
 * - Cumulative layout shift (shifts without recent input) on the demo pages, from navigation to 2 s after every
 *   widget rendered, then through accepting consent where the page has a banner.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { allRendered, KIT_ELEMENTS, type Running } from '../test/e2e/harness.ts';

/** Installed before any page script: records long tasks and layout shifts from the very start. */
const OBSERVERS = `
  window.__longTasks = [];
  window.__shifts = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ start: e.startTime, value: e.value }); })
    .observe({ type: 'layout-shift', buffered: true });
`;

const ALL_RENDERED = allRendered(`${KIT_ELEMENTS}, floor-button, floor-gate, floor-tracker`);

interface Phase {
  name: string;
  tasks: number;
  tbt: number;
  longest: number;
}

export function flowsPage(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench flows</title>
<script src="/dist/growth-kit.js" data-endpoint="/api" async></script></head><body>
<hand-raise-lead-button glm-content="bench" fields="first_name last_name email company_name" first-name="Ada" last-name="Lovelace" email="ada@engines.example" company-name="Analytical Engines"></hand-raise-lead-button>
<consent-gate></consent-gate>
<course-progress-tracker course-id="bench-101" lessons='[{"id":"v","title":"Video","type":"video"}]'><video data-lesson-id="v" src="/media/lesson.webm" muted loop playsinline></video></course-progress-tracker>
</body></html>`;
}

async function tasksBetween(page: Page, from: number, to: number): Promise<Omit<Phase, 'name'>> {
  const tasks = (await page.evaluate('window.__longTasks')) as { start: number; duration: number }[];
  const inPhase = tasks.filter((t) => t.start >= from && t.start < to);
  return {
    tasks: inPhase.length,
    tbt: inPhase.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longest: Math.max(0, ...inPhase.map((t) => t.duration)),
  };
}

async function throttledPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVERS);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

const now = (page: Page) => page.evaluate('performance.now()') as Promise<number>;

/** Median by TBT: the row of the visit whose blocking time is the middle one. */
function medianRow(rows: Phase[]): Phase {
  return [...rows].sort((a, b) => a.tbt - b.tbt)[Math.floor(rows.length / 2)];
}

/**
 * Runs `visits` visits through every phase at 4× throttling (the video phase in the last visit only) and returns
 * a row per phase: the visit with the median blocking time, since one throttled visit on a shared machine jitters.
 */
export async function mainThread(browser: Browser, server: Running, videoSeconds: number, visits = 5): Promise<Phase[]> {
  const rows = new Map<string, Phase[]>();
  const add = (phase: Phase) => rows.set(phase.name, [...(rows.get(phase.name) ?? []), phase]);

  for (let visit = 0; visit < visits; visit++) {
    const run = async (name: string, page: Page, action: () => Promise<void>, settle = 1000) => {
      const from = await now(page);
      await action();
      await page.waitForTimeout(settle);
      add({ name, ...(await tasksBetween(page, from, await now(page))) });
    };

    const floor = await throttledPage(browser, `${server.url}/floor-3.html`);
    await floor.evaluate(ALL_RENDERED);
    await floor.waitForTimeout(1000);
    add({ name: 'load, bare Lit floor (same three places)', ...(await tasksBetween(floor, 0, await now(floor))) });
    await floor.context().close();

    const page = await throttledPage(browser, `${server.url}/flows.html`);
    await page.evaluate(ALL_RENDERED);
    await page.waitForTimeout(1000);
    add({ name: 'load (navigation to all rendered + 1 s)', ...(await tasksBetween(page, 0, await now(page))) });
    await run('open the lead form', page, async () => {
      await page.locator('hand-raise-lead-button button[part="button"]').click();
      await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
    });
    await run('submit the lead', page, async () => {
      await page.locator('hand-raise-lead-button [part="submit"]').click();
      await page.locator('hand-raise-lead-button .notice.success').waitFor();
      await page.keyboard.press('Escape');
    });
    await run('accept consent', page, async () => {
      await page.locator('consent-gate [part="accept"]').click();
      await page.locator('consent-gate [part="banner"]').waitFor({ state: 'detached' });
    });
    if (visit === visits - 1) {
      await run(`${videoSeconds} s of video tracking (one visit)`, page, async () => {
        await page.evaluate('document.querySelector("video").play()');
        await page.waitForTimeout(videoSeconds * 1000);
        await page.evaluate('document.querySelector("video").pause()');
      }, 500);
    }
    await page.context().close();
  }
  return [...rows.values()].map(medianRow);
}

/** CLS on a demo page: load to 2 s after every widget rendered, then accepting consent when a banner shows. */
export async function layoutShift(browser: Browser, server: Running, path: string): Promise<{ load: number; consent: number | null }> {
  const context = await browser.newContext();
  await context.addInitScript(OBSERVERS);
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.evaluate(ALL_RENDERED);
  await page.waitForTimeout(2000);
  const sum = async () => ((await page.evaluate('window.__shifts')) as { value: number }[]).reduce((s, e) => s + e.value, 0);
  const load = await sum();
  let consent: number | null = null;
  const accept = page.locator('consent-gate [part="accept"]');
  if (await accept.count()) {
    await accept.click();
    await page.waitForTimeout(1500);
    consent = (await sum()) - load;
  }
  await context.close();
  return { load, consent };
}

export function writeFlowsSite(dir: string, floorPage: (n: number) => string): void {
  writeFileSync(`${dir}/flows.html`, flowsPage());
  writeFileSync(`${dir}/floor-3.html`, floorPage(3));
}

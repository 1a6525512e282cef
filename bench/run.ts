/**
 * `npm run bench`: one table per run, side by side with the anchors, on this machine.
 * 1. Bytes: the kit's initial download and lazy chunks (gzip -9 / brotli 11) against the anchors built the same way.
 * 2. Start-up: headless Chromium, navigation to every widget rendered, 1 and 200 widgets (and 1 at 40 ms latency), against bare Lit
 *    elements served the same way (the floor); median of 11 fresh contexts.
 * 3. Main thread: long tasks and total blocking time at 4× CPU throttling through a visit (bench/main-thread.ts).
 * 4. Layout shift on the demo pages.
 * Byte budgets fail the run; timings are printed, not enforced (they jitter). BENCH_VIDEO_SECONDS (default 60)
 * sets the video-tracking phase.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launch, startServer, type Running } from '../test/e2e/harness.ts';
import { layoutShift, mainThread, writeFlowsSite } from './main-thread.ts';
import { measureAnchors } from './anchors.ts';
import { BUDGETS } from './budget-values.ts';
import { report } from './sizes.ts';

const kb = (n: number) => (n / 1024).toFixed(1);
const ratio = (a: number, b: number) => (a / b).toFixed(2);

async function bytes() {
  const ours = report();
  const anchors = await measureAnchors();
  console.log('\n## Bytes (KB, gzip -9 / brotli 11)\n');
  console.log('| what | gzip | brotli | ours/anchor (brotli) |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| **Growth Kit initial download, all three widgets** | ${kb(ours.initialTotal.gzip)} | ${kb(ours.initialTotal.brotli)} | |`);
  console.log(`| Growth Kit lazy chunks, ours (form, catalogs, outbox, course parts) | ${kb(ours.lazyOurs.gzip)} | ${kb(ours.lazyOurs.brotli)} | |`);
  console.log(`| Growth Kit lazy Segment (only after analytics consent) | ${kb(ours.lazySegment.gzip)} | ${kb(ours.lazySegment.brotli)} | |`);
  const labels: Record<string, string> = {
    lit: 'Lit alone',
    cookieconsent: 'vanilla-cookieconsent (JS+CSS)',
    typeform: '@typeform/embed popup (JS+CSS, before its iframe)',
    klaro: 'klaro',
    segment: '@segment/analytics-next at start-up',
    zod: 'full zod (one object schema)',
    'zod-mini': 'zod/mini (one object schema)',
  };
  for (const [name, size] of Object.entries(anchors)) {
    console.log(`| ${labels[name]} | ${kb(size.startup.gzip)} | ${kb(size.startup.brotli)} | ${ratio(ours.initialTotal.brotli, size.startup.brotli)} |`);
  }
  console.log(`| @segment/analytics-next with all chunks | ${kb(anchors.segment.all.gzip)} | ${kb(anchors.segment.all.brotli)} | |`);
  const over = [
    ours.initialTotal.brotli > BUDGETS.initialBrotli && `initial ${ours.initialTotal.brotli} B > ${BUDGETS.initialBrotli} B`,
    ours.lazyOurs.brotli > BUDGETS.lazyOursBrotli && `lazy ${ours.lazyOurs.brotli} B > ${BUDGETS.lazyOursBrotli} B`,
  ].filter(Boolean);
  console.log(`\nBudgets: initial ${ours.initialTotal.brotli} B of ${BUDGETS.initialBrotli} B brotli; our lazy ${ours.lazyOurs.brotli} B of ${BUDGETS.lazyOursBrotli} B.`);
  return over as string[];
}

async function site(): Promise<void> {
  mkdirSync('.tmp/bench-site', { recursive: true });
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      outDir: '.tmp/bench-site/floor',
      emptyOutDir: true,
      target: 'es2021',
      lib: { entry: { floor: 'bench/floor/floor.ts' }, formats: ['es'] },
      rolldownOptions: { output: { entryFileNames: '[name].js', minify: true } },
    },
  });
  const page = (n: number, kind: 'ours' | 'floor') => {
    const tags = kind === 'ours' ? ['hand-raise-lead-button glm-content="b"', 'consent-gate category="marketing" mode="gate"', 'course-progress-tracker course-id="c"'] : ['floor-button', 'floor-gate', 'floor-tracker'];
    const body = Array.from({ length: n }, (_, i) => {
      const t = tags[i % 3];
      return `<${t}></${t.split(' ')[0]}>`;
    }).join('\n');
    const script = kind === 'ours' ? '<script src="/dist/growth-kit.js" data-endpoint="/api" async></script>' : '<script type="module" src="/floor/floor.js"></script>';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>${script}</head><body>${body}</body></html>`;
  };
  for (const n of [1, 200]) for (const kind of ['ours', 'floor'] as const) writeFileSync(`.tmp/bench-site/${kind}-${n}.html`, page(n, kind));
  writeFlowsSite('.tmp/bench-site', (n) => page(n, 'floor'));
}

async function startup(browser: Browser, server: Running) {
  const measureOnce = async (path: string, latency = 0) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    if (latency) {
      const cdp = await context.newCDPSession(p);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
    }
    await p.goto(`${server.url}${path}`, { waitUntil: 'commit' });
    // A string, so the bundler's helpers (tsx adds __name) never reach the page.
    const ms = (await p.evaluate(`new Promise((resolve) => {
      const done = () => {
        const all = Array.from(document.body.children);
        return all.length > 0 && all.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
      };
      const tick = () => (done() ? resolve(performance.now()) : requestAnimationFrame(tick));
      tick();
    })`)) as number;
    await context.close();
    return ms;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log('\n## Start-up: navigation to every widget rendered (ms, median of 11 fresh contexts, headless Chromium)\n');
  console.log('| widgets | Growth Kit | bare Lit floor | ours/floor | target |');
  console.log('| --- | --- | --- | --- | --- |');
  // The last row adds 40 ms of latency to every request (CDP network emulation): a CDN far away, where each
  // sequential fetch costs a round trip.
  for (const [n, latency] of [[1, 0], [200, 0], [1, 40]]) {
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 11; i++) {
      ours.push(await measureOnce(`/ours-${n}.html`, latency));
      floor.push(await measureOnce(`/floor-${n}.html`, latency));
    }
    const o = median(ours);
    const f = median(floor);
    console.log(`| ${n}${latency ? `, ${latency} ms latency` : ''} | ${o.toFixed(0)} | ${f.toFixed(0)} | ${ratio(o, f)} | ${n === 200 ? '≤ 1.20' : ''} |`);
  }
}

async function threadAndShift(browser: Browser, server: Running) {
  const seconds = Number(process.env.BENCH_VIDEO_SECONDS ?? 60);
  console.log('\n## Main thread at 4× CPU throttling: long tasks (> 50 ms) and total blocking time, the visit with the median TBT of 5 (target: 0 long tasks)\n');
  console.log('| phase | long tasks | TBT (ms) | longest (ms) |');
  console.log('| --- | --- | --- | --- |');
  for (const p of await mainThread(browser, server, seconds)) {
    console.log(`| ${p.name} | ${p.tasks} | ${p.tbt.toFixed(0)} | ${p.tasks ? p.longest.toFixed(0) : '–'} |`);
  }
  console.log('\n## Layout shift caused by the kit on the demo pages (CLS, target 0)\n');
  console.log('| page | load (to 2 s after all rendered) | accepting consent |');
  console.log('| --- | --- | --- |');
  for (const path of ['/demo/marketing.html', '/demo/product.html', '/demo/academy.html']) {
    const { load, consent } = await layoutShift(browser, server, path);
    console.log(`| ${path.slice(6)} | ${load.toFixed(3)} | ${consent === null ? '(no banner)' : consent.toFixed(3)} |`);
  }
}

console.log(`# Growth Kit bench — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}`);
const over = await bytes();
await site();
const server = await startServer({
  static: { '/': '.tmp/bench-site', '/dist/': 'dist', '/media/': 'demo/media', '/demo/': 'demo' },
  segmentStandIn: '/segment',
});
const browser = await launch();
try {
  await startup(browser, server);
  await threadAndShift(browser, server);
} finally {
  await browser.close();
  await server.close();
}
if (over.length) {
  console.error(`\nBYTE BUDGET BROKEN: ${over.join('; ')}`);
  process.exit(1);
}

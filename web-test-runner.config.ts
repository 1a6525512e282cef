/**
 * Component and runtime tests in real browsers: Debian's Chromium and Firefox ESR (through WebDriver BiDi).
 * A real server/ instance on a fresh SQLite file is the endpoint the widgets post to; tests read what it stored.
 */
import type { Middleware } from '@web/dev-server-core';
import type { TestRunnerPlugin } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as puppeteer from 'puppeteer-core';
import { createApp } from './server/app.ts';
import { CHROMIUM, chromiumArgs, FIREFOX } from './test/browsers.ts';
import { segmentStandIn } from './server/segment-stand-in.ts';
import { requestLog, type RequestLog } from './test/request-log.ts';
import { GATED_SCRIPT, strictCsp, widgets } from './test/hostile/hosts.ts';

mkdirSync('.tmp', { recursive: true });
const dbFile = `.tmp/wtr-${process.pid}.sqlite`;
const { server } = createApp({ dbFile });
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
server.unref();
const segment = segmentStandIn().server;
await new Promise<void>((resolve) => segment.listen(0, '127.0.0.1', resolve));
segment.unref();
const segmentUrl = `http://127.0.0.1:${(segment.address() as AddressInfo).port}`;
process.on('exit', () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
});

const only = process.env.BROWSERS?.split(',');
const browsers = [
  chromeLauncher({ launchOptions: { executablePath: CHROMIUM, headless: true, args: chromiumArgs(true) } }),
  chromeLauncher({
    puppeteer: puppeteer as never,
    launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
  }),
].filter((_, i) => !only || only.includes(i === 0 ? 'chromium' : 'firefox'));

/**
 * The strict-CSP hosts for Firefox and Chromium alike (test/dist/hostile.test.ts): the hostile suite's host page
 * served with a Content-Security-Policy header (and Trusted Types with ?tt), with its gated script and video.
 */
const origin = new URL(endpoint).origin;
const cspHosts: Middleware = async (ctx, next) => {
  if (ctx.path === '/host/gated.js') {
    ctx.type = 'text/javascript';
    ctx.body = GATED_SCRIPT;
  } else if (ctx.path.startsWith('/media/')) {
    ctx.redirect(`/demo${ctx.path}`);
  } else if (ctx.path === '/host/csp.html') {
    const learner = `csp-${ctx.query.tt ? 'tt' : 'plain'}-${Date.now()}`;
    ctx.set('Content-Security-Policy', strictCsp(origin, Boolean(ctx.query.tt)));
    ctx.type = 'text/html';
    ctx.body = widgets(endpoint, learner, '<script src="/test/fixtures/hostile/watch.js"></script>');
  } else {
    await next();
  }
};

/**
 * The requests a test's page and its frames start, as the browser tells puppeteer (CDP in Chromium, WebDriver
 * BiDi in Firefox) when each starts: with it a test can tell that a request was never made, and wait until every
 * request made is answered. Commands (test/helpers.ts): requests-watch starts a fresh list, requests-started reads
 * it, requests-answered resolves once none is open.
 */
function requestLogPlugin(): TestRunnerPlugin {
  const logs = new WeakMap<puppeteer.Page, RequestLog>();
  const logOf = (page: puppeteer.Page): RequestLog => {
    let log = logs.get(page);
    if (!log) logs.set(page, (log = requestLog(page, undefined, (request) => request.url())));
    return log;
  };
  return {
    name: 'growth-kit:request-log',
    async executeCommand({ command, session }) {
      if (!command.startsWith('requests-')) return undefined;
      const log = logOf((session.browser as unknown as { getPage(id: string): puppeteer.Page }).getPage(session.id));
      if (command === 'requests-watch') log.started.length = 0;
      if (command === 'requests-started') return log.started;
      if (command === 'requests-answered') await log.answered();
      return true;
    },
  };
}

export default {
  files: ['test/runtime/**/*.test.ts', 'test/internal/**/*.test.ts', 'test/components/**/*.test.ts', 'test/dist/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  // One page at a time, one browser at a time: tests share the origin's storage, the endpoint and the Segment
  // stand-in, and each counts exactly what it caused.
  concurrency: 1,
  concurrentBrowsers: 1,
  browsers,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  middleware: [cspHosts],
  plugins: [
    requestLogPlugin(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021', define: { __GK_VERSION__: '"test"' } }),
  ],
  testFramework: { config: { timeout: 15000 } },
  testRunnerHtml: (testFramework: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><script>window.GK_TEST = ${JSON.stringify({ endpoint, segment: segmentUrl })};</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
};

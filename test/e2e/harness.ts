/** End-to-end harness: a real server/ instance on a fresh SQLite file, and Debian's Chromium driven by Playwright. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, type AppOptions, type Attempt, type Faults } from '../../server/app.ts';
import type { Forwarder } from '../../server/forwarding/forwarder.ts';
import type { Store } from '../../server/store/index.ts';
import { CHROMIUM, chromiumArgs } from '../browsers.ts';

export { requestLog } from '../request-log.ts';

export interface Running {
  url: string;
  store: Store;
  forwarder: Forwarder | null;
  faults: Faults;
  attempts: Attempt[];
  dbFile: string;
  close(): Promise<void>;
}

export async function startServer(options: Omit<AppOptions, 'dbFile'> = {}): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'gk-e2e-'));
  const dbFile = join(dir, 'growth-kit.sqlite');
  const { server, store, forwarder, faults, attempts, shutdown } = createApp({ dbFile, ...options });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    store,
    forwarder,
    faults,
    attempts,
    dbFile,
    close: async () => {
      await shutdown();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...chromiumArgs(), ...extraArgs], headless: true });
}

/** Collects console errors and uncaught exceptions of a page. */
export function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  return errors;
}

/** Polls `check` (a record on the server side, say) until it holds; fails naming `what` after `timeout` ms. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The rows of one kind, read from the SQLite file itself. */
export function rows(dbFile: string, kind: string): { idempotency_key: string; body: Record<string, unknown> }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    const found = db.prepare('SELECT idempotency_key, body FROM submissions WHERE kind = ? ORDER BY id').all(kind) as { idempotency_key: string; body: string }[];
    return found.map((r) => ({ idempotency_key: r.idempotency_key, body: JSON.parse(r.body) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

/**
 * The built kit's fixture pages (dist/, test/fixtures/, the demo's media) on a fresh server with its own SQLite
 * file, and Chromium: started before the suite that calls this, closed after it.
 */
export function fixtureSite(): { readonly server: Running; readonly browser: Browser } {
  const site = {} as { server: Running; browser: Browser };
  before(async () => {
    site.server = await startServer({
      static: { '/dist/': 'dist', '/fixtures/': 'test/fixtures', '/media/': 'demo/media', '/demo/media/': 'demo/media', '/stand-ins/': 'test/stand-ins' },
    });
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** The kit's elements, as a selector. */
export const KIT_ELEMENTS = 'hand-raise-lead-button, consent-gate, course-progress-tracker';

/**
 * A page script for `page.evaluate` that resolves once the page has elements of `selector` and each has rendered
 * into its shadow root (checked every frame).
 */
export const allRendered = (selector = KIT_ELEMENTS): string => `new Promise((resolve) => {
  const done = () => {
    const all = Array.from(document.querySelectorAll(${JSON.stringify(selector)}));
    return all.length > 0 && all.every((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0);
  };
  const tick = () => (done() ? resolve(true) : requestAnimationFrame(tick));
  tick();
})`;

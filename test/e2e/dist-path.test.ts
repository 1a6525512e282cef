/** dist/ copied to any folder (a CDN path) works: the loader and its lazy chunks resolve from the script's URL. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launch, recordErrors, startServer, type Running } from './harness.ts';

describe('dist/ served from a CDN-like path', () => {
  let server: Running;
  let browser: Browser;
  before(async () => {
    const host = mkdtempSync(join(tmpdir(), 'gk-host-'));
    mkdirSync(host, { recursive: true });
    writeFileSync(
      join(host, 'index.html'),
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Host</title>
       <script src="/cdn/growth-kit/0.1.0/growth-kit.js" data-endpoint="/api" async></script></head>
       <body><hand-raise-lead-button glm-content="cdn"></hand-raise-lead-button></body></html>`,
    );
    server = await startServer({ static: { '/': host, '/cdn/growth-kit/0.1.0/': 'dist' } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the kit, its German catalog and the lazy form from the CDN folder', async () => {
    const page = await browser.newPage();
    const errors = recordErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/`);
    const button = page.locator('hand-raise-lead-button button[part="button"]');
    await page.waitForFunction(() => document.querySelector('hand-raise-lead-button')?.shadowRoot?.textContent?.includes('Vertrieb kontaktieren'));
    await button.click();
    await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
    const ours = requested.filter((p) => p.endsWith('.js'));
    assert.ok(ours.length >= 3, ours.join(' '));
    for (const path of ours) assert.ok(path.startsWith('/cdn/growth-kit/0.1.0/'), path);
    assert.ok(ours.some((p) => /\/chunks\/lead-form-[\w-]+\.js$/.test(p)));
    assert.deepEqual(errors, []);
  });

  it('asks for the core chunk alongside growth-kit.main.js, not after it arrived (one round trip, not two)', async () => {
    const page = await browser.newPage();
    const errors = recordErrors(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()!));
    // The main module is held back until the core chunk is asked for (5 s at most): if the loader waited for the
    // main module before asking for the core chunk, it never comes while the main module is held.
    let coreBeforeMain: boolean | null = null;
    await page.route('**/growth-kit.main.js', async (route) => {
      const core = /\/core-[\w-]+\.js$/;
      coreBeforeMain =
        requested.some((name) => core.test(`/${name}`)) ||
        (await page.waitForRequest(core, { timeout: 5000 }).then(
          () => true,
          () => false,
        ));
      await route.continue();
    });
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => Boolean(document.querySelector('hand-raise-lead-button')?.shadowRoot?.childElementCount));
    assert.equal(coreBeforeMain, true, requested.join(' '));
    assert.deepEqual(errors, []);
    await page.close();
  });
});

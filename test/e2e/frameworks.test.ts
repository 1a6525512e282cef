/**
 * The kit inside real framework builds: a React 19 and a Vue 3 app (test/frameworks/), built here with Vite from
 * the package's npm entries (its `exports`), served with the reference endpoint and driven in Chromium. Each checks
 * what those frameworks do to custom elements: JSX and Vue give a <template> DOM children, a false boolean arrives
 * as `false` (React) or small="false" (Vue), an object arrives as a property, and the kit's events reach the app.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launch, recordErrors, rows, startServer, type Running } from './harness.ts';

const FRAMEWORKS = ['react', 'vue'] as const;

describe('the kit in React 19 and Vue 3 apps', () => {
  let server: Running;
  let browser: Browser;

  before(async () => {
    for (const name of FRAMEWORKS) {
      await build({
        configFile: false,
        root: resolve('test/frameworks', name),
        base: `/${name}/`,
        logLevel: 'warn',
        // Vue's bundler build asks for its feature flags.
        define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
        build: { outDir: resolve('.tmp/frameworks', name), emptyOutDir: true, minify: false },
      });
    }
    server = await startServer({ static: { '/react/': '.tmp/frameworks/react', '/vue/': '.tmp/frameworks/vue' } });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const name of FRAMEWORKS) {
    it(`${name}: the template is stamped after consent, small=false renders the normal button, objects and events arrive, a lead is stored`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(`${server.url}/${name}/index.html`);
      const button = page.locator('hand-raise-lead-button button[part="button"]');
      await button.waitFor();
      assert.equal(await button.evaluate((b) => b.classList.contains('small')), false, 'the normal size');
      assert.equal(await page.locator('hand-raise-lead-button').evaluate((el) => (el as unknown as { small: boolean }).small), false);
      assert.deepEqual(
        await page.locator('hand-raise-lead-button').evaluate((el) => (el as unknown as { settings: { ctaTracking: unknown } }).settings.ctaTracking),
        { action: 'click_button', label: name },
      );
      // Before consent the gated copy is nowhere on the page, not even as a live child of the template.
      assert.equal(await page.locator('#gated').count(), 0);
      await page.locator('consent-gate [part="accept"]').click();
      await page.locator('consent-gate #gated').waitFor();
      await button.click();
      await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
      for (const [field, value] of Object.entries({ first_name: 'Fra', last_name: 'Mework', email: `${name}@frameworks.example`, company_name: name })) {
        await page.locator(`hand-raise-lead-button [name="${field}"]`).fill(value);
      }
      await page.locator('hand-raise-lead-button [name="company_size"]').selectOption('1-99');
      await page.locator('hand-raise-lead-button [name="country"]').selectOption('DE');
      await page.locator('hand-raise-lead-button [part="submit"]').click();
      await page.locator('hand-raise-lead-button .notice.success').waitFor();
      const events = (await page.evaluate('window.__events')) as { type: string; detail: { glmContent: string } }[];
      assert.deepEqual(events.map((e) => [e.type, e.detail.glmContent]), [
        ['gk-lead-form-open', `${name}-app`],
        ['gk-lead-submitted', `${name}-app`],
      ]);
      assert.equal(rows(server.dbFile, 'hand_raise_lead').filter((r) => r.body.email === `${name}@frameworks.example`).length, 1);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

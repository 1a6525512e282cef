/**
 * The kit inside real framework builds: a React 19 and a Vue 3 app (test/frameworks/), built here with Vite from
 * the package's npm entries (its `exports`), served with the reference endpoint and driven in Chromium. Each checks
 * what those frameworks do to custom elements: JSX and Vue give a <template> DOM children, a false boolean arrives
 * as `false` (React) or small="false" (Vue), an object arrives as a property, and the kit's events reach the app.
 * A third page bundles the npm entries and adds the script tag too, in either order: one runtime for the page.
 */
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launch, recordErrors, rows, startServer, type Running } from './harness.ts';

const FRAMEWORKS = ['react', 'vue'] as const;
/** Built like the apps: a page with the kit from npm in its bundle and from the script tag (test/frameworks/mixed). */
const APPS = [...FRAMEWORKS, 'mixed'] as const;

describe('the kit in React 19 and Vue 3 apps, and beside the script tag', () => {
  let server: Running;
  let browser: Browser;

  before(async () => {
    for (const name of APPS) {
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
    server = await startServer({
      static: { '/react/': '.tmp/frameworks/react', '/vue/': '.tmp/frameworks/vue', '/mixed/': '.tmp/frameworks/mixed', '/dist/': 'dist' },
    });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const name of FRAMEWORKS) {
    it(`${name}: the template is stamped after consent, small=false renders the normal button, objects, numbers and events arrive, a lead and progress are stored`, async () => {
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
      // The tracker's ids were bound as numbers; its progress is stored under them, as text.
      const courseId = name === 'react' ? '4242' : '4343';
      const stored = () => rows(server.dbFile, 'course_progress').filter((r) => r.body.course_id === courseId && r.body.user_id === '7');
      const posted = page.waitForResponse((r) => r.url().endsWith('/api/course-progress') && stored().length === 3, { timeout: 10_000 }).catch(() => undefined);
      await page.evaluate(`document.querySelector('course-progress-tracker').reportQuiz('q1', { score: 9, max: 10 })`);
      await posted;
      assert.deepEqual(stored().map((r) => r.body.event).sort(), ['completed', 'course_completed', 'passed']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  for (const order of ['npm-first', 'script-tag-first'] as const) {
    it(`npm entries and the script tag on one page (${order}): one consent, one set of settings, one subscriber per change`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(`${server.url}/mixed/index.html?order=${order === 'npm-first' ? 'npm-first' : 'script-first'}`);
      await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);
      type Kit = { consent: { has(c: string): boolean; set(c: Record<string, boolean>): void }; getConfig(): { endpoint?: string }; HandRaiseLeadButton: unknown };
      type Win = { __npm: Kit; __consentChanges: number; GrowthKit: Kit };
      // Which copy defined the button: the app's when it came first, the script tag's otherwise.
      const appsButton = await page.evaluate(() => customElements.get('hand-raise-lead-button') === (window as unknown as Win).__npm.HandRaiseLeadButton);
      assert.equal(appsButton, order === 'npm-first');
      // Accept on the script tag's banner: the app's copy sees it, and the page hears of it once.
      await page.locator('consent-gate [part="accept"]').click();
      await page.locator('consent-gate #gated').waitFor();
      assert.equal(await page.evaluate(() => (window as unknown as Win).__npm.consent.has('marketing')), true, "the app's copy saw Accept");
      assert.equal(await page.evaluate(() => (window as unknown as Win).__consentChanges), 1);
      // Withdrawn through the app's copy: the script tag's gate removes its content.
      await page.evaluate(() => (window as unknown as Win).__npm.consent.set({ marketing: false }));
      await page.locator('consent-gate #gated').waitFor({ state: 'detached' });
      assert.equal(await page.evaluate(() => (window as unknown as Win).GrowthKit.consent.has('marketing')), false);
      assert.equal(await page.evaluate(() => (window as unknown as Win).__consentChanges), 2);
      // The app configured the endpoint; the page-wide settings are one, whichever copy defined the button.
      assert.equal(await page.evaluate(() => (window as unknown as Win).GrowthKit.getConfig().endpoint), '/api');
      await page.locator('hand-raise-lead-button button[part="button"]').click();
      await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
      for (const [field, value] of Object.entries({ first_name: 'Mix', last_name: 'Ed', email: `${order}@mixed.example`, company_name: 'Mixed' })) {
        await page.locator(`hand-raise-lead-button [name="${field}"]`).fill(value);
      }
      await page.locator('hand-raise-lead-button [name="company_size"]').selectOption('1-99');
      await page.locator('hand-raise-lead-button [name="country"]').selectOption('DE');
      await page.locator('hand-raise-lead-button [part="submit"]').click();
      await page.locator('hand-raise-lead-button .notice.success').waitFor();
      assert.equal(rows(server.dbFile, 'hand_raise_lead').filter((r) => r.body.email === `${order}@mixed.example`).length, 1);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

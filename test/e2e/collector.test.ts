/**
 * The collector as a new user tries it: `npm start`'s own entry (server/index.ts) in demo mode, on SQLite and then
 * on PostgreSQL (DATABASE_URL, a cluster of the test's own). A lead submitted on the product demo reaches the
 * HubSpot and Salesforce stand-ins, mapped; with HubSpot stopped a second lead waits, and arrives once when it
 * is started again; /admin shows both leads, their delivery history and the charts, keyboard-reachable and
 * axe-clean. Every wait is for a signal (a line the process prints, a stand-in's record, the dashboard's state).
 */
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { freePort, startCollectorProcess } from '../server/collector-process.ts';
import { startPostgres, type Cluster } from '../server/postgres.ts';
import { launch, recordErrors } from './harness.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TOKEN = 'collector-e2e-token';

interface Collector {
  url: string;
  standIns: string;
  stop(): Promise<void>;
}

/** server/index.ts as `npm start` runs it, in demo mode, with the stand-ins on a port of the test's choosing. */
async function startCollector(env: Record<string, string>): Promise<Collector> {
  const standInsPort = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gk-collector-'));
  const collector = await startCollectorProcess({ STAND_INS_PORT: String(standInsPort), DB_FILE: join(dir, 'db.sqlite'), ADMIN_TOKEN: TOKEN, ...env });
  return {
    url: collector.url,
    standIns: `http://127.0.0.1:${standInsPort}`,
    stop: () => collector.stop().then(() => rmSync(dir, { recursive: true, force: true })),
  };
}

interface Received {
  standIn: string;
  status: number;
  key: string;
  body: Record<string, unknown>;
}

/** Waits until the stand-ins' record satisfies `done` (asked every 100 ms, for at most 20 s). */
async function received(c: Collector, done: (all: Received[]) => boolean): Promise<Received[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const all = (await (await fetch(`${c.standIns}/__recorded`)).json()) as Received[];
    if (done(all)) return all;
    if (Date.now() > deadline) throw new Error(`the stand-ins never got there: ${JSON.stringify(all.map((r) => [r.standIn, r.status, r.key]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function submitLead(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/product.html?utm_source=newsletter&utm_campaign=spring`);
  await page.locator('hand-raise-lead-button button[part="button"]').click();
  await page.locator('hand-raise-lead-button dialog[open]').waitFor();
  await page.locator('hand-raise-lead-button [name="email"]').fill(email);
  await page.locator('hand-raise-lead-button [name="company_size"]').selectOption('500-1,999');
  await page.locator('hand-raise-lead-button [name="country"]').selectOption('DE');
  await page.locator('hand-raise-lead-button [part="submit"]').click();
  await page.locator('hand-raise-lead-button .notice.success').waitFor();
}

const delivered = (all: Received[], standIn: string, email: string) => all.filter((r) => r.standIn === standIn && r.status === 200 && r.key.startsWith(email));

for (const store of ['SQLite', 'PostgreSQL'] as const) {
  describe(`npm start's collector on ${store}`, () => {
    let browser: Browser;
    let cluster: Cluster | null = null;
    let collector: Collector;
    before(async () => {
      if (store === 'PostgreSQL') cluster = await startPostgres();
      collector = await startCollector(cluster ? { DATABASE_URL: cluster.url } : {});
      browser = await launch();
    });
    after(async () => {
      await browser?.close();
      await collector?.stop();
      cluster?.stop();
    });

    it('a lead from the product demo reaches HubSpot and Salesforce mapped; with HubSpot stopped the next waits and arrives once', async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = recordErrors(page);
      await submitLead(page, collector.url, 'first@analytical-engines.example');
      const all = await received(collector, (r) => delivered(r, 'hubspot', 'first@').length > 0 && delivered(r, 'salesforce', 'first@').length > 0);
      const hubspot = delivered(all, 'hubspot', 'first@')[0].body as unknown as { fields: { name: string; value: string }[]; context: { pageUri: string; pageName: string } };
      const value = (name: string) => hubspot.fields.find((f) => f.name === name)?.value;
      assert.deepEqual(
        ['email', 'firstname', 'lastname', 'company', 'numemployees', 'country', 'utm_source', 'utm_campaign', 'glm_content'].map(value),
        ['first@analytical-engines.example', 'Ada', 'Lovelace', 'Analytical Engines', '500-1,999', 'DE', 'newsletter', 'spring', 'billing-upgrade'],
      );
      assert.match(hubspot.context.pageUri, /\/product\.html\?utm_source=newsletter/, 'the page, with the query HubSpot reads campaigns from');
      const salesforce = delivered(all, 'salesforce', 'first@')[0].body as Record<string, string>;
      assert.deepEqual([salesforce.oid, salesforce.email, salesforce.company, salesforce.lead_source], ['00D000000000DEM', 'first@analytical-engines.example', 'Analytical Engines', 'Web']);

      await fetch(`${collector.standIns}/__faults/hubspot`, { method: 'POST', body: JSON.stringify({ mode: 'down' }) });
      await submitLead(page, collector.url, 'second@analytical-engines.example');
      // Salesforce has it; HubSpot's job waits, tried again (the dashboard's API says so).
      await received(collector, (r) => delivered(r, 'salesforce', 'second@').length > 0);
      const auth = { Authorization: `Bearer ${TOKEN}` };
      for (let tries = 0; ; tries++) {
        const { jobs } = (await (await fetch(`${collector.url}/admin/api/jobs?destination=hubspot`, { headers: auth })).json()) as { jobs: { idempotency_key: string; attempts: number; state: string; last_status: number }[] };
        if (jobs.some((j) => j.state === 'pending' && j.attempts >= 2 && j.last_status === 0)) break;
        assert.ok(tries < 200, JSON.stringify(jobs));
        await new Promise((r) => setTimeout(r, 100));
      }
      await fetch(`${collector.standIns}/__faults/hubspot`, { method: 'POST', body: 'null' });
      const after = await received(collector, (r) => delivered(r, 'hubspot', 'second@').length > 0);
      assert.equal(delivered(after, 'hubspot', 'second@').length, 1, 'delivered once');
      assert.equal(delivered(after, 'hubspot', 'first@').length, 1, 'the first lead was not sent again');
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('/admin: no access without the token; with it, both leads, their delivery history and the charts, axe-clean', async () => {
      assert.equal((await fetch(`${collector.url}/admin`)).status, 401);
      assert.equal((await fetch(`${collector.url}/admin/api/stats`, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
      const replay = await fetch(`${collector.url}/admin/api/replay?destination=hubspot`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(replay.status, 403, 'a change needs the admin header a cross-site form cannot send');

      const context = await browser.newContext({ httpCredentials: { username: 'admin', password: TOKEN } });
      const page = await context.newPage();
      const errors = recordErrors(page);
      await page.goto(`${collector.url}/admin`);
      await page.locator('gk-admin figure.chart figcaption', { hasText: 'Leads per day by placement' }).waitFor();
      assert.match(await page.locator('gk-admin figure.chart').first().innerText(), /billing-upgrade/);
      assert.match(await page.locator('gk-admin section.card', { hasText: 'Delivery by destination' }).innerText(), /hubspot\s+2\s+0\s+0/);

      // Keyboard only: to the Leads tab, then a lead's history.
      await page.locator('gk-admin [role="tab"][aria-selected="true"]').focus();
      await page.keyboard.press('ArrowRight');
      await page.locator('gk-admin [role="tab"][aria-selected="true"]', { hasText: 'Leads' }).waitFor();
      const rows = page.locator('gk-admin tbody tr');
      await rows.filter({ hasText: 'second@analytical-engines.example' }).waitFor();
      assert.equal(await rows.count(), 2);
      await rows.filter({ hasText: 'second@' }).getByRole('button', { name: /History/ }).press('Enter');
      const dialog = page.locator('gk-admin dialog[open]');
      await dialog.waitFor();
      const history = await dialog.locator('tbody').innerText();
      for (const destination of ['hubspot', 'salesforce', 'marketo', 'segment', 'webhook']) assert.match(history, new RegExp(`${destination}\\s+delivered`));
      assert.match(history, /hubspot\s+delivered\s+[2-9]/, 'HubSpot took more than one attempt');

      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(el: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      });
      assert.deepEqual(violations, []);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });

      const csv = await page.evaluate(async () => (await fetch('/admin/export.csv?kind=hand_raise_lead')).text());
      assert.equal(csv.trim().split('\r\n').length, 3, 'a header and two leads');
      assert.match(csv, /"second@analytical-engines.example"/);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
}

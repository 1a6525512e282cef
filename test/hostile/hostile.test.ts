/**
 * `npm run test:hostile`: the built kit on hostile host pages (Playwright + Debian's Chromium). Every host must
 * let every flow work (consent accept with a gated script, open and submit the lead form, course progress), with
 * zero CSP violations, zero uncaught errors, and the widgets' key boxes within ±1 px of a neutral page.
 */
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { allRendered, launch, requestLog, rows, startServer, type Running } from '../e2e/harness.ts';
import { HOSTILE_STORAGE, POLLUTED, SITE, strictCsp, WATCH, writeSite } from './hosts.ts';

const ALL_RENDERED = allRendered();

type Boxes = Record<string, [number, number]>;

function box(page: Page, host: string, selector: string): Promise<[number, number]> {
  return page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(host)}).shadowRoot.querySelector(${JSON.stringify(selector)});
    const r = el.getBoundingClientRect();
    return [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10];
  })()`) as Promise<[number, number]>;
}

/** A copy of dist/ whose version string differs: a second, different build of the kit. */
function secondBuild(): void {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  rmSync('.tmp/dist-v2', { recursive: true, force: true });
  cpSync('dist', '.tmp/dist-v2', { recursive: true });
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      // The minifier writes the version as a template literal.
      else if (path.endsWith('.js')) writeFileSync(path, readFileSync(path, 'utf8').replaceAll(`\`${version}\``, `\`${version}-other-build\``));
    }
  };
  walk('.tmp/dist-v2');
}

describe('hostile hosts', () => {
  let api: Running;
  let site: Running;
  let browser: Browser;
  /** The neutral page's visit, made in `before`: every host compares its boxes with it, in whatever order they run. */
  let neutral: Awaited<ReturnType<typeof visit>>;

  before(async () => {
    api = await startServer();
    writeSite(`${api.url}/api`, ' data-segment-write-key="hostile" data-segment-cdn-url="/segment" data-segment-api-host="/segment/v1"');
    secondBuild();
    site = await startServer({
      static: { '/dist/': 'dist', '/dist-v2/': '.tmp/dist-v2', '/host/': SITE, '/media/': 'demo/media', '/nm/': 'node_modules' },
      segmentStandIn: '/segment',
      staticHeaders: (path): Record<string, string> =>
        path === '/host/csp.html'
          ? { 'Content-Security-Policy': strictCsp(api.url) }
          : path === '/host/trusted-types.html'
            ? { 'Content-Security-Policy': strictCsp(api.url, true) }
            : {},
    });
    browser = await launch();
    neutral = await visit('neutral');
    await neutral.page.context().close();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    await api?.close();
  });

  const leads = () => rows(api.dbFile, 'hand_raise_lead').filter((r) => r.body.glm_content === 'hostile').length;
  const progress = () => rows(api.dbFile, 'course_progress').filter((r) => r.body.course_id === 'hostile-101').length;

  /** Opens a host page in a fresh context and runs every flow; returns the key boxes and what went wrong. */
  async function visit(name: string, init = ''): Promise<{ boxes: Boxes; errors: string[]; warnings: string[]; page: Page }> {
    const context = await browser.newContext();
    await context.addInitScript(WATCH + init);
    const page = await context.newPage();
    const errors: string[] = [];
    const warnings: string[] = [];
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'warning' && m.text().includes('[growth-kit]')) warnings.push(m.text());
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${site.url}/host/${name}.html`);
    await page.evaluate(ALL_RENDERED);
    const boxes: Boxes = {
      button: await box(page, 'hand-raise-lead-button', 'button[part="button"]'),
      banner: await box(page, 'consent-gate#banner', '[part="banner"]'),
      placeholder: await box(page, 'consent-gate#gate', '[part="placeholder"]'),
      tracker: await box(page, 'course-progress-tracker', '.card'),
    };
    // Consent: Accept stamps the gated template, and its script runs once.
    await page.locator('consent-gate#banner [part="accept"]').click();
    await page.locator('consent-gate#gate #gated').waitFor();
    // A function, not a string: Playwright evaluates a string predicate again on every poll, which a CSP without
    // 'unsafe-eval' refuses once the first check (run through DevTools) came out false.
    await page.waitForFunction(() => (window as unknown as { __gatedRan?: number }).__gatedRan === 1);
    // The lead form: open, measure, submit.
    const leadsBefore = leads();
    await page.locator('hand-raise-lead-button button[part="button"]').click();
    await page.locator('hand-raise-lead-button dialog[open] form').waitFor();
    boxes.dialog = await box(page, 'hand-raise-lead-button', 'dialog');
    await page.locator('hand-raise-lead-button [part="submit"]').click();
    await page.locator('hand-raise-lead-button .notice.success').waitFor({ timeout: 15_000 });
    assert.equal(leads(), leadsBefore + 1, `${name}: one lead stored`);
    await page.keyboard.press('Escape');
    // Course progress: watch past 25 %.
    const progressBefore = progress();
    // Each post's answer is the signal: the endpoint answers once the row is stored.
    const posted = page
      .waitForResponse((r) => r.url().includes('/course-progress') && progress() >= progressBefore + 2, { timeout: 10_000 })
      .catch(() => undefined);
    await page.evaluate(`(async () => {
      const video = document.querySelector('video');
      await video.play();
      await new Promise((r) => { const tick = () => (video.currentTime >= 2 ? r() : requestAnimationFrame(tick)); tick(); });
      video.pause();
    })()`);
    await posted;
    assert.ok(progress() >= progressBefore + 2, `${name}: course progress posted (started, 25 %)`);
    errors.push(...((await page.evaluate('window.__errors')) as string[]));
    const violations = (await page.evaluate('window.__violations')) as string[];
    errors.push(...violations.map((v) => `CSP violation: ${v}`));
    return { boxes, errors, warnings, page };
  }

  function sameBoxes(name: string, boxes: Boxes): void {
    for (const [key, [w, h]] of Object.entries(neutral.boxes)) {
      const [w2, h2] = boxes[key];
      assert.ok(Math.abs(w - w2) <= 1 && Math.abs(h - h2) <= 1, `${name}: ${key} is ${w2}×${h2}, neutral ${w}×${h}`);
    }
  }

  it('neutral page: every flow works (the reference for box sizes)', () => {
    assert.deepEqual(neutral.errors, []);
    assert.deepEqual(neutral.warnings, []);
  });

  const hosts: [string, string, string][] = [
    ['csp', "1. CSP default-src 'self'; script-src 'self'; style-src 'self' (no unsafe-inline, no unsafe-eval)", ''],
    ['trusted-types', "2. the same CSP plus require-trusted-types-for 'script' (policies: lit-html, growth-kit)", ''],
    ['twice', '3a. the kit included twice, classic and module', ''],
    ['two-versions', '3b. two builds with different version strings', ''],
    ['other-lit', "4. the host's own Lit already loaded", ''],
    ['polluted', '5. Prototype.js-style built-ins (Array.from, Object.assign, JSON.stringify, Promise, Array#toJSON) and Object.prototype.foo', POLLUTED],
    ['css', '6. hostile CSS: html{font-size:10px}, *{box-sizing:content-box!important;font-family:cursive!important}, button{all:unset}, dialog{display:none}', ''],
    ['storage', '10. cookies disabled, localStorage throwing, sessionStorage missing', HOSTILE_STORAGE],
  ];
  for (const [name, title, init] of hosts) {
    it(title, async () => {
      const { boxes, errors, warnings, page } = await visit(name, init);
      assert.deepEqual(errors, []);
      sameBoxes(name, boxes);
      if (name === 'twice' || name === 'two-versions') {
        assert.ok(warnings.length <= 1, `at most one warning: ${JSON.stringify(warnings)}`);
        if (name === 'two-versions') assert.match(warnings[0] ?? '', /is already defined by Growth Kit .*; this copy .* is not used/);
      } else {
        assert.deepEqual(warnings, []);
      }
      if (name === 'other-lit') assert.equal(await page.evaluate(`document.querySelector('host-card').shadowRoot.textContent.trim()`), "host's own Lit");
      if (name === 'polluted') {
        const stored = (await page.evaluate('localStorage.getItem("gk_outbox")')) as string | null;
        assert.ok(stored === null || stored.startsWith('['), `the outbox is stored as a JSON array: ${stored?.slice(0, 40)}`);
        // Object.prototype.foo is the page's, not an attribute of ours.
        const observed = await page.evaluate(`['hand-raise-lead-button', 'consent-gate', 'course-progress-tracker'].flatMap((tag) => customElements.get(tag).observedAttributes)`);
        assert.ok(!(observed as string[]).includes('foo'), 'an enumerable Object.prototype key became an observed attribute');
      }
      await page.context().close();
    });
  }

  const PAYLOADS = [
    '<script>window.__xss=1</script>',
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload=window.__xss=1>',
    "'><iframe src=javascript:parent.__xss=1>",
    '" onfocus="window.__xss=1" autofocus="',
    "' onmouseover='window.__xss=1",
    '` onmouseover=window.__xss=1 `',
    'javascript:window.__xss=1',
    'JaVaScRiPt:window.__xss=1',
    ' javascript:window.__xss=1',
    'java\tscript:window.__xss=1',
    'data:text/html,<script>parent.__xss=1</script>',
    'data:image/svg+xml,<svg onload=parent.__xss=1>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'about:blank',
    'blob:https://evil.example/1',
    '//evil.example/x',
    'http://',
    'https://evil.example/"><script>window.__xss=1</script>',
    '<a href="javascript:window.__xss=1">x</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
    '<!--<img src=x onerror=window.__xss=1>-->',
    '<template><script>window.__xss=1</script></template>',
    '<style>*{display:none}</style>',
    '%3Cscript%3Ewindow.__xss=1%3C/script%3E',
    '&lt;script&gt;window.__xss=1&lt;/script&gt;',
    '${window.__xss=1}',
    '{{constructor.constructor("window.__xss=1")()}}',
    '{"action":"<img src=x onerror=window.__xss=1>","label":"javascript:window.__xss=1"}',
    '[{"id":"<img src=x onerror=window.__xss=1>","title":"<script>window.__xss=1</script>","type":"video"}]',
    '{"analytics":{"title":"<img src=x onerror=window.__xss=1>","description":"<script>window.__xss=1</script>"}}',
    '{"C0002":"<img src=x onerror=window.__xss=1>"}',
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '__proto__',
    'constructor',
    '{"a":',
    '[',
    '{}',
    '[]',
    'null',
    'true',
    '1e999',
    '-1',
    'NaN',
    '\u202e\u2066evil\u2069 txt.exe',
    '\u0000\u0001\u0002',
    '\r\n\r\n<script>window.__xss=1</script>',
    '🙂'.repeat(2000),
    'x'.repeat(1_000_000),
  ];

  it(`7. XSS: ${PAYLOADS.length} payloads in every attribute of every widget; nothing executes; non-http(s) URLs are refused with a warning`, async () => {
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[] };
    const attributes: Record<string, string[]> = {};
    for (const m of manifest.modules) for (const d of m.declarations ?? []) if (d.tagName) attributes[d.tagName] = (d.attributes ?? []).map((a) => a.name);
    const { page, errors: flowErrors } = await visit('xss');
    assert.deepEqual(flowErrors, []);
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    const requests = requestLog(page);
    const fuzzed = (await page.evaluate(
      `(async ({ attributes, payloads }) => {
        let sets = 0;
        for (const [tag, names] of Object.entries(attributes)) {
          for (const name of names) {
            const el = document.createElement(tag);
            if (tag === 'consent-gate' && name !== 'mode') el.setAttribute('mode', 'banner');
            document.body.append(el);
            for (const payload of payloads) {
              el.setAttribute(name, payload);
              await el.updateComplete;
              sets++;
              if (!el.shadowRoot || el.shadowRoot.querySelector('script, [onerror], [onload], [onfocus], [onmouseover], iframe, a[href^="javascript" i], a[href^="data:" i]')) return { sets, bad: tag + ' ' + name + ' ' + payload.slice(0, 60) };
            }
            el.remove();
          }
        }
        return { sets };
      })` + `(${JSON.stringify({ attributes, payloads: PAYLOADS })})`,
    )) as { sets: number; bad?: string };
    // What a payload could still set off comes after the loop: a lazy part an element asked for (a request), an
    // image that fails to load, a javascript: frame (an SVG's onload runs as it is inserted, or never). Once every
    // request is answered and a control sink of each kind, added after the last payload, has run, any payload's
    // had its turn before it.
    await requests.answered();
    await page.evaluate(`new Promise((resolve) => {
      let left = 2;
      window.__control = () => --left || resolve();
      const box = document.createElement('div');
      box.innerHTML = '<img src="x" onerror="__control()"><iframe src="javascript:parent.__control()"></iframe>';
      document.body.append(box);
    })`);
    const result = {
      ...fuzzed,
      ...((await page.evaluate('({ xss: window.__xss, polluted: ({}).polluted, errors: window.__errors })')) as { xss?: unknown; polluted?: unknown; errors: string[] }),
    };
    assert.equal(result.bad, undefined, `dangerous markup rendered: ${result.bad}`);
    assert.equal(result.xss, undefined, 'a payload executed');
    assert.equal(result.polluted, undefined, 'a payload polluted Object.prototype');
    assert.deepEqual(result.errors, []);
    const total = Object.values(attributes).reduce((n, a) => n + a.length, 0);
    assert.equal(result.sets, total * PAYLOADS.length);
    assert.ok(PAYLOADS.length >= 50);
    for (const attribute of ['privacy-policy-url']) {
      assert.ok(warnings.some((w) => w.includes(`<consent-gate> ${attribute}: is not an http(s) URL`)), `${attribute} refused with a warning`);
    }
    await page.context().close();
  });

  it('7b. a javascript: endpoint and a javascript: badge_url are refused: the lead goes to the page-wide endpoint, no badge is shown', async () => {
    const { page } = await visit('refusals');
    const warnings: string[] = [];
    page.on('console', (m) => void (m.type() === 'warning' && warnings.push(m.text())));
    const before = leads();
    await page.evaluate(`(() => {
      const b = document.createElement('hand-raise-lead-button');
      for (const [k, v] of Object.entries({ 'glm-content': 'hostile', endpoint: 'javascript:window.__xss=1', fields: 'email', email: 'x@hostile-corp.example', id: 'js-endpoint' })) b.setAttribute(k, v);
      document.body.append(b);
    })()`);
    await page.locator('#js-endpoint button[part="button"]').click();
    await page.locator('#js-endpoint [part="submit"]').click();
    await page.locator('#js-endpoint .notice.success').waitFor();
    assert.equal(leads(), before + 1);
    assert.ok(warnings.some((w) => w.includes('<hand-raise-lead-button> endpoint: "javascript:window.__xss=1" is not an http(s) URL')));
    api.faults.refuse = { status: 201, until: Date.now() + 10_000, body: { ok: true, badge_url: 'javascript:window.__xss=1' } };
    // gk-course-complete comes after the endpoint's answer (and its badge_url) was read.
    const detail = (await page.evaluate(`new Promise((resolve) => {
      const tracker = document.querySelector('course-progress-tracker');
      tracker.addEventListener('gk-course-complete', (e) => resolve(e.detail), { once: true });
      tracker.complete('v');
    })`)) as { badgeUrl: string | null };
    delete api.faults.refuse;
    assert.equal(detail.badgeUrl, null);
    await page.locator('course-progress-tracker .complete').waitFor();
    assert.equal(await page.locator('course-progress-tracker img[part="badge"]').count(), 0);
    assert.equal(await page.evaluate('window.__xss'), undefined);
    await page.context().close();
  });

  it('8. personal data: no form value in any URL or in anything sent to the analytics host', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: { url: string; body: string }[] = [];
    page.on('request', (r) => requests.push({ url: r.url(), body: r.postData() ?? '' }));
    await page.goto(`${site.url}/host/segment.html`);
    const tracked = page
      .waitForRequest((r) => r.url().includes('/segment/v1/t') && (r.postData() ?? '').includes('Hand Raise Form Submitted'), { timeout: 10_000 })
      .catch(() => undefined);
    await page.locator('consent-gate#banner [part="accept"]').click();
    await page.locator('hand-raise-lead-button button[part="button"]').click();
    await page.locator('hand-raise-lead-button [part="submit"]').click();
    await page.locator('hand-raise-lead-button .notice.success').waitFor();
    await tracked;
    const analytics = requests.filter((r) => new URL(r.url).pathname.startsWith('/segment/'));
    assert.ok(analytics.some((r) => r.body.includes('Hand Raise Form Submitted')), 'analytics did run');
    const values = ['Quintessa', 'Vardaman', 'quintessa.vardaman@hostile-corp.example', 'quintessa.vardaman', 'Hostile Corp Zeta'];
    const hits: string[] = [];
    for (const value of values) {
      for (const needle of [value, encodeURIComponent(value)]) {
        for (const r of requests) if (r.url.toLowerCase().includes(needle.toLowerCase())) hits.push(`URL ${r.url}`);
        for (const r of analytics) if (r.body.toLowerCase().includes(needle.toLowerCase())) hits.push(`analytics body has ${value}`);
      }
    }
    assert.deepEqual(hits, []);
    await context.close();
  });

  it('9. fast-check: 2,000 random attribute and property sequences per element; never an uncaught exception, always a render', async () => {
    const context = await browser.newContext();
    await context.addInitScript(WATCH);
    // The requests a case sets off are counted, so each case waits for its own to finish, and no longer.
    await context.addInitScript(`(() => {
      const fetch = window.fetch;
      window.__inflight = 0;
      window.fetch = function (...args) {
        window.__inflight++;
        const done = () => window.__inflight--;
        const request = fetch.apply(this, args);
        request.then(done, done);
        return request;
      };
    })()`);
    const page = await context.newPage();
    await page.goto(`${site.url}/host/fuzz.html`);
    await page.waitForFunction('window.GrowthKit && customElements.get("course-progress-tracker")');
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string; attributes?: { name: string; fieldName?: string }[] }[] }[] };
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.json({ maxDepth: 2 }),
      fc.constantFrom('', 'true', 'false', '0', '-1', '100', '101', '1e309', 'NaN', 'javascript:alert(1)', 'https://example.com/x', '[]', '{}', 'banner', 'gate', 'preferences-button', 'marketing', 'analytics', 'all-lessons', 'videos-and-quiz', 'secondary', 'link'),
      fc.constantFrom(...PAYLOADS.slice(0, 30)),
    );
    let runs = 0;
    for (const m of manifest.modules) {
      for (const d of m.declarations ?? []) {
        if (!d.tagName) continue;
        const attrs = (d.attributes ?? []).map((a) => a.name);
        const props = (d.attributes ?? []).map((a) => a.fieldName).filter((f): f is string => Boolean(f));
        const op = fc.oneof(
          fc.record({ kind: fc.constant('attr'), name: fc.constantFrom(...attrs, 'data-x', 'lang', 'dir'), value }),
          fc.record({ kind: fc.constant('remove'), name: fc.constantFrom(...attrs) }),
          fc.record({ kind: fc.constant('prop'), name: fc.constantFrom(...props), value: fc.oneof(value, fc.integer(), fc.constant(null), fc.constant(undefined), fc.boolean()) }),
          fc.record({ kind: fc.constant('reconnect') }),
        );
        await fc.assert(
          fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
            runs++;
            const outcome = (await page.evaluate(
              `(async (tag, ops) => {
                const errors = window.__errors.length;
                const el = document.createElement(tag);
                if (tag === 'consent-gate') el.setAttribute('mode', 'banner');
                document.body.append(el);
                try {
                  for (const op of ops) {
                    if (op.kind === 'attr') el.setAttribute(op.name, op.value);
                    else if (op.kind === 'remove') el.removeAttribute(op.name);
                    else if (op.kind === 'prop') el[op.name] = op.value;
                    else { el.remove(); document.body.append(el); }
                    await el.updateComplete;
                  }
                  // What the case set off (posts, lookups, the tasks they queue) finishes within the case.
                  do await new Promise((r) => setTimeout(r, 0));
                  while (window.__inflight > 0);
                  const shows = () => el.shadowRoot && (el.shadowRoot.childElementCount > 0 || (tag === 'consent-gate' && window.GrowthKit.consent.get() !== null));
                  // A part the element waits for (a gate's cookie settings, say) is a lazy import, not a request:
                  // it shows within 2 s once that part has loaded, or without it.
                  for (let i = 0; i < 100 && !shows(); i++) await new Promise((r) => setTimeout(r, 20));
                  const rendered = shows();
                  return { ok: Boolean(rendered) && window.__errors.length === errors, rendered: Boolean(rendered), errors: window.__errors.slice(errors) };
                } catch (error) {
                  return { ok: false, errors: [String(error)] };
                } finally {
                  el.remove();
                }
              })` + `(${JSON.stringify(d.tagName)}, ${JSON.stringify(ops)})`,
            )) as { ok: boolean; errors: string[] };
            if (!outcome.ok) {
              console.error(`fast-check case failed on ${d.tagName}: ${JSON.stringify(outcome)}`);
              throw new Error(`${d.tagName}: ${JSON.stringify(outcome.errors)}`);
            }
          }),
          { numRuns: 2000, seed: 20261123, verbose: 1 },
        );
      }
    }
    assert.equal(runs >= 6000, true, `ran ${runs} cases`);
    await context.close();
  });
});

/**
 * The hostile host pages: the BUILT dist/growth-kit.js on pages we do not control. Each page holds the three
 * widgets (a lead button, a consent banner, a consent gate with a script inside its template, a course tracker
 * with a video) and no inline script, so it works under a strict CSP. The endpoint is another origin.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

export const SITE = '.tmp/hostile';

/** The hostile parts, shared with the Firefox run (test/dist/hostile.test.ts) as plain files. */
const fixture = (name: string) => readFileSync(`test/fixtures/hostile/${name}`, 'utf8');
export const HOSTILE_CSS = fixture('hostile.css');
export const POLLUTED = fixture('polluted.js');
export const HOSTILE_STORAGE = fixture('storage.js');

/** The strict policy of the CSP hosts: no inline script or style, no eval; the endpoint is another origin. */
export function strictCsp(endpointOrigin: string, trustedTypes = false): string {
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${endpointOrigin}; media-src 'self'; img-src 'self' ${endpointOrigin}`;
  return trustedTypes ? `${csp}; require-trusted-types-for 'script'; trusted-types lit-html growth-kit` : csp;
}

/** The script inside the consent gate's template: counts how often it ran. */
export const GATED_SCRIPT = 'window.__gatedRan = (window.__gatedRan || 0) + 1;\n';

/**
 * What every host has in its body. Each host has its own learner: the endpoint remembers a known learner's
 * milestones, and each host must post its own.
 */
export function widgets(endpoint: string, learner: string, extraHead = '', segment = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>host</title>
${extraHead}
<script src="/dist/growth-kit.js" data-endpoint="${endpoint}"${segment} async></script>
</head>
<body>
<main>
  <h1>A host page</h1>
  <p><hand-raise-lead-button glm-content="hostile" fields="first_name last_name email company_name"
    first-name="Quintessa" last-name="Vardaman" email="quintessa.vardaman@hostile-corp.example" company-name="Hostile Corp Zeta"></hand-raise-lead-button></p>
  <consent-gate category="marketing" id="gate"><template><p id="gated">gated</p><script src="/host/gated.js"></script></template></consent-gate>
  <course-progress-tracker course-id="hostile-101" user-id="${learner}" lessons='[{"id":"v","title":"Video","type":"video"}]'>
    <video data-lesson-id="v" src="/media/lesson.webm" muted playsinline preload="auto"></video>
  </course-progress-tracker>
</main>
<consent-gate id="banner"></consent-gate>
</body>
</html>`;
}




/** Listens for CSP violations and uncaught errors from the very start (injected by the test, so CSP allows it). */
export const WATCH = `window.__violations = []; window.__errors = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));
window.addEventListener('error', (e) => window.__errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.__errors.push('unhandled: ' + String(e.reason && e.reason.message || e.reason)));`;

export function writeSite(endpoint: string, segmentAttrs: string): void {
  mkdirSync(SITE, { recursive: true });
  writeFileSync(`${SITE}/gated.js`, GATED_SCRIPT);
  writeFileSync(`${SITE}/hostile.css`, HOSTILE_CSS);
  writeFileSync(`${SITE}/host-lit.js`, `import { LitElement, html } from 'lit';
class HostCard extends LitElement { render() { return html\`<p>host's own Lit</p>\`; } }
customElements.define('host-card', HostCard);
`);
  for (const name of ['neutral', 'csp', 'trusted-types', 'polluted', 'storage', 'xss', 'refusals']) writeFileSync(`${SITE}/${name}.html`, widgets(endpoint, name));
  // The fuzzing host: only the kit, so every error it sees comes from the element under test.
  writeFileSync(`${SITE}/fuzz.html`, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fuzz</title><script src="/dist/growth-kit.js" data-endpoint="${endpoint}" async></script></head><body></body></html>`);
  writeFileSync(`${SITE}/css.html`, widgets(endpoint, 'css', '<link rel="stylesheet" href="/host/hostile.css">'));
  writeFileSync(`${SITE}/segment.html`, widgets(endpoint, 'segment', '', segmentAttrs));
  writeFileSync(
    `${SITE}/twice.html`,
    widgets(endpoint, 'twice').replace('</head>', `<script src="/dist/growth-kit.js" data-endpoint="${endpoint}" type="module"></script>\n</head>`),
  );
  writeFileSync(
    `${SITE}/two-versions.html`,
    widgets(endpoint, 'two-versions').replace('</head>', `<script src="/dist-v2/growth-kit.js" data-endpoint="${endpoint}" async></script>\n</head>`),
  );
  const importMap = JSON.stringify({
    imports: {
      lit: '/nm/lit/index.js',
      'lit/': '/nm/lit/',
      'lit-html': '/nm/lit-html/lit-html.js',
      'lit-html/': '/nm/lit-html/',
      'lit-element/lit-element.js': '/nm/lit-element/lit-element.js',
      '@lit/reactive-element': '/nm/@lit/reactive-element/reactive-element.js',
      '@lit/reactive-element/': '/nm/@lit/reactive-element/',
    },
  });
  writeFileSync(
    `${SITE}/other-lit.html`,
    widgets(endpoint, 'other-lit', `<script type="importmap">${importMap}</script>\n<script type="module" src="/host/host-lit.js"></script>`).replace('<h1>', '<host-card></host-card><h1>'),
  );
}

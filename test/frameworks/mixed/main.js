// An app that imports the kit from npm on a page whose CMS also pastes the script tag. `?order=` says which copy
// comes first: npm-first defines <hand-raise-lead-button> from the app's copy and <consent-gate> from the script
// tag's; script-first has the script tag define all three. Either way the page must have one consent, one set of
// settings and one outbox.
const addScriptTag = () =>
  new Promise((resolve) => {
    document.addEventListener('gk-ready', resolve, { once: true });
    const script = document.createElement('script');
    script.src = '/dist/growth-kit.js';
    document.head.append(script);
  });

window.__consentChanges = 0;
window.addEventListener('gk-consent-change', () => window.__consentChanges++);

(async () => {
  const order = new URLSearchParams(location.search).get('order');
  if (order === 'script-first') await addScriptTag();
  const kit = await import('growth-kit');
  await import('growth-kit/hand-raise-lead-button');
  kit.configure({ endpoint: '/api' });
  window.__npm = kit;
  if (order === 'npm-first') await addScriptTag();
  window.__ready = true;
})();

/**
 * dist/growth-kit.js: the one file a page includes. It must parse as a classic script (no import/export, no
 * import.meta), so it only finds its own URL and imports the kit's module beside it. The browser's module map
 * runs that module once however often, and in whichever way, this file is included; lazy chunks then resolve
 * relative to the module's own URL, so dist/ can live in any folder or on any CDN path.
 */
(() => {
  const current = document.currentScript as HTMLScriptElement | null;
  let src = current?.src;
  if (!src) {
    // A module script has no currentScript; its URL is in the stack of an error thrown here.
    const match = /((?:https?|file):\/\/[^\s)@]+?\.m?js)(?::\d+)+/.exec(String(new Error().stack));
    src = match?.[1];
  }
  if (!src) {
    console.warn('[growth-kit] could not find the URL growth-kit.js was loaded from');
    return;
  }
  const script = current ?? Array.from(document.querySelectorAll<HTMLScriptElement>('script[src]')).find((s) => s.src === src) ?? null;
  // Google Consent Mode: the default must reach dataLayer before any command of the page's own Google tag. With
  // data-consent-mode, and this script tag placed (without async) before the Google tag, it is pushed right here,
  // before anything else runs; the kit adds the stored decision as an update (runtime/consent/signals.ts).
  // data-consent-mode-granted-regions="US CA" adds a region-specific default (Google's `region` parameter): every
  // type granted there before the visitor decides, where the law lets sites ask afterwards; denied everywhere else.
  if (script?.hasAttribute('data-consent-mode')) {
    const layer = ((window as unknown as { dataLayer?: unknown[] }).dataLayer ??= []);
    // gtag.js pushes its `arguments` object; Google tags read only that form.
    const gtag = function (..._: unknown[]) {
      // eslint-disable-next-line prefer-rest-params
      layer.push(arguments);
    };
    const state = (value: string) => {
      const s: Record<string, unknown> = { security_storage: 'granted', wait_for_update: Number(script.dataset.consentWaitForUpdate) || 500 };
      for (const type of ['ad_storage', 'ad_user_data', 'ad_personalization', 'analytics_storage', 'functionality_storage', 'personalization_storage']) {
        s[type] = value;
      }
      return s;
    };
    gtag('consent', 'default', state('denied'));
    // ISO 3166-1 or -2 codes; the kit warns about the others once it has loaded (runtime/consent/signals.ts).
    const granted = script.dataset.consentModeGrantedRegions?.split(/[\s,]+/).filter((code) => /^[A-Z]{2}(-[A-Z\d]{1,3})?$/.test(code));
    if (granted?.length) gtag('consent', 'default', { ...state('granted'), region: granted });
  }
  // What the main module imports statically (the build writes the list here): asked for at the same time, so
  // the kit arrives in one round trip instead of two. The main module's own import reports any failure.
  for (const file of '__GK_PRELOAD__'.split(',')) {
    if (file && !file.startsWith('__')) import(/* @vite-ignore */ new URL(file, src).href).catch(() => undefined);
  }
  const main = new URL('growth-kit.main.js', src).href;
  import(/* @vite-ignore */ main)
    .then((kit: { boot(script: HTMLScriptElement | null): void }) => kit.boot(script))
    .catch((error: unknown) => console.warn('[growth-kit] the kit could not load', error));
})();

/**
 * The drop-in kit's start, which dist/growth-kit.js calls through the main module (src/growth-kit.ts, built as
 * dist/growth-kit.main.js): reads the script tag's settings, registers every element and exposes
 * `window.GrowthKit`. Booting twice (the script included twice) only merges settings again. It lives in the core
 * chunk, so the main module is one line and the start-up is compressed with the code it calls.
 */
import { configure, configureFromScript, getConfig } from './runtime/config/index.js';
import { consent } from './runtime/consent/index.js';
import { resumeDelivery } from './runtime/delivery/index.js';
import { startOnDemand } from './runtime/consent/index.js';
import { VERSION } from './internal/define.js';
import { defineAll, defineStaged } from './elements.js';

export interface GrowthKitGlobal {
  version: string;
  configure: typeof configure;
  getConfig: typeof getConfig;
  consent: {
    get: typeof consent.get;
    has: typeof consent.has;
    set: typeof consent.set;
    reset: typeof consent.reset;
    showPreferences: () => void;
  };
}

declare global {
  interface Window {
    GrowthKit?: GrowthKitGlobal;
  }
}

let booted = false;

/**
 * Opens the consent preferences: a <consent-gate> banner or preferences button on the page answers (or the
 * followed OneTrust does); without one, a banner-mode gate is added to the page to show them.
 */
function showPreferences(): void {
  if (consent.showPreferences() || consent.following) return;
  const gate = document.createElement('consent-gate');
  gate.setAttribute('mode', 'banner');
  document.body.append(gate);
  void gate.openPreferences();
}

export function boot(script: HTMLScriptElement | null): void {
  if (script) configureFromScript(script);
  if (booted) return;
  booted = true;
  const existing = window.GrowthKit;
  if (existing && existing.version !== VERSION) {
    // Another build already owns the page; its elements and API stay in charge.
    defineAll();
    return;
  }
  window.GrowthKit = {
    version: VERSION,
    configure: (settings) => configure(settings),
    getConfig,
    consent: {
      get: () => consent.get(),
      has: (category) => consent.has(category),
      set: (categories, source) => consent.set(categories, source),
      reset: () => consent.reset(),
      showPreferences,
    },
  };
  startOnDemand();
  void defineStaged().then(() => {
    document.dispatchEvent(new CustomEvent('gk-ready', { detail: { version: VERSION } }));
    // A page's first localStorage read opens the origin's store, which costs a few milliseconds on the main
    // thread; what the outbox kept from an earlier visit waits until the widgets have rendered.
    setTimeout(resumeDelivery, 0);
  });
}

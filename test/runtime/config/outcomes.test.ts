/**
 * One table drives every outcome: each `gk-*` event reaches its listeners and the `configure()` callback named
 * after it, with the same detail. The defect this guards: `onConsentChange` was documented and never called.
 */
import { expect } from '@open-wc/testing';
import { report } from '../../../src/runtime/analytics/index.js';
import { callbackName, configure, OUTCOMES, type OutcomeEvent } from '../../../src/runtime/config/index.js';
import { consent } from '../../../src/runtime/consent/index.js';
import { watchConsent } from '../../../src/runtime/on-consent-change.js';
import { captureWarnings, cleanSlate } from '../../helpers.js';

describe('outcomes: gk-* events and configure() callbacks', () => {
  before(watchConsent);
  beforeEach(cleanSlate);

  it('onConsentChange is called once per decision with the gk-consent-change detail', () => {
    const calls: unknown[] = [];
    const events: unknown[] = [];
    const listener = (e: Event) => events.push((e as CustomEvent).detail);
    window.addEventListener('gk-consent-change', listener);
    try {
      configure({ onConsentChange: (detail) => calls.push(detail) });
      consent.set({ analytics: true, functional: false, marketing: false }, 'banner');
      consent.set({ analytics: false }, 'preferences');
    } finally {
      window.removeEventListener('gk-consent-change', listener);
    }
    const granted = { categories: { necessary: true, functional: false, analytics: true, marketing: false }, source: 'banner' };
    const withdrawn = { categories: { necessary: true, functional: false, analytics: false, marketing: false }, source: 'preferences' };
    expect(calls).to.deep.equal([granted, withdrawn]);
    expect(events).to.deep.equal([granted, withdrawn]);
  });

  it('every outcome calls its own callback with the detail its event carries', () => {
    const el = document.createElement('div');
    document.body.append(el);
    const heard: [string, unknown][] = [];
    const called: [string, unknown][] = [];
    const types = Object.keys(OUTCOMES) as OutcomeEvent[];
    for (const type of types) {
      document.addEventListener(type, (e) => heard.push([type, (e as CustomEvent).detail]), { once: true });
      configure({ [callbackName(type)]: (detail: unknown) => called.push([callbackName(type), detail]) });
    }
    for (const type of types) report(el, type, { id: type } as never);
    el.remove();
    expect(called).to.deep.equal(types.map((t) => [callbackName(t), { id: t }]));
    expect(heard).to.deep.equal(types.map((t) => [t, { id: t }]));
    expect(called.map(([name]) => name)).to.include.members(['onLeadSubmit', 'onLeadSubmitted', 'onLeadError', 'onConsentChange', 'onCourseComplete']);
  });

  it('a callback that throws is logged and the flow goes on', () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args[0]);
    const warnings = captureWarnings();
    try {
      configure({
        onConsentChange: () => {
          throw new Error('host bug');
        },
      });
      consent.set({ analytics: true }, 'banner');
    } finally {
      console.error = original;
      warnings.restore();
    }
    expect(consent.has('analytics')).to.equal(true);
    expect(errors).to.deep.equal(['[growth-kit] onConsentChange threw']);
  });
});

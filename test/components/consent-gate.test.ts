import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent/index.js';
import { defineAll } from '../../src/elements.js';
import { configure } from '../../src/runtime/config/index.js';
import { consentModeState, recordDecision, startConsentMode } from '../../src/runtime/consent/signals.js';
import { cleanSlate, CONSENT_MODE_DEFAULT, endpoint, submissions, waitFor } from '../helpers.js';

defineAll();

describe('<consent-gate>', () => {
  beforeEach(cleanSlate);

  it('shows the banner until a decision, with Accept and Reject side by side; Reject records every category denied', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="https://example.com/privacy"></consent-gate>`);
    const accept = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!;
    const reject = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="reject"]')!;
    expect(accept.className).to.equal(reject.className);
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/privacy');
    await expect(el).to.be.accessible();
    reject.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(consent.get()!.source).to.equal('banner');
  });

  it('banner: Accept and Reject look the same, Preferences is secondary (as cookieconsent v3); on a 390 px phone in German no label wraps', async () => {
    await setViewport({ width: 390, height: 844 });
    try {
      const el = await fixture<ConsentGate>(html`<consent-gate lang="de"></consent-gate>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part="accept"]')!.textContent!.includes('Alle akzeptieren'), 5000, 'the German catalog');
      await el.updateComplete;
      const [accept, reject, preferences] = (['accept', 'reject', 'preferences'] as const).map((p) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part="${p}"]`)!);
      const look = (b: HTMLElement) => ((s) => [s.backgroundColor, s.color, s.borderColor, s.fontWeight])(getComputedStyle(b));
      expect(look(accept)).to.deep.equal(look(reject));
      expect(look(preferences)).to.not.deep.equal(look(accept));
      expect(getComputedStyle(preferences).backgroundColor, 'Preferences is not filled with the accent').to.not.equal(getComputedStyle(accept).backgroundColor);
      for (const button of [accept, reject, preferences]) {
        const lineHeight = parseFloat(getComputedStyle(button).lineHeight);
        const text = button.getBoundingClientRect().height - parseFloat(getComputedStyle(button).paddingTop) - parseFloat(getComputedStyle(button).paddingBottom);
        expect(text, `"${button.textContent!.trim()}" on one line`).to.be.below(lineHeight * 1.5);
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('"Privacy settings" (mode="preferences-button") lines its text up with the column it sits in', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate mode="preferences-button"></consent-gate>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="settings"]')!;
    const style = getComputedStyle(button);
    const textLeft = button.getBoundingClientRect().left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    expect(Math.abs(textLeft - el.getBoundingClientRect().left)).to.be.below(1);
  });

  it('refuses a javascript: privacy policy link', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="javascript:alert(1)"></consent-gate>`);
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('stamps gated content only after consent, via "Allow and show", and removes it on withdrawal', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate category="marketing">
      <template><iframe title="embed" src="/test/fixtures/page.html?gated"></iframe></template>
    </consent-gate>`);
    expect(el.querySelector('iframe')).to.equal(null);
    expect(performance.getEntriesByType('resource').some((e) => e.name.includes('?gated'))).to.equal(false);
    const allow = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="placeholder"] button')!;
    expect(el.shadowRoot!.textContent).to.contain('hidden until you allow Marketing cookies');
    await expect(el).to.be.accessible();
    allow.click();
    // Stamping is a lazy part: the content arrives once it has loaded.
    await waitFor(() => el.querySelector('iframe'), 5000, 'the stamped embed');
    expect(consent.get()!.source).to.equal('placeholder');
    expect(consent.has('analytics')).to.equal(false);
    consent.set({ marketing: false }, 'preferences');
    await el.updateComplete;
    expect(el.querySelector('iframe')).to.equal(null);
  });
});

describe('<consent-gate> in framework-rendered pages', () => {
  beforeEach(cleanSlate);

  it('stamps a <template> whose children are DOM children (how React JSX and Vue templates build it), inert until consent', async () => {
    // React and Vue create the template and append its children to it, not to its .content.
    const template = document.createElement('template');
    const iframe = document.createElement('iframe');
    iframe.title = 'jsx embed';
    template.appendChild(iframe);
    const gate = document.createElement('consent-gate') as ConsentGate;
    gate.setAttribute('category', 'marketing');
    gate.appendChild(template);
    const el = await fixture<ConsentGate>(gate);
    expect(el.shadowRoot!.querySelector('[part="placeholder"]')).to.not.equal(null);
    expect(el.querySelectorAll('iframe').length, 'the embed waits inert in the template').to.equal(0);
    consent.set({ marketing: true }, 'placeholder');
    await waitFor(() => el.querySelector('iframe'), 5000, 'the stamped embed');
    expect(el.querySelectorAll('iframe[title="jsx embed"]').length).to.equal(1);
    consent.set({ marketing: false }, 'preferences');
    await el.updateComplete;
    expect(el.querySelectorAll('iframe').length).to.equal(0);
  });
});

describe('<consent-gate> and the host page\'s typography', () => {
  beforeEach(cleanSlate);

  it('gated content keeps the font, size, line height and colour of the page around the gate', async () => {
    const page = await fixture<HTMLElement>(html`<div style="font-family: Georgia, serif; font-size: 21px; line-height: 33px; color: rgb(10, 20, 30)">
      <consent-gate category="marketing"><template><p id="host-text">Host copy</p></template></consent-gate>
      <p id="reference">Reference</p>
    </div>`);
    consent.set({ marketing: true }, 'placeholder');
    const gated = await waitFor(() => page.querySelector<HTMLElement>('#host-text'), 5000, 'the stamped copy');
    const style = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.fontFamily, s.fontSize, s.lineHeight, s.color];
    };
    expect(style(gated)).to.deep.equal(style(page.querySelector('#reference')!));
  });
});

describe('<consent-gate> proof of consent and signals', () => {
  beforeEach(() => {
    cleanSlate();
    configure({ endpoint: endpoint() });
  });

  it('posts proof of every decision to the endpoint: who, what, which policy, when, where', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate policy-version="2026-11"></consent-gate>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]')!.click();
    const decision = consent.get()!;
    const row = await waitFor(async () => (await submissions('consent')).find((r) => r.body.consent_id === decision.consent_id), 5000, 'the proof');
    expect(row.body).to.deep.equal({
      consent_id: decision.consent_id,
      policy_version: '2026-11',
      categories: { necessary: true, functional: true, analytics: true, marketing: true },
      source: 'banner',
      timestamp: decision.timestamp,
      page_url: location.origin + location.pathname,
      locale: 'en',
      gpc: false,
      // The endpoint adds the browser's own Sec-GPC header (this browser sends none).
      sec_gpc: false,
    });
    consent.set({ marketing: false }, 'preferences');
    await waitFor(async () => (await submissions('consent')).filter((r) => r.body.consent_id === decision.consent_id).length === 2, 5000, 'the second proof').catch(async (error: Error) => {
      const { pending } = await import('../../src/runtime/delivery/outbox.js');
      const rows = (await submissions('consent')).filter((r) => r.body.consent_id === decision.consent_id).map((r) => r.body.categories);
      throw new Error(`${error.message}; outbox: ${JSON.stringify(pending())}; stored: ${localStorage.getItem('gk_outbox')}; rows: ${JSON.stringify(rows)}; decision: ${JSON.stringify(consent.get())}`);
    });
  });

  it('asks again when the policy version changes', async () => {
    consent.set({ analytics: true }, 'banner');
    const el = await fixture<ConsentGate>(html`<consent-gate policy-version="2"></consent-gate>`);
    await el.updateComplete;
    expect(consent.decided).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="banner"]')).to.not.equal(null);
  });

  it('layouts: bar runs along the bottom edge with the buttons beside the text on a wide screen, box is a small card in the inline-end corner (left in RTL); a bad layout warns once and stays cloud', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { captureWarnings } = await import('../helpers.js');
    const banner = (el: ConsentGate) => waitFor(() => el.shadowRoot!.querySelector<HTMLElement>('[part="banner"]'), 5000, 'the banner');
    try {
      const bar = await fixture<ConsentGate>(html`<consent-gate layout="bar"></consent-gate>`);
      const b = (await banner(bar)).getBoundingClientRect();
      expect([b.left, b.right, b.bottom]).to.deep.equal([0, innerWidth, innerHeight]);
      const text = bar.shadowRoot!.querySelector('p')!.getBoundingClientRect();
      expect(bar.shadowRoot!.querySelector('.actions')!.getBoundingClientRect().left).to.be.above(text.right);
      bar.remove();

      // Set as a property, as React 19 does: the attribute follows, and with it the styles.
      const box = await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
      box.layout = 'box';
      const x = ((await waitFor(async () => (await banner(box)).getBoundingClientRect().width <= 380 && (await banner(box)), 5000, 'the box')) as HTMLElement).getBoundingClientRect();
      expect(box.getAttribute('layout')).to.equal('box');
      expect(innerWidth - x.right).to.equal(16);
      box.remove();

      const rtl = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"><consent-gate layout="box"></consent-gate></div>`);
      const arabic = rtl.querySelector('consent-gate')!;
      const r = ((await waitFor(async () => (await banner(arabic)).dir === 'rtl' && (await banner(arabic)), 5000, 'the Arabic banner')) as HTMLElement).getBoundingClientRect();
      expect([r.left, r.width <= 380]).to.deep.equal([16, true]);
      rtl.remove();

      const warnings = captureWarnings();
      try {
        const bad = await fixture<ConsentGate>(html`<consent-gate layout="popover"></consent-gate>`);
        const c = (await banner(bad)).getBoundingClientRect();
        expect([c.width, Math.round(c.left)]).to.deep.equal([720, (innerWidth - 720) / 2]);
      } finally {
        warnings.restore();
      }
      expect(warnings.messages).to.deep.equal(['[growth-kit] <consent-gate> layout: expected one of cloud, bar, box; using cloud']);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('warns once about a cookie-domain that is not a domain and keeps the page host', async () => {
    const { captureWarnings } = await import('../helpers.js');
    const warnings = captureWarnings();
    try {
      const el = await fixture<ConsentGate>(html`<consent-gate cookie-domain="not a domain;"></consent-gate>`);
      await waitFor(() => el.shadowRoot!.querySelector('[part="banner"]'), 5000, 'the banner');
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('<consent-gate> cookie-domain');
  });

  it('keeps the decision in the cookie named by cookie-name; bad cookie-name, cookie-path and cookie-max-age warn once each', async () => {
    const { captureWarnings } = await import('../helpers.js');
    try {
      const el = await fixture<ConsentGate>(html`<consent-gate cookie-name="site_consent" cookie-path="/" cookie-max-age="3600"></consent-gate>`);
      (await waitFor(() => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]'), 5000, 'the banner')).click();
      expect(document.cookie).to.match(/(^|; )site_consent=/);
      expect(document.cookie).to.not.match(/(^|; )gk_consent=/);
      const warnings = captureWarnings();
      try {
        await fixture<ConsentGate>(html`<consent-gate cookie-name="bad name;" cookie-path="relative" cookie-max-age="-5"></consent-gate>`);
        await waitFor(() => warnings.messages.length >= 3, 5000, 'the warnings');
      } finally {
        warnings.restore();
      }
      expect(warnings.messages.map((m) => m.split(':')[0])).to.deep.equal([
        '[growth-kit] <consent-gate> cookie-name',
        '[growth-kit] <consent-gate> cookie-path',
        '[growth-kit] <consent-gate> cookie-max-age',
      ]);
    } finally {
      consent.configure({ cookieName: 'gk_consent', cookiePath: '/', maxAge: 180 * 24 * 3600 });
    }
  });

  it("a returning visitor's decision in the cookie named by cookie-name is honoured from the first frame: no banner, and the gated content is stamped, never the placeholder", async () => {
    // Decided earlier on this site, under its own cookie name; gk_consent (the default name) holds nothing.
    const el0 = await fixture<ConsentGate>(html`<consent-gate cookie-name="site_consent"></consent-gate>`);
    try {
      (await waitFor(() => el0.shadowRoot!.querySelector<HTMLButtonElement>('[part="accept"]'), 5000, 'the banner')).click();
      const saved = document.cookie.split('; ').find((c) => c.startsWith('site_consent='))!;
      // A new page view: the state starts from the default cookie (empty) until the gate's settings arrive.
      consent.configure({ cookieName: 'gk_consent' });
      document.cookie = `${saved}; path=/`;
      expect(consent.decided).to.equal(false);
      const seen: string[] = [];
      const holder = document.createElement('div');
      const observer = new MutationObserver(() => {
        for (const gate of holder.querySelectorAll('consent-gate')) {
          if (gate.shadowRoot?.querySelector('[part="banner"]')) seen.push(`banner:${gate.getAttribute('mode')}`);
          if (gate.shadowRoot?.querySelector('[part="placeholder"]')) seen.push('placeholder');
        }
      });
      document.body.append(holder);
      holder.innerHTML = `<consent-gate cookie-name="site_consent"></consent-gate>
        <consent-gate cookie-name="site_consent" category="analytics"><template><p class="gated">video</p></template></consent-gate>`;
      const gates = [...holder.querySelectorAll<ConsentGate>('consent-gate')];
      for (const gate of gates) observer.observe(gate.shadowRoot!, { childList: true, subtree: true });
      await waitFor(() => holder.querySelector('.gated'), 5000, 'the gated content');
      await Promise.all(gates.map((g) => g.updateComplete));
      observer.disconnect();
      holder.remove();
      expect(seen).to.deep.equal([]);
      expect(gates[0].shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
    } finally {
      consent.configure({ cookieName: 'gk_consent', cookiePath: '/', maxAge: 180 * 24 * 3600 });
    }
  });

  it('speaks Google Consent Mode v2 through dataLayer: all denied by default, then each decision', () => {
    const layer: IArguments[] = [];
    (window as unknown as { dataLayer: unknown[] }).dataLayer = layer;
    try {
      startConsentMode();
      consent.set({ analytics: true, functional: false, marketing: false }, 'banner');
      recordDecision(null);
      const commands = layer.map((args) => Array.from(args));
      expect(commands[0]).to.deep.equal(['consent', 'default', CONSENT_MODE_DEFAULT]);
      expect(commands.at(-1)).to.deep.equal(['consent', 'update', consentModeState(consent.categories())]);
      expect((commands.at(-1)![2] as Record<string, string>).analytics_storage).to.equal('granted');
      expect((commands.at(-1)![2] as Record<string, string>).ad_storage).to.equal('denied');
    } finally {
      delete (window as unknown as { dataLayer?: unknown }).dataLayer;
    }
  });
});

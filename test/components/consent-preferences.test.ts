/**
 * The consent preferences: a native dialog with a toggle per category, opened from the banner, the "Privacy
 * settings" button and `consent.showPreferences()`; withdrawing there is as easy as giving. And Global Privacy
 * Control: marketing denied without asking, an explicit choice wins.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ConsentGate } from '../../src/components/consent-gate/consent-gate.js';
import { consent } from '../../src/runtime/consent/index.js';
import { defineAll } from '../../src/elements.js';
import { captureWarnings, cleanSlate, waitFor } from '../helpers.js';

defineAll();

const root = (el: ConsentGate) => el.shadowRoot!;
const openDialog = (el: ConsentGate) => waitFor(() => root(el).querySelector<HTMLDialogElement>('dialog[open]'), 5000, 'the preferences dialog');
const toggle = (el: ConsentGate, category: string) => root(el).querySelector<HTMLInputElement>(`#gk-consent-${category}`)!;
const button = (el: ConsentGate, text: string) =>
  Array.from(root(el).querySelectorAll<HTMLButtonElement>('dialog button')).find((b) => b.textContent!.trim() === text)!;

function setGpc(value: boolean | undefined): void {
  Object.defineProperty(navigator, 'globalPrivacyControl', { value, configurable: true });
}

describe('<consent-gate> preferences', () => {
  beforeEach(cleanSlate);
  afterEach(() => setGpc(undefined));

  it('opens a native modal dialog from the banner with a toggle per category, necessary always on, and saves a choice', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="https://example.com/privacy"></consent-gate>`);
    root(el).querySelector<HTMLButtonElement>('[part="preferences"]')!.click();
    const dialog = await openDialog(el);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(root(el).activeElement).to.equal(toggle(el, 'functional'));
    expect(toggle(el, 'necessary').tagName).to.equal('SPAN');
    expect(toggle(el, 'necessary').textContent).to.equal('Always on');
    for (const c of ['functional', 'analytics', 'marketing']) {
      expect(toggle(el, c).getAttribute('role')).to.equal('switch');
      expect(toggle(el, c).checked, c).to.equal(false);
    }
    expect(dialog.querySelector('a')!.getAttribute('href')).to.equal('https://example.com/privacy');
    await expect(el).to.be.accessible();
    toggle(el, 'analytics').click();
    button(el, 'Save choices').click();
    await waitFor(() => !dialog.open, 2000, 'the dialog to close');
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: false, analytics: true, marketing: false });
    expect(consent.get()!.source).to.equal('preferences');
    await el.updateComplete;
    expect(root(el).querySelector('[part="banner"]')).to.equal(null);
  });

  it('draws each toggle as a switch (not a 22 px checkbox): 44 × 24, Space flips it, the knob follows dir, no motion when reduced; every title has one weight', async () => {
    for (const [lang, dir] of [['en', 'ltr'], ['ar', 'rtl']] as const) {
      const el = await fixture<ConsentGate>(html`<div lang=${lang} dir=${dir}><consent-gate></consent-gate></div>`).then((d) => d.querySelector<ConsentGate>('consent-gate')!);
      root(el).querySelector<HTMLButtonElement>('[part="preferences"]')!.click();
      await openDialog(el);
      const input = toggle(el, 'functional');
      const box = input.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([44, 24]);
      const knob = () => {
        const outer = input.getBoundingClientRect();
        const style = getComputedStyle(input, '::before');
        // The knob's distance from the switch's left edge, whatever property placed it.
        return style.left !== 'auto' ? parseFloat(style.left) : outer.width - parseFloat(style.right) - parseFloat(style.width);
      };
      const settled = () => Promise.all(input.getAnimations({ subtree: true }).map((a) => a.finished));
      // The dialog takes the language's direction (for Arabic once its catalog has loaded), then the knob slides over.
      await waitFor(() => getComputedStyle(input).direction === dir, 5000, `the switch in ${dir}`);
      await settled();
      const off = knob();
      expect(root(el).activeElement).to.equal(input);
      await sendKeys({ press: ' ' });
      expect(input.checked).to.equal(true);
      // The knob slides: read it when its transition has finished.
      await settled();
      const on = knob();
      // On is toward the end of the line: right in ltr, left in rtl.
      expect(dir === 'ltr' ? on > off : on < off, `${dir}: off ${off}, on ${on}`).to.equal(true);
      expect(getComputedStyle(input).backgroundColor).to.not.equal(getComputedStyle(toggle(el, 'analytics')).backgroundColor);
      const weights = [...root(el).querySelectorAll('.category')].map((li) => getComputedStyle(li.firstElementChild!).fontWeight);
      expect(new Set(weights).size, `title weights ${weights}`).to.equal(1);
      root(el).querySelector('dialog')!.close();
    }
    // Reduced motion: the knob jumps.
    const sheets = [...(document.querySelector('consent-gate')?.shadowRoot?.adoptedStyleSheets ?? [])];
    const reduced = sheets.flatMap((sheet) => [...sheet.cssRules]).some((rule) => rule instanceof CSSMediaRule && rule.conditionText.includes('prefers-reduced-motion') && rule.cssText.includes('transition: none'));
    expect(reduced, 'a prefers-reduced-motion rule turns the transitions off').to.equal(true);
  });

  it('nothing moves behind the dialog: the banner, its heading and its buttons keep their boxes and styles when the preferences open', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate privacy-policy-url="https://example.com/privacy"></consent-gate>`);
    const banner = root(el).querySelector<HTMLElement>('[part="banner"]')!;
    const look = () =>
      [banner, banner.querySelector('h2')!, banner.querySelector('.actions')!, ...banner.querySelectorAll('.gk-button')].map((node) => {
        const box = node.getBoundingClientRect();
        const style = getComputedStyle(node);
        return `${node.className || node.localName} ${box.x},${box.y} ${box.width}×${box.height} ${style.fontSize} ${style.margin} ${style.padding} ${style.borderTopWidth} ${style.position}`;
      });
    const before = look();
    root(el).querySelector<HTMLButtonElement>('[part="preferences"]')!.click();
    await openDialog(el);
    expect(look()).to.deep.equal(before);
  });

  it('withdraws from the "Privacy settings" button: the toggles start from the stored decision', async () => {
    consent.set({ functional: true, analytics: true, marketing: true }, 'banner');
    const el = await fixture<ConsentGate>(html`<consent-gate mode="preferences-button"></consent-gate>`);
    const settings = root(el).querySelector<HTMLButtonElement>('[part="settings"]')!;
    expect(settings.textContent!.trim()).to.equal('Privacy settings');
    settings.click();
    await openDialog(el);
    expect(toggle(el, 'analytics').checked).to.equal(true);
    await expect(el).to.be.accessible();
    button(el, 'Reject all').click();
    await waitFor(() => !consent.has('analytics'), 2000, 'the withdrawal');
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: false, analytics: false, marketing: false });
    expect(consent.get()!.source).to.equal('preferences');
    await waitFor(() => root(el).activeElement === settings, 2000, 'focus back on the settings button');
  });

  it('consent.showPreferences() is answered by the first banner on the page; Escape closes without a decision', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
    expect(consent.showPreferences()).to.equal(true);
    const dialog = await openDialog(el);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open, 2000, 'the dialog to close');
    expect(consent.decided).to.equal(false);
  });

  it('offers only the configured categories with the host\'s own wording; bad values warn once and fall back', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate
      categories="analytics"
      category-text='{"analytics": {"title": "Statistics", "description": "Counts visits, nothing more."}}'
    ></consent-gate>`);
    await el.openPreferences();
    expect(root(el).querySelectorAll('.category').length).to.equal(2);
    expect(root(el).querySelector('label[for="gk-consent-analytics"]')!.textContent).to.equal('Statistics');
    expect(root(el).querySelector('#gk-consent-analytics-text')!.textContent).to.equal('Counts visits, nothing more.');
    button(el, 'Accept all').click();
    await waitFor(() => consent.decided, 2000, 'the decision');
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: false, analytics: true, marketing: false });

    consent.reset();
    const warnings = captureWarnings();
    try {
      const bad = await fixture<ConsentGate>(html`<consent-gate categories="analytics cookies" category-text="{nope"></consent-gate>`);
      await bad.openPreferences();
      expect(root(bad).querySelectorAll('.category').length).to.equal(4);
      expect(warnings.messages.filter((m) => m.includes('categories'))).to.have.length(1);
      expect(warnings.messages.find((m) => m.includes('categories'))).to.match(/<consent-gate> categories: unknown category "cookies"/);
      expect(warnings.messages.filter((m) => m.includes('category-text'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('under Global Privacy Control: the banner says so, "Accept all" leaves marketing off (source gpc); an explicit toggle wins', async () => {
    setGpc(true);
    const el = await fixture<ConsentGate>(html`<consent-gate></consent-gate>`);
    await waitFor(() => root(el).textContent!.includes('Global Privacy Control'), 5000, 'the GPC note');
    expect(consent.has('marketing')).to.equal(false);
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part="accept"]')!.click();
    expect(consent.get()!.categories).to.deep.equal({ necessary: true, functional: true, analytics: true, marketing: false });
    expect(consent.get()!.source).to.equal('gpc');

    await el.openPreferences();
    expect(toggle(el, 'marketing').checked).to.equal(false);
    toggle(el, 'marketing').click();
    button(el, 'Save choices').click();
    await waitFor(() => consent.has('marketing'), 2000, 'the explicit choice');
    expect(consent.get()!.source).to.equal('preferences');
  });

  it('localizes and mirrors the dialog for Arabic', async () => {
    const el = await fixture<ConsentGate>(html`<consent-gate lang="ar"></consent-gate>`);
    await waitFor(() => root(el).querySelector('[part="banner"]')?.getAttribute('dir') === 'rtl', 5000, 'the Arabic banner');
    await el.openPreferences();
    const dialog = await openDialog(el);
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect(dialog.textContent).to.not.contain('Always on');
    await expect(el).to.be.accessible();
  });
});

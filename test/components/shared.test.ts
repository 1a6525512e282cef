/**
 * Checks every element must pass, run over each one (as Web Awesome's shared form-control suites do):
 * registration, bad attributes, localization and live `lang` switching, accessibility.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { emulateMedia } from '@web/test-runner-commands';
import { defineAll, ELEMENTS } from '../../src/elements.js';
import { captureWarnings, cleanSlate, waitFor } from '../helpers.js';

defineAll();

interface Case {
  tag: keyof typeof ELEMENTS;
  /** Markup attributes that make a normal instance. */
  good: string;
  /** An attribute with a bad value and the words its warning must contain. */
  bad: { attribute: string; value: string; expect: string };
  /** Text the element shows in English and in German. */
  text: { en: string; de: string };
}

const cases: Case[] = [
  {
    tag: 'hand-raise-lead-button',
    good: 'glm-content="shared-suite"',
    bad: { attribute: 'cta-tracking', value: '{"action": ', expect: 'is not valid JSON' },
    text: { en: 'Contact sales', de: 'Vertrieb kontaktieren' },
  },
  {
    tag: 'consent-gate',
    good: '',
    bad: { attribute: 'mode', value: 'popover', expect: 'mode:' },
    text: { en: 'Accept all', de: 'Alle akzeptieren' },
  },
  {
    tag: 'course-progress-tracker',
    good: `course-id="c1" lessons='[{"id":"a","title":"Intro","type":"article"}]'`,
    bad: { attribute: 'completion', value: 'most-lessons', expect: 'completion:' },
    text: { en: 'not completed', de: 'nicht abgeschlossen' },
  },
];

const surface = (el: Element) => getComputedStyle(el).getPropertyValue('--gk-surface').trim();
const shadowText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

/** The attributes the built manifest documents for `tag`. */
async function manifestAttributes(tag: string): Promise<{ name: string; fieldName?: string; default?: string }[]> {
  const manifest = (await (await fetch('/dist/custom-elements.json')).json()) as {
    modules: { declarations?: { tagName?: string; attributes?: { name: string; fieldName?: string; default?: string }[] }[] }[];
  };
  return manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag)!.attributes!;
}

async function make(tag: string, attrs: string): Promise<LitElement> {
  const wrapper = await fixture<HTMLDivElement>(staticHtml`<div>${unsafeStatic(`<${tag} ${attrs}></${tag}>`)}</div>`);
  const el = wrapper.firstElementChild as LitElement;
  await el.updateComplete;
  return el;
}

for (const c of cases) {
  describe(`<${c.tag}> shared checks`, () => {
    beforeEach(cleanSlate);

    it('is registered once, and defining it again is silent', () => {
      const warnings = captureWarnings();
      defineAll();
      warnings.restore();
      expect(customElements.get(c.tag)).to.equal(ELEMENTS[c.tag]);
      expect(warnings.messages).to.deep.equal([]);
    });

    it('renders its English text with no warning for good markup', async () => {
      const warnings = captureWarnings();
      const el = await make(c.tag, c.good);
      warnings.restore();
      expect(shadowText(el)).to.contain(c.text.en);
      expect(warnings.messages).to.deep.equal([]);
    });

    it(`warns once about a bad ${c.bad.attribute}, naming element and attribute, and still renders`, async () => {
      const warnings = captureWarnings();
      const el = await make(c.tag, `${c.good} ${c.bad.attribute}='${c.bad.value}'`);
      el.requestUpdate();
      await el.updateComplete;
      warnings.restore();
      expect(warnings.messages).to.have.length(1);
      expect(warnings.messages[0]).to.contain(`<${c.tag}> ${c.bad.attribute}`).and.contain(c.bad.expect);
      expect(shadowText(el)).to.contain(c.text.en);
    });

    it('follows a live lang change on <html> and on an ancestor', async () => {
      const el = await make(c.tag, c.good);
      document.documentElement.lang = 'de';
      await waitFor(() => shadowText(el).includes(c.text.de), 5000, 'German text');
      el.parentElement!.lang = 'en-GB';
      await waitFor(() => shadowText(el).includes(c.text.en), 5000, 'English text again');
    });

    it('observes exactly the attributes its manifest documents, each with its documented default', async () => {
      const documented = await manifestAttributes(c.tag);
      const observed = (ELEMENTS[c.tag] as unknown as { observedAttributes: string[] }).observedAttributes;
      expect([...observed].sort()).to.deep.equal(documented.map((a) => a.name).sort());
      const el = document.createElement(c.tag) as unknown as Record<string, unknown>;
      for (const a of documented.filter((d) => d.fieldName)) {
        expect(el[a.fieldName!], a.name).to.equal(new Function(`return ${a.default}`)());
      }
    });

    it('an emptied attribute it validates falls back to the default its manifest documents', async () => {
      const el = await make(c.tag, c.good);
      // The validated values the element renders from (AttributesController): without a fallback of its own, an
      // attribute's safe default is its table's value.
      const values = (el as unknown as { attrs: { values: Record<string, unknown> } }).attrs.values;
      const defaulted = (await manifestAttributes(c.tag)).filter((a) => a.fieldName! in values && a.default !== "''");
      expect(defaulted.length).to.be.greaterThan(0);
      for (const a of defaulted) {
        el.setAttribute(a.name, '');
        await el.updateComplete;
        expect(values[a.fieldName!], a.name).to.equal(new Function(`return ${a.default}`)());
      }
    });

    it("writes no attribute of its own: a page's markup (and a framework's hydration) finds only what it wrote", async () => {
      const el = await make(c.tag, c.good);
      const written = [...c.good.matchAll(/([\w-]+)=/g)].map((m) => m[1]);
      expect(el.getAttributeNames().sort()).to.deep.equal(written.sort());
    });

    it('hidden hides it, as it hides any element, and removing it shows it again', async () => {
      const el = await make(c.tag, `${c.good} hidden`);
      expect(getComputedStyle(el).display).to.equal('none');
      expect(el.getBoundingClientRect().height).to.equal(0);
      el.hidden = false;
      expect(getComputedStyle(el).display).to.not.equal('none');
    });

    it('is accessible (axe)', async () => {
      const el = await make(c.tag, c.good);
      await expect(el).to.be.accessible();
    });

    it('theme: light by default, dark with theme="dark", and one warning for a bad value', async () => {
      const plain = await make(c.tag, c.good);
      expect([surface(plain), getComputedStyle(plain).colorScheme]).to.deep.equal(['#ffffff', 'normal']);
      const dark = await make(c.tag, `${c.good} theme="dark"`);
      expect([surface(dark), getComputedStyle(dark).colorScheme]).to.deep.equal(['#1e1d24', 'dark']);
      const warnings = captureWarnings();
      const bad = await make(c.tag, `${c.good} theme="night"`);
      warnings.restore();
      expect(warnings.messages).to.deep.equal([`[growth-kit] <${c.tag}> theme: expected light, dark or auto; using light`]);
      expect(surface(bad)).to.equal('#ffffff');
    });

    it('theme: a bad value set after the element is on the page (a dark-mode switch) warns too', async () => {
      const el = await make(c.tag, `${c.good} theme="dark"`);
      const warnings = captureWarnings();
      el.setAttribute('theme', 'night');
      el.setAttribute('theme', 'light');
      warnings.restore();
      expect(warnings.messages).to.deep.equal([`[growth-kit] <${c.tag}> theme: expected light, dark or auto; using light`]);
      expect(surface(el)).to.equal('#ffffff');
    });

    it('theme: light on a dark system unless theme="auto", which follows the system (Chromium: Firefox over WebDriver BiDi cannot emulate it)', async function () {
      try {
        await emulateMedia({ colorScheme: 'dark' });
      } catch {
        this.skip();
      }
      try {
        const plain = await make(c.tag, c.good);
        const auto = await make(c.tag, `${c.good} theme="auto"`);
        expect([surface(plain), surface(auto)]).to.deep.equal(['#ffffff', '#1e1d24']);
        await emulateMedia({ colorScheme: 'light' });
        expect(surface(auto)).to.equal('#ffffff');
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });
  });
}

describe('events leave the shadow root', () => {
  beforeEach(cleanSlate);

  it('a gk- event from inside an element reaches document', async () => {
    const el = await fixture(html`<hand-raise-lead-button glm-content="events"></hand-raise-lead-button>`);
    const heard = new Promise<Event>((resolve) => document.addEventListener('gk-lead-form-open', resolve, { once: true }));
    (el.shadowRoot!.querySelector('button') as HTMLButtonElement).click();
    const event = await heard;
    expect(event.bubbles && event.composed).to.equal(true);
    expect((event as CustomEvent).detail).to.deep.equal({ glmContent: 'events' });
  });
});

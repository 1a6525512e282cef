import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../dist/custom-elements.json';
import { defineAll } from '../src/elements.js';
import { documentOnly, forDocs } from './manifest-for-docs.js';
import '../stories/brand-theme.css';
import '../stories/dark-page.css';

setCustomElementsManifest(forDocs(manifest));
defineAll();

/** The Theme toolbar's "Dark": theme="dark" on every element a story renders (unless the story sets its own). */
const KIT = 'hand-raise-lead-button, consent-gate, course-progress-tracker';
const applyDark = () => {
  const dark = document.documentElement.dataset.theme === 'dark';
  for (const el of document.querySelectorAll(KIT)) {
    if (dark && !el.hasAttribute('theme')) el.setAttribute('theme', 'dark'), el.setAttribute('data-toolbar-theme', '');
    else if (!dark && el.hasAttribute('data-toolbar-theme')) el.removeAttribute('theme'), el.removeAttribute('data-toolbar-theme');
  }
};
new MutationObserver(applyDark).observe(document.documentElement, { childList: true, subtree: true, attributeFilter: ['data-theme'] });

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [documentOnly],
  parameters: {
    controls: { expanded: true },
    // Phones first: where marketers' pages are read most.
    viewport: {
      options: {
        phone: { name: 'Phone 390 × 844', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        phoneSmall: { name: 'Small phone 360 × 740', styles: { width: '360px', height: '740px' }, type: 'mobile' },
        tablet: { name: 'Tablet 820 × 1180', styles: { width: '820px', height: '1180px' }, type: 'tablet' },
        desktop: { name: 'Desktop 1280 × 800', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'The page language (<html lang>): widgets follow it live.',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'de', 'es', 'fr', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'ar'], dynamicTitle: true },
    },
    theme: {
      description: "The kit's own look, a host's brand set through the design tokens (stories/brand-theme.css), or the dark theme.",
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Default' },
          { value: 'brand', title: 'Brand (host CSS)' },
          { value: 'dark', title: 'Dark (theme="dark")' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'default' },
  decorators: [
    (story, { globals }) => {
      const locale = String(globals.locale ?? 'en');
      document.documentElement.lang = locale;
      document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
      document.documentElement.dataset.theme = String(globals.theme ?? 'default');
      return story();
    },
  ],
};

export default preview;

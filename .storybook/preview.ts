import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from '../dist/custom-elements.json';
import { defineAll } from '../src/elements.js';

setCustomElementsManifest(manifest);
defineAll();

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    locale: {
      description: 'The page language (<html lang>): widgets follow it live.',
      toolbar: { title: 'Locale', icon: 'globe', items: ['en', 'de', 'es', 'fr', 'pt-BR', 'it', 'nl', 'pl', 'ja', 'ar'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, { globals }) => {
      const locale = String(globals.locale ?? 'en');
      document.documentElement.lang = locale;
      document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
      return story();
    },
  ],
};

export default preview;

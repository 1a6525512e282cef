import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // The demo video, and the player stand-ins (YouTube, Vimeo, Vidyard) the adapter stories run against.
  staticDirs: [
    { from: '../demo/media', to: '/media' },
    { from: '../demo/media', to: '/demo/media' },
    { from: '../test/stand-ins', to: '/stand-ins' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
};

export default config;

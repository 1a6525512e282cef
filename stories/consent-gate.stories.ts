import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { consent } from '../src/runtime/consent.js';

interface Args {
  category: 'functional' | 'analytics' | 'marketing';
  mode: 'auto' | 'banner' | 'gate' | 'preferences-button';
  'privacy-policy-url': string;
}

const meta: Meta<Args> = {
  title: 'Widgets/consent-gate',
  component: 'consent-gate',
  args: { category: 'marketing', mode: 'auto', 'privacy-policy-url': 'https://example.com/privacy' },
  argTypes: {
    category: { control: 'inline-radio', options: ['functional', 'analytics', 'marketing'] },
    mode: { control: 'inline-radio', options: ['auto', 'banner', 'gate', 'preferences-button'] },
  },
  // Every story starts undecided so the banner and placeholders show.
  beforeEach: () => consent.reset(),
};
export default meta;
type Story = StoryObj<Args>;

export const Banner: Story = {
  render: (a) => html`<consent-gate mode=${a.mode} privacy-policy-url=${a['privacy-policy-url']}></consent-gate>`,
};
export const GatedEmbed: Story = {
  render: (a) => html`<consent-gate category=${a.category} mode="gate">
    <template><p>Gated content: this paragraph stands for a video embed.</p></template>
  </consent-gate>`,
};
export const CustomPlaceholder: Story = {
  render: (a) => html`<consent-gate category=${a.category} mode="gate">
    <template><p>Gated content.</p></template>
    <p slot="placeholder">Our map needs functional cookies. <a href="#">Learn more</a></p>
  </consent-gate>`,
};
export const PreferencesButton: Story = { render: () => html`<consent-gate mode="preferences-button"></consent-gate>` };
export const German: Story = {
  render: (a) => html`<div lang="de"><consent-gate privacy-policy-url=${a['privacy-policy-url']}></consent-gate></div>`,
};

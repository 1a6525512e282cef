import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { ConsentGate } from '../src/components/consent-gate/consent-gate.js';
import { consent } from '../src/runtime/consent/index.js';

/** Opens the preferences dialog of the story's gate, as its "Preferences" button would. */
async function openPreferences(canvasElement: HTMLElement): Promise<void> {
  const gate = canvasElement.querySelector<ConsentGate>('consent-gate')!;
  await gate.updateComplete;
  await gate.openPreferences();
}

interface Args {
  category: 'functional' | 'analytics' | 'marketing';
  mode: 'auto' | 'banner' | 'gate' | 'preferences-button';
  layout: 'cloud' | 'bar' | 'box';
  'privacy-policy-url': string;
}

const meta: Meta<Args> = {
  title: 'Widgets/consent-gate',
  component: 'consent-gate',
  args: { category: 'marketing', mode: 'auto', layout: 'cloud', 'privacy-policy-url': 'https://example.com/privacy' },
  argTypes: {
    category: { control: 'inline-radio', options: ['functional', 'analytics', 'marketing'] },
    mode: { control: 'inline-radio', options: ['auto', 'banner', 'gate', 'preferences-button'] },
    layout: { control: 'inline-radio', options: ['cloud', 'bar', 'box'] },
  },
  // Every story starts undecided so the banner and placeholders show, with no GPC signal unless it sets one.
  beforeEach: () => {
    consent.reset();
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: undefined, configurable: true });
  },
};
export default meta;
type Story = StoryObj<Args>;

export const Banner: Story = {
  render: (a) => html`<consent-gate mode=${a.mode} layout=${a.layout} privacy-policy-url=${a['privacy-policy-url']}></consent-gate>`,
};
/** layout="bar": along the bottom edge, the buttons beside the text on a wide screen. */
export const BannerBar: Story = { ...Banner, args: { layout: 'bar' } };
/** layout="box": a small card in the inline-end corner, its buttons stacked. */
export const BannerBox: Story = { ...Banner, args: { layout: 'box' } };
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
export const Preferences: Story = {
  render: (a) => html`<consent-gate privacy-policy-url=${a['privacy-policy-url']}></consent-gate>`,
  play: ({ canvasElement }) => openPreferences(canvasElement),
};
export const PreferencesCustomCategories: Story = {
  render: () => html`<consent-gate
    categories="analytics marketing"
    category-text='{"analytics": {"title": "Statistics", "description": "Counts visits so we know which pages help."}}'
  ></consent-gate>`,
  play: ({ canvasElement }) => openPreferences(canvasElement),
};
/** The browser sends Global Privacy Control: marketing stays off unless the visitor turns it on. */
export const GlobalPrivacyControl: Story = {
  render: (a) => html`<consent-gate privacy-policy-url=${a['privacy-policy-url']}></consent-gate>`,
  beforeEach: () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
  },
};
export const PreferencesRtl: Story = {
  render: (a) => html`<div lang="ar" dir="rtl"><consent-gate privacy-policy-url=${a['privacy-policy-url']}></consent-gate></div>`,
  play: ({ canvasElement }) => openPreferences(canvasElement),
};
/** theme="dark" (the Theme toolbar's Dark): every token has a dark value. */
export const BannerDark: Story = { ...Banner, globals: { theme: 'dark' } };
export const PreferencesDark: Story = { ...Preferences, globals: { theme: 'dark' } };

import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { HandRaiseLeadButton } from '../src/components/hand-raise-lead-button/hand-raise-lead-button.js';
import type { SendResult } from '../src/runtime/delivery/transport.js';
import { skeleton } from '../src/internal/dialogs.js';
import { accepted, answerWith, offline } from './story-helpers.js';

interface Args {
  'glm-content': string;
  'button-text'?: string;
  variant: 'primary' | 'secondary' | 'link';
  small: boolean;
  fields?: string;
  'required-fields'?: string;
  'first-name'?: string;
  'last-name'?: string;
  email?: string;
  'company-name'?: string;
  'user-name'?: string;
  'cta-tracking'?: string;
  endpoint: string;
}

/** The element from the story's args, with `content` as its children. */
const element = (a: Args, content: unknown = nothing) => html`<hand-raise-lead-button
  glm-content=${a['glm-content']}
  button-text=${ifDefined(a['button-text'])}
  variant=${a.variant}
  ?small=${a.small}
  fields=${ifDefined(a.fields)}
  required-fields=${ifDefined(a['required-fields'])}
  first-name=${ifDefined(a['first-name'])}
  last-name=${ifDefined(a['last-name'])}
  email=${ifDefined(a.email)}
  company-name=${ifDefined(a['company-name'])}
  user-name=${ifDefined(a['user-name'])}
  cta-tracking=${ifDefined(a['cta-tracking'])}
  endpoint=${a.endpoint}
  >${content}</hand-raise-lead-button
>`;
const render = (a: Args) => element(a);

const meta: Meta<Args> = {
  title: 'Widgets/hand-raise-lead-button',
  component: 'hand-raise-lead-button',
  render,
  args: { 'glm-content': 'storybook', variant: 'primary', small: false, endpoint: 'https://api.example.com/hand-raise-leads' },
  argTypes: { variant: { control: 'inline-radio', options: ['primary', 'secondary', 'link'] } },
};
export default meta;
type Story = StoryObj<Args>;

async function openForm(canvasElement: HTMLElement): Promise<HandRaiseLeadButton> {
  const el = canvasElement.querySelector('hand-raise-lead-button')!;
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
  await new Promise<void>((resolve) => el.addEventListener('gk-lead-form-open', () => resolve(), { once: true }));
  await el.updateComplete;
  return el;
}

function fill(el: HandRaiseLeadButton, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
  }
}

const prefilled = { 'first-name': 'Ada', 'last-name': 'Lovelace', email: 'ada@engines.example', 'company-name': 'Analytical Engines', 'user-name': 'Ada' };
const rest = { company_size: '100-499', country: 'GB' };

export const Primary: Story = {};
export const Secondary: Story = { args: { variant: 'secondary' } };
export const Link: Story = { args: { variant: 'link', 'button-text': 'Talk to an expert' } };
export const Small: Story = { args: { small: true } };
/**
 * What the first click shows while the form's chunk is still on its way (a slow phone network): the dialog, at once,
 * on the form's skeleton. Here the form is never let in, so the story stays on the skeleton.
 */
export const LoadingForm: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hand-raise-lead-button')!;
    await el.updateComplete;
    const inner = el as unknown as { skeleton: unknown; open: boolean };
    inner.skeleton = skeleton(el.shadowRoot!, el.shadowRoot!.querySelector('button')!.textContent!.trim());
    inner.open = true;
    await el.updateComplete;
    el.shadowRoot!.querySelector('dialog')!.showModal();
  },
};
export const OpenForm: Story = { play: async ({ canvasElement }) => void (await openForm(canvasElement)) };
export const Prefilled: Story = { args: prefilled, play: async ({ canvasElement }) => void (await openForm(canvasElement)) };
export const FewerFields: Story = {
  args: { fields: 'first_name last_name email company_name', 'required-fields': 'email' },
  play: async ({ canvasElement }) => void (await openForm(canvasElement)),
};
export const InvalidEmail: Story = {
  play: async ({ canvasElement }) => {
    const el = await openForm(canvasElement);
    fill(el, { email: 'not-an-email' });
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};
/** Opens the prefilled form, completes it and submits while the endpoint answers with `result`. */
const submitting = (result: SendResult, outcome: 'gk-lead-submitted' | 'gk-lead-error'): Story => ({
  args: prefilled,
  play: async ({ canvasElement }) => {
    answerWith(result);
    const el = await openForm(canvasElement);
    fill(el, rest);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await new Promise((resolve) => el.addEventListener(outcome, resolve, { once: true }));
    await el.updateComplete;
  },
});

export const Success = submitting(accepted, 'gk-lead-submitted');
export const SavedWhileOffline = submitting(offline, 'gk-lead-error');
export const Submitting: Story = {
  args: prefilled,
  play: async ({ canvasElement }) => {
    answerWith('never');
    const el = await openForm(canvasElement);
    fill(el, rest);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};
export const RequiredFieldErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await openForm(canvasElement);
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
  },
};
export const ArabicRightToLeft: Story = {
  render: (a) => html`<div lang="ar" dir="rtl">${render(a)}</div>`,
  play: async ({ canvasElement }) => void (await openForm(canvasElement)),
};
export const German: Story = {
  render: (a) => html`<div lang="de">${render(a)}</div>`,
  play: async ({ canvasElement }) => void (await openForm(canvasElement)),
};
/** theme="dark" (the Theme toolbar's Dark): the form with its errors. */
export const RequiredFieldErrorsDark: Story = { ...RequiredFieldErrors, globals: { theme: 'dark' } };
/** Next steps in the `success` slot: the host's own link to book a meeting, under the thank-you. */
export const SuccessWithMeetingLink: Story = {
  ...submitting(accepted, 'gk-lead-submitted'),
  render: (a) => element(a, html`<p slot="success">While you wait: <a href="https://meetings.example.com/sales">book a 20-minute call</a> with our team.</p>`),
};

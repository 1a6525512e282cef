/** Loads the built kit into a host page in an iframe: a fresh registry, runtime and module map per case. */
import { waitFor } from '../helpers.js';

export const TAGS = ['hand-raise-lead-button', 'consent-gate', 'course-progress-tracker'];

export type HostWindow = Window & {
  __errors: string[];
  __warnings: string[];
  /** CSP violations, on the strict-CSP hosts (test/fixtures/hostile/watch.js). */
  __violations?: string[];
  GrowthKit: NonNullable<Window['GrowthKit']>;
};

export async function host(scripts: string[], params: Record<string, string> = {}): Promise<HostWindow> {
  const query = new URLSearchParams(params);
  for (const s of scripts) query.append('s', s);
  return hostAt(`/test/fixtures/page.html?${query}`);
}

/** Loads a host page from its URL (one the test server makes, with its own headers) in an iframe. */
export async function hostAt(url: string): Promise<HostWindow> {
  const frame = document.createElement('iframe');
  frame.src = url;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as unknown as HostWindow;
  await waitFor(() => TAGS.every((t) => win.customElements.get(t)) && win.GrowthKit, 10000, 'every tag defined');
  // Every widget has rendered (its last update done) before the test looks for errors.
  await Promise.all(TAGS.flatMap((t) => Array.from(win.document.querySelectorAll(t), (el) => (el as unknown as { updateComplete: Promise<unknown> }).updateComplete)));
  return win;
}

export function removeHosts(): void {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
}

/** A lead with values distinct enough to scan for. */
export const form = {
  first_name: 'Zelda',
  last_name: 'Quuxworth',
  email: 'zelda.quuxworth@secret-corp.example',
  company_name: 'Secret Corp Unlimited',
  company_size: '10,000+',
  country: 'JP',
  phone_number: '+81 3 5555 0199',
  comment: 'Confidential budget note 7731',
};

export function button(win: HostWindow) {
  return win.document.querySelector('hand-raise-lead-button')!;
}

/** Opens the form, fills every field and submits; resolves once the endpoint accepted the lead. */
export async function submitLead(win: HostWindow): Promise<void> {
  const el = button(win);
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!.click();
  const form$ = await waitFor(() => el.shadowRoot!.querySelector<HTMLFormElement>('dialog[open] form'), 10000, 'the form').catch((error) => {
    throw new Error(`${error.message}; host warnings: ${JSON.stringify(win.__warnings)}; errors: ${JSON.stringify(win.__errors)}; shadow: ${el.shadowRoot!.innerHTML.slice(0, 600)}`);
  });
  for (const [name, value] of Object.entries(form)) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
  }
  const submitted = new Promise((resolve) => el.addEventListener('gk-lead-submitted', resolve, { once: true }));
  form$.requestSubmit();
  await submitted;
}

/** Loads the built kit into a host page in an iframe: a fresh registry, runtime and module map per case. */
import { waitFor } from '../helpers.js';

export const TAGS = ['hand-raise-lead-button', 'consent-gate', 'course-progress-tracker'];

export type HostWindow = Window & {
  __errors: string[];
  __warnings: string[];
  GrowthKit: NonNullable<Window['GrowthKit']>;
};

export async function host(scripts: string[], params: Record<string, string> = {}): Promise<HostWindow> {
  const frame = document.createElement('iframe');
  const query = new URLSearchParams(params);
  for (const s of scripts) query.append('s', s);
  frame.src = `/test/fixtures/page.html?${query}`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const win = frame.contentWindow as unknown as HostWindow;
  await waitFor(() => TAGS.every((t) => win.customElements.get(t)) && win.GrowthKit, 10000, 'every tag defined');
  // Let the elements render and any lazy catalog settle before looking for errors.
  await new Promise((r) => setTimeout(r, 300));
  return win;
}

export function removeHosts(): void {
  document.querySelectorAll('iframe').forEach((f) => f.remove());
}

import { getCustomElements, type Meta, type StoryObj } from '@storybook/web-components-vite';

/**
 * The design tokens every element reads (documented on GrowthKitElement, defaults in src/internal/shared-styles.ts),
 * with the value they have on this page: switch the Theme toolbar to "Brand" to see a host's own.
 */
type Declaration = { tagName?: string; cssProperties?: { name: string; description?: string }[] };
/** From the manifest the preview registered (.storybook/preview.ts): dist/ does not exist before a build. */
const tokens = () =>
  (getCustomElements() as { modules: { declarations?: Declaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.tagName === 'hand-raise-lead-button')!.cssProperties!;

const meta: Meta = {
  title: 'Design/Tokens',
  parameters: { docs: { description: { component: 'CSS custom properties a page sets on the elements to theme the kit.' } } },
};
export default meta;

export const Tokens: StoryObj = {
  render: () => {
    const root = document.createElement('div');
    root.innerHTML = `<hand-raise-lead-button style="display:none"></hand-raise-lead-button>
      <div style="overflow-x:auto"><table style="border-collapse:collapse;font:14px/1.5 system-ui,sans-serif">
        <caption style="text-align:start;font-weight:700;padding-block-end:8px">Design tokens</caption>
        <thead><tr><th scope="col" style="text-align:start;padding:4px 12px">Token</th><th scope="col" style="text-align:start;padding:4px 12px">Value here</th><th scope="col" style="text-align:start;padding:4px 12px">Used for</th></tr></thead>
        <tbody></tbody>
      </table></div>`;
    return root;
  },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('hand-raise-lead-button')!;
    await customElements.whenDefined('hand-raise-lead-button');
    const style = getComputedStyle(element);
    const body = canvasElement.querySelector('tbody')!;
    for (const { name, description } of tokens()) {
      const value = style.getPropertyValue(name).trim();
      const row = body.insertRow();
      const code = document.createElement('code');
      code.textContent = name;
      row.insertCell().append(code);
      const cell = row.insertCell();
      if (/^#|^rgb/.test(value)) {
        const swatch = document.createElement('span');
        swatch.setAttribute('aria-hidden', 'true');
        swatch.style.cssText = `display:inline-block;inline-size:1.5em;block-size:1em;margin-inline-end:8px;vertical-align:middle;border:1px solid #767676;background:${value}`;
        cell.append(swatch);
      }
      cell.append(value);
      row.insertCell().textContent = description ?? '';
      for (const td of row.cells) td.style.padding = '4px 12px';
    }
  },
};

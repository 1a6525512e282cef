/** Custom Elements Manifest from the components' JSDoc: Storybook's docs and controls and editors read it. */
import { readFileSync } from 'node:fs';

const kebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
/** Per element class, the names its `static properties` declare as internal state (no attribute). */
const stateProperties = new Map();

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.schema.ts', 'src/**/*.attributes.ts', 'src/**/*.styles.ts', 'src/**/*-host.ts', 'src/components/hand-raise-lead-button/lead-form.ts', 'src/components/hand-raise-lead-button/lead-fields.ts', 'src/components/hand-raise-lead-button/business-email.ts', 'src/components/hand-raise-lead-button/countries.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // GrowthKitElement.createProperty gives each property its kebab-case attribute unless one is given, and
      // `state: true` has none (src/internal/base-element.ts); the analyzer assumes Lit's defaults. State members
      // leave the manifest: designers' docs and editors' completions show only what a page can set.
      name: 'growth-kit:kebab-attributes',
      analyzePhase({ ts, node }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const properties = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties');
        if (!properties?.initializer || !ts.isObjectLiteralExpression(properties.initializer)) return;
        const states = properties.initializer.properties
          .filter((p) => ts.isPropertyAssignment(p) && /\bstate:\s*true\b/.test(p.initializer.getText()))
          .map((p) => p.name.getText());
        stateProperties.set(node.name.text, new Set(states));
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            const states = stateProperties.get(declaration.name);
            if (!declaration.customElement || !states) continue;
            // Reactive state (`state: true`) is the element's own business, whatever its TypeScript visibility.
            declaration.members = (declaration.members ?? []).filter((member) => !states.has(member.name));
            for (const member of declaration.members) {
              if (member.attribute === member.name) member.attribute = kebab(member.name);
            }
            declaration.attributes = (declaration.attributes ?? [])
              .filter((a) => !states.has(a.fieldName))
              .map((a) => (a.fieldName && a.name === a.fieldName ? { ...a, name: kebab(a.name) } : a));
          }
        }
      },
    },
    {
      // The design tokens and the theme attribute are shared (src/internal/shared-styles.ts sets the tokens on every
      // element's :host and their dark values under [theme]) and documented once, on GrowthKitElement, which the
      // analyzer does not read: every element lists them.
      name: 'growth-kit:shared-tokens',
      packageLinkPhase({ customElementsManifest }) {
        const source = readFileSync('src/internal/base-element.ts', 'utf8');
        const tokens = [...source.matchAll(/@cssproperty (--[\w-]+) - (.+)/g)].map(([, name, description]) => ({ name, description }));
        const attributes = [...source.matchAll(/@attr \{(.+?)\} ([\w-]+) - (.+)/g)].map(([, type, name, description]) => ({ name, type: { text: type }, description }));
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.customElement || !declaration.tagName) continue;
            const own = declaration.cssProperties ?? [];
            declaration.cssProperties = [...own, ...tokens.filter((t) => !own.some((o) => o.name === t.name))];
            const ownAttributes = declaration.attributes ?? [];
            declaration.attributes = [...ownAttributes, ...attributes.filter((a) => !ownAttributes.some((o) => o.name === a.name))];
          }
        }
      },
    },
    {
      // Our elements are registered through one guarded define() (src/entries/), which the analyzer cannot see:
      // each element's module declares its tag as a custom-element-definition export, as customElements.define would.
      name: 'growth-kit:definitions',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (!declaration.customElement || !declaration.tagName) continue;
            mod.exports = [
              ...(mod.exports ?? []).filter((e) => e.kind !== 'custom-element-definition'),
              { kind: 'custom-element-definition', name: declaration.tagName, declaration: { name: declaration.name, module: mod.path } },
            ];
          }
        }
      },
    },
  ],
};

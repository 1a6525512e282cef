/** Custom Elements Manifest from the components' JSDoc: Storybook's docs and controls and editors read it. */
import { readFileSync } from 'node:fs';

const kebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
/** Per element class, the names its `static properties` declare as internal state (no attribute). */
const stateProperties = new Map();
/** Per element class, its attribute table (withAttributes), entry by entry. */
const attributeTables = new Map();

export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.schema.ts', 'src/**/*.attributes.ts', 'src/**/*.styles.ts', 'src/**/*-host.ts', 'src/components/hand-raise-lead-button/lead-form.ts', 'src/components/hand-raise-lead-button/lead-fields.ts', 'src/components/hand-raise-lead-button/business-email.ts', 'src/components/hand-raise-lead-button/countries.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
    {
      // An element's public properties are one table, `class X extends withAttributes({ … })`
      // (src/internal/base-element.ts): each key a property with its kebab-case attribute, the value its default,
      // `reflect(…)` or `flag()` where Lit needs more, the JSDoc its description. The analyzer reads class fields,
      // not that table: this reads it into the same fields and attributes, and GrowthKitElement stays the superclass.
      name: 'growth-kit:attribute-tables',
      analyzePhase({ ts, node }) {
        if (!ts.isClassDeclaration(node) || !node.name) return;
        const base = node.heritageClauses?.flatMap((h) => h.types).find((t) => ts.isCallExpression(t.expression));
        const call = base?.expression;
        if (!call || call.expression.getText() !== 'withAttributes') return;
        const [table] = call.arguments;
        if (!table || !ts.isObjectLiteralExpression(table)) throw new Error(`${node.name.text}: withAttributes takes an object literal`);
        attributeTables.set(
          node.name.text,
          table.properties.map((entry) => {
            if (!ts.isPropertyAssignment(entry)) throw new Error(`${node.name.text}: ${entry.getText()} is not a table entry`);
            const name = entry.name.getText();
            let value = entry.initializer;
            const option = ts.isCallExpression(value) ? value.expression.getText() : undefined;
            if (option === 'flag') value = undefined;
            else if (option === 'reflect') [value] = value.arguments;
            else if (option) throw new Error(`${node.name.text}.${name}: unknown option ${option}`);
            const type = !value ? 'boolean' : ts.isAsExpression(value) ? value.type.getText() : ts.isStringLiteral(value) ? 'string' : value.kind === ts.SyntaxKind.TrueKeyword || value.kind === ts.SyntaxKind.FalseKeyword ? 'boolean' : undefined;
            if (!type) throw new Error(`${node.name.text}.${name}: write the type (… as T)`);
            const defaultText = !value ? 'false' : ts.isAsExpression(value) ? value.expression.getText() : value.getText();
            const description = ts.getTextOfJSDocComment(ts.getJSDocCommentsAndTags(entry).find((d) => ts.isJSDoc(d))?.comment);
            return { name, type, default: defaultText, description, reflects: option !== undefined };
          }),
        );
      },
      moduleLinkPhase({ moduleDoc }) {
        for (const declaration of moduleDoc.declarations ?? []) {
          const table = attributeTables.get(declaration.name);
          if (!table) continue;
          const fields = table.map(({ name, type, default: value, description, reflects }) => ({
            kind: 'field',
            name,
            privacy: 'public',
            type: { text: type },
            default: value,
            ...(description && { description }),
            attribute: kebab(name),
            ...(reflects && { reflects: true }),
          }));
          const attributes = table.map(({ name, type, default: value, description }) => ({
            name: kebab(name),
            type: { text: type },
            default: value,
            ...(description && { description }),
            fieldName: name,
          }));
          declaration.members = [...fields, ...(declaration.members ?? []).filter((m) => !table.some((t) => t.name === m.name))];
          declaration.attributes = [...attributes, ...(declaration.attributes ?? []).filter((a) => !table.some((t) => t.name === a.fieldName))];
          declaration.superclass = { name: 'GrowthKitElement', module: '/src/internal/base-element.js' };
          delete declaration.mixins;
        }
      },
    },
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

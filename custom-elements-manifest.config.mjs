/** Custom Elements Manifest from the components' JSDoc: Storybook's docs and controls and editors read it. */
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.schema.ts', 'src/**/*.attributes.ts', 'src/**/*.styles.ts', 'src/**/*-host.ts', 'src/components/hand-raise-lead-button/lead-form.ts', 'src/components/hand-raise-lead-button/lead-fields.ts', 'src/components/hand-raise-lead-button/business-email.ts', 'src/components/hand-raise-lead-button/countries.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [
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

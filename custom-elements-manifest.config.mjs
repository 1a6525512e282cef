/** Custom Elements Manifest from the components' JSDoc: Storybook's docs and controls and editors read it. */
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.schema.ts', 'src/**/*.attributes.ts', 'src/**/*.styles.ts', 'src/**/*-host.ts', 'src/components/hand-raise-lead-button/lead-form.ts', 'src/components/hand-raise-lead-button/lead-fields.ts', 'src/components/hand-raise-lead-button/business-email.ts', 'src/components/hand-raise-lead-button/countries.ts'],
  outdir: 'dist',
  litelement: true,
};

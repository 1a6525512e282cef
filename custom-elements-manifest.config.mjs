/** Custom Elements Manifest from the components' JSDoc: Storybook's docs and controls and editors read it. */
export default {
  globs: ['src/components/*/*.ts'],
  exclude: ['src/**/*.schema.ts', 'src/**/*.styles.ts', 'src/components/hand-raise-lead-button/lead-form.ts', 'src/components/hand-raise-lead-button/countries.ts'],
  outdir: 'dist',
  litelement: true,
};

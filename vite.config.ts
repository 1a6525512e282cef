import { readFileSync } from 'node:fs';
import { defineConfig, type BuildEnvironmentOptions } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Two builds. The default one makes the drop-in: dist/growth-kit.js (a classic-safe loader), the kit module it
 * imports, and lazy chunks beside them. `--mode npm` makes the npm entries in dist/npm with lit kept external.
 */
export default defineConfig(({ mode }) => ({
  define: {
    __GK_VERSION__: JSON.stringify(version),
    // Library mode leaves these alone; in a browser bundle they must be constants.
    ...(mode === 'npm' ? {} : { 'process.env.NODE_ENV': '"production"' }),
  },
  build: (mode === 'npm'
      ? {
          outDir: 'dist/npm',
          emptyOutDir: true,
          target: 'es2021',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              'hand-raise-lead-button': 'src/entries/hand-raise-lead-button.ts',
              'consent-gate': 'src/entries/consent-gate.ts',
              'course-progress-tracker': 'src/entries/course-progress-tracker.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^@segment\//] },
        }
      : {
          outDir: 'dist',
          // This build runs first in `npm run build`, so it starts dist/ afresh; stale chunks would skew sizes.
          emptyOutDir: true,
          manifest: true,
          target: 'es2021',
          reportCompressedSize: false,
          // Library mode: no preload helper around dynamic imports (our chunks have nothing to preload, and the
          // helper would resolve from "/" instead of the script's own folder). Everything is bundled, lit too.
          lib: { entry: { 'growth-kit': 'src/loader.ts', 'growth-kit.main': 'src/growth-kit.ts' }, formats: ['es'] },
          rolldownOptions: {
            // Vite keeps whitespace in ES library builds for downstream tree-shaking; this file is final.
            output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true },
          },
        }) as BuildEnvironmentOptions,
}));
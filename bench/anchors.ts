/**
 * Builds each anchor the way the kit is built (Vite 8, rolldown's minifier, one entry per build) and measures
 * its JS+CSS: what loads at start-up (the entry and its static imports) and everything including lazy chunks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { measure, type Size } from './sizes.ts';

export const ANCHORS = ['lit', 'cookieconsent', 'typeform', 'klaro', 'segment', 'zod', 'zod-mini'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

function startup(entry: string, out: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.[^"'`]+)["'`]/g)) visit(join(dirname(file), m[1]));
  };
  visit(entry);
  // CSS the entry pulls in is render-blocking: it counts at start-up.
  return [...seen, ...files(out).filter((f) => f.endsWith('.css'))];
}

const sum = (xs: Size[]) => xs.reduce((a, s) => ({ gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { gzip: 0, brotli: 0 });

export async function measureAnchors(): Promise<Record<string, { startup: { gzip: number; brotli: number }; all: { gzip: number; brotli: number } }>> {
  const result: Record<string, { startup: { gzip: number; brotli: number }; all: { gzip: number; brotli: number } }> = {};
  for (const name of ANCHORS) {
    const out = `.tmp/anchors/${name}`;
    await build({
      configFile: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir: out,
        emptyOutDir: true,
        target: 'es2021',
        lib: { entry: { [name]: `bench/anchors/${name}.ts` }, formats: ['es'] },
        rolldownOptions: { output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', minify: true } },
      },
    });
    const all = files(out).filter((f) => /\.(m?js|css)$/.test(f));
    result[name] = { startup: sum(startup(join(out, `${name}.js`), out).map(measure)), all: sum(all.map(measure)) };
  }
  return result;
}

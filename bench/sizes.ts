/**
 * Byte sizes of the drop-in build: what a page downloads before any interaction (the loader, the kit module
 * and every chunk they import statically) and each lazy chunk. gzip -9 and brotli 11, as CDNs serve them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { segmentChunkFiles, type ManifestChunk } from './manifest.ts';

export interface Size {
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export function measure(file: string): Size {
  const data = readFileSync(file);
  return {
    file,
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+)["'`]|export\s*[\w*{}\s,$]+from\s*["'`]([^"'`]+)["'`]/g;

/** The files a browser fetches before anything is clicked: the entries' static import graph. */
export function initialFiles(dist: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
    }
  };
  // The loader imports the kit module dynamically on start-up, which is part of the initial download too.
  visit(join(dist, 'growth-kit.js'));
  visit(join(dist, 'growth-kit.main.js'));
  return [...seen];
}

/** Every file Segment's lazy import pulls in, read from Vite's build manifest. */
export function segmentFiles(dist: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  return new Set([...segmentChunkFiles(manifest)].map((file) => join(dist, file)));
}

export function report(dist = 'dist') {
  const initial = initialFiles(dist).map(measure);
  const all = readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f));
  const lazy = all.filter((f) => !initial.some((i) => i.file === f)).map(measure);
  const segment = segmentFiles(dist);
  const sum = (xs: Size[]) => xs.reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return {
    initial,
    lazy,
    initialTotal: sum(initial),
    lazyOurs: sum(lazy.filter((s) => !segment.has(s.file))),
    lazySegment: sum(lazy.filter((s) => segment.has(s.file))),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = report();
  const kb = (n: number) => (n / 1024).toFixed(1).padStart(6);
  console.log('file'.padEnd(52), '   raw KB', ' gzip KB', '  br KB');
  for (const s of r.initial) console.log(`initial  ${relative('dist', s.file)}`.padEnd(52), kb(s.raw), '  ', kb(s.gzip), ' ', kb(s.brotli));
  for (const s of r.lazy) console.log(`lazy     ${relative('dist', s.file)}`.padEnd(52), kb(s.raw), '  ', kb(s.gzip), ' ', kb(s.brotli));
  console.log('TOTAL initial'.padEnd(52), kb(r.initialTotal.raw), '  ', kb(r.initialTotal.gzip), ' ', kb(r.initialTotal.brotli));
  console.log('TOTAL lazy, ours'.padEnd(52), kb(r.lazyOurs.raw), '  ', kb(r.lazyOurs.gzip), ' ', kb(r.lazyOurs.brotli));
  console.log('TOTAL lazy, Segment'.padEnd(52), kb(r.lazySegment.raw), '  ', kb(r.lazySegment.gzip), ' ', kb(r.lazySegment.brotli));
}

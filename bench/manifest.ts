/** Reads Vite's build manifest (no Node APIs, so browser tests can use it too). */
export interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The files (relative to dist/) that Segment's lazy imports (analytics-next and its consent wrapper) pull in. */
export function segmentChunkFiles(manifest: Record<string, ManifestChunk>): Set<string> {
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])].forEach(visit);
  };
  for (const key of Object.keys(manifest)) if (/node_modules\/@segment\/analytics-(next|consent-tools)\//.test(key)) visit(key);
  return files;
}

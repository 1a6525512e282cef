/**
 * Writes dist/integrity.json: the Subresource Integrity hash (sha384) of every file the build made, keyed by its
 * path inside dist/. The README shows the loader's hash in the snippet; the others can go into an import map's
 * "integrity" section for the module and its chunks.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = 'dist';
const hashes: Record<string, string> = {};
const walk = (dir: string): void => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path !== join(root, 'integrity.json')) {
      hashes[relative(root, path).split('\\').join('/')] = `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;
    }
  }
};
walk(root);
writeFileSync(join(root, 'integrity.json'), `${JSON.stringify(hashes, null, 2)}\n`);
console.log(`dist/integrity.json: ${Object.keys(hashes).length} files, growth-kit.js ${hashes['growth-kit.js']}`);

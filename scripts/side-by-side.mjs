#!/usr/bin/env node
/**
 * Runs npm scripts side by side and prints each one's whole output in the order named, once all have finished, so
 * every runner's own closing lines stay together. Exits non-zero if any of them failed. `npm test` uses it where
 * the work does not share a resource: a CPU-bound build beside browser tests that mostly wait, and two Playwright
 * suites each with its own server, database file and browser.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error('usage: node scripts/side-by-side.mjs <npm script> [<npm script> …]');
  process.exit(2);
}
const runs = scripts.map(
  (script) =>
    new Promise((resolve) => {
      const started = Date.now();
      const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
      const output = [];
      child.stdout.on('data', (chunk) => output.push(chunk));
      child.stderr.on('data', (chunk) => output.push(chunk));
      child.on('close', (code) => resolve({ script, code: code ?? 1, output: Buffer.concat(output), seconds: (Date.now() - started) / 1000 }));
    }),
);
let failed = false;
for (const { script, code, output, seconds } of await Promise.all(runs)) {
  process.stdout.write(`\n> npm run ${script} (side by side, ${seconds.toFixed(1)} s, exit ${code})\n`);
  process.stdout.write(output);
  if (code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

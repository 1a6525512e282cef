#!/usr/bin/env node
/**
 * `npm test` needs Debian's Chromium and Firefox ESR, and PostgreSQL for the collector's store contract (the tests
 * start their own cluster from its binaries, test/server/postgres.ts). When one is missing and we are root on a
 * Debian-like machine, install it with apt; otherwise say exactly what to install and stop.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const postgres = existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/pg_ctl`));
const missing = [
  [CHROMIUM, 'chromium'],
  [FIREFOX, 'firefox-esr'],
  [postgres ? '/' : '/usr/lib/postgresql/*/bin/pg_ctl', 'postgresql'],
].filter(([path]) => !existsSync(path));

if (missing.length) {
  const packages = missing.map(([, pkg]) => pkg).join(' ');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`[growth-kit] installing browsers for the tests: ${packages}`);
    execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: 'inherit' });
  } else {
    console.error(
      `[growth-kit] the tests need ${missing.map(([path]) => path).join(' and ')}.\n` +
        `  On Debian/Ubuntu: sudo apt-get install -y ${packages}\n` +
        `  Elsewhere: set CHROMIUM_PATH and FIREFOX_PATH to a Chromium and a Firefox ESR executable, and install PostgreSQL.`,
    );
    process.exit(1);
  }
}

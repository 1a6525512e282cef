/** The browsers every test suite uses, with the flags this closed network needs. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/**
 * Chromium's flags: no sandbox as root, and no background requests to hosts this machine cannot reach.
 * `profile` adds a fresh user-data dir (Playwright makes its own).
 */
export function chromiumArgs(profile = false): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--autoplay-policy=no-user-gesture-required',
    ...(profile ? [`--user-data-dir=${mkdtempSync(join(tmpdir(), 'gk-chromium-'))}`] : []),
  ];
}

/**
 * Screenshots compared with committed baselines (test/visual/baselines/), as Playwright's toHaveScreenshot does:
 * pixelmatch with anti-aliasing ignored and a per-pixel colour threshold, and a small share of pixels allowed to
 * differ (Chromium from apt may render a glyph's edge differently from one version to the next; a moved or
 * resized box changes far more). A missing baseline fails, unless UPDATE_BASELINES=1 writes it; a mismatch
 * leaves the actual screenshot and a diff next to each other in test/visual/output/ for a person to look at.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export const BASELINES = 'test/visual/baselines';
const OUTPUT = 'test/visual/output';
/** Colour distance (0–1, YIQ) under which two pixels count as the same. */
const THRESHOLD = 0.15;
/** Share of the pixels that may differ. */
const MAX_DIFF_RATIO = 0.001;

/** The problem with `actual` against the baseline `name`, or null when they match. */
export function compareWithBaseline(name: string, actual: Buffer): string | null {
  const file = join(BASELINES, `${name}.png`);
  if (process.env.UPDATE_BASELINES === '1') {
    mkdirSync(BASELINES, { recursive: true });
    writeFileSync(file, actual);
    return null;
  }
  if (!existsSync(file)) return `no baseline ${file}: run UPDATE_BASELINES=1 npm run test:visual, look at it, and commit it`;
  const expected = PNG.sync.read(readFileSync(file));
  const shot = PNG.sync.read(actual);
  const save = (diff?: PNG) => {
    mkdirSync(OUTPUT, { recursive: true });
    writeFileSync(join(OUTPUT, `${name}.actual.png`), actual);
    if (diff) writeFileSync(join(OUTPUT, `${name}.diff.png`), PNG.sync.write(diff));
  };
  if (expected.width !== shot.width || expected.height !== shot.height) {
    save();
    return `${name}: ${shot.width}×${shot.height}, the baseline is ${expected.width}×${expected.height} (${OUTPUT}/${name}.actual.png)`;
  }
  const diff = new PNG({ width: shot.width, height: shot.height });
  const differing = pixelmatch(expected.data, shot.data, diff.data, shot.width, shot.height, { threshold: THRESHOLD });
  if (differing <= MAX_DIFF_RATIO * shot.width * shot.height) return null;
  save(diff);
  return `${name}: ${differing} pixels differ (${((100 * differing) / (shot.width * shot.height)).toFixed(2)} %; ${MAX_DIFF_RATIO * 100} % allowed): ${OUTPUT}/${name}.diff.png`;
}

/**
 * The performance issue's byte budgets, checked on the built dist/ (bytes don't jitter, so CI enforces them):
 * initial download ≤ 16 KB brotli with all three elements, all our lazy chunks except Segment ≤ 35 KB brotli.
 * "Zero Segment bytes before analytics consent" is checked in a browser by test/dist/smoke.test.ts.
 */
import { BUDGETS } from './budget-values.ts';
import { report } from './sizes.ts';

const r = report();
const rows: [string, number, number][] = [
  ['initial download (brotli)', r.initialTotal.brotli, BUDGETS.initialBrotli],
  ['our lazy chunks, Segment excluded (brotli)', r.lazyOurs.brotli, BUDGETS.lazyOursBrotli],
];
let failed = 0;
for (const [what, bytes, budget] of rows) {
  const ok = bytes <= budget;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what.padEnd(44)} ${String(bytes).padStart(6)} B of ${budget} B (${((bytes / budget) * 100).toFixed(1)}%)`);
}
console.log(`budget: ${rows.length - failed} passed, ${failed} failed`);
if (failed) process.exit(1);

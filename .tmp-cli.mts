import { validLead } from './test/server/fixtures.ts';
const url = `http://127.0.0.1:18999/api/hand-raise-leads`;
const bodies = Array.from({ length: 3000 }, () => validLead());
const t0 = performance.now();
const lat: number[] = [];
await Promise.all(Array.from({ length: 16 }, async () => { for (let l = bodies.shift(); l; l = bodies.shift()) { const s = performance.now(); const a = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': l.submission_id }, body: JSON.stringify(l) }); await a.arrayBuffer(); lat.push(performance.now() - s); } }));
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
console.log('separate processes, accept only:', Math.round(3000 / secs), '/s p50', lat[1500].toFixed(1), 'p99', lat[2970].toFixed(1));

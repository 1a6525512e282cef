/**
 * The dashboard's charts as plain SVG from Lit templates: a stacked bar per day, a 100 % bar per group, and a
 * funnel. Each has a text alternative (a visually hidden table), so the numbers reach screen readers too.
 */
import { svg, html, nothing } from 'lit';

export const PALETTE = ['#5b3cc4', '#1a7f37', '#c0201f', '#b35900', '#0b6bcb', '#8a3ffc', '#5e5d66', '#007d79'];

export interface Series {
  label: string;
  values: number[];
}

/** Bars per category (x), stacked by series, with the categories' labels under them. */
export function stackedBars(title: string, categories: string[], series: Series[]) {
  // About the size it is drawn at in a card (≈ 340 px), so the labels stay readable.
  const width = 360;
  const height = 200;
  const pad = { top: 12, right: 8, bottom: 28, left: 28 };
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const band = (width - pad.left - pad.right) / Math.max(1, categories.length);
  const scale = (v: number) => (v / max) * (height - pad.top - pad.bottom);
  const ticks = [0, Math.ceil(max / 2), max];
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <svg viewBox="0 0 ${width} ${height}" role="img" aria-label=${title}>
      ${ticks.map((t) => svg`<line x1=${pad.left} x2=${width - pad.right} y1=${height - pad.bottom - scale(t)} y2=${height - pad.bottom - scale(t)} class="grid"></line>
        <text x=${pad.left - 6} y=${height - pad.bottom - scale(t) + 4} text-anchor="end" class="tick">${t}</text>`)}
      ${categories.map((category, i) => {
        let y = height - pad.bottom;
        return svg`<g>
          ${series.map((s, k) => {
            const h = scale(s.values[i] ?? 0);
            y -= h;
            return h > 0 ? svg`<rect x=${pad.left + i * band + band * 0.15} y=${y} width=${band * 0.7} height=${h} fill=${PALETTE[k % PALETTE.length]}><title>${category} · ${s.label}: ${s.values[i]}</title></rect>` : nothing;
          })}
          <text x=${pad.left + i * band + band / 2} y=${height - pad.bottom + 16} text-anchor="middle" class="tick">${category.slice(5)}</text>
        </g>`;
      })}
    </svg>
    ${legend(series.map((s) => s.label))}
    ${table(title, ['', ...series.map((s) => s.label)], categories.map((c, i) => [c, ...series.map((s) => s.values[i] ?? 0)]))}
  </figure>`;
}

/** One horizontal 100 % bar per group, split by the parts' shares. */
export function shareBars(title: string, groups: { label: string; parts: number[] }[], partLabels: string[]) {
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <div class="shares" aria-hidden="true">
      ${groups.map((g) => {
        const total = g.parts.reduce((a, b) => a + b, 0) || 1;
        return html`<div class="share-row">
          <span class="share-label">${g.label}</span>
          <svg viewBox="0 0 100 10" preserveAspectRatio="none" class="share-bar">
            ${(() => {
              let x = 0;
              return g.parts.map((p, k) => {
                const w = (p / total) * 100;
                const rect = svg`<rect x=${x} y="0" width=${w} height="10" fill=${PALETTE[k % PALETTE.length]}></rect>`;
                x += w;
                return rect;
              });
            })()}
          </svg>
          <span class="share-value">${g.parts.map((p) => `${Math.round((p / total) * 100)} %`).join(' · ')}</span>
        </div>`;
      })}
    </div>
    ${legend(partLabels)}
    ${table(title, ['', ...partLabels], groups.map((g) => [g.label, ...g.parts]))}
  </figure>`;
}

/** A funnel: each step's bar as wide as its share of the first step. */
export function funnel(title: string, steps: { label: string; value: number }[]) {
  const first = Math.max(1, steps[0]?.value ?? 1);
  return html`<figure class="chart">
    <figcaption>${title}</figcaption>
    <ol class="funnel">
      ${steps.map(
        (s, i) => html`<li>
          <span class="funnel-label">${s.label}</span>
          <span class="funnel-bar" style="--w:${Math.max(2, (s.value / first) * 100)}%; --c:${PALETTE[i % PALETTE.length]}"></span>
          <span class="funnel-value">${s.value}</span>
        </li>`,
      )}
    </ol>
  </figure>`;
}

function legend(labels: string[]) {
  return html`<ul class="legend" aria-hidden="true">
    ${labels.map((l, k) => html`<li><span class="swatch" style="--c:${PALETTE[k % PALETTE.length]}"></span>${l || '(none)'}</li>`)}
  </ul>`;
}

function table(caption: string, head: string[], rows: (string | number)[][]) {
  return html`<table class="visually-hidden">
    <caption>${caption}</caption>
    <thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
  </table>`;
}

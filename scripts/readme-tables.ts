/**
 * Writes the README's element reference (attributes, events, parts, CSS properties) from
 * dist/custom-elements.json, between the `<!-- elements:start -->` and `<!-- elements:end -->` markers.
 * `--check` fails when the README is out of date, so the tables cannot drift from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: { name: string; description?: string; type?: { text: string }; default?: string }[];
  events?: { name: string; description?: string }[];
  cssParts?: { name: string; description?: string }[];
  cssProperties?: { name: string; description?: string }[];
  slots?: { name: string; description?: string }[];
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const cell = (s = '') => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const lines: string[] = [];
for (const d of manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName)) {
  lines.push(`### \`<${d.tagName}>\``, '', d.summary ?? '', '');
  lines.push('| attribute | type | default | description |', '| --- | --- | --- | --- |');
  for (const a of d.attributes ?? []) lines.push(`| \`${a.name}\` | ${cell(a.type?.text ? `\`${a.type.text}\`` : '')} | ${cell(a.default ? `\`${a.default}\`` : '')} | ${cell(a.description)} |`);
  lines.push('');
  const list = (title: string, items?: { name: string; description?: string }[]) => {
    if (!items?.length) return;
    lines.push(`${title}: ${items.map((i) => `\`${i.name || '(default)'}\` ${cell(i.description).replace(/\.$/, '')}`.trim()).join('; ')}.`, '');
  };
  list('Events', d.events);
  list('Slots', d.slots);
  list('Parts', d.cssParts);
  list('CSS properties', d.cssProperties);
}
const generated = lines.join('\n').trim();
const readme = readFileSync('README.md', 'utf8');
const [start, end] = ['<!-- elements:start -->', '<!-- elements:end -->'];
const next = readme.slice(0, readme.indexOf(start) + start.length) + '\n' + generated + '\n' + readme.slice(readme.indexOf(end));
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('README.md element tables are out of date: run `npm run readme`.');
    process.exit(1);
  }
  console.log('README element tables match dist/custom-elements.json');
} else writeFileSync('README.md', next);

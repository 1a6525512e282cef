/**
 * Framework typings and editor data, generated from dist/custom-elements.json (run by `npm run build` after the
 * manifest): React 19's JSX.IntrinsicElements (attributes, properties and `ongk-*` events), Vue's
 * GlobalComponents, VS Code's HTML custom data and JetBrains' web-types. Nothing here is written by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Member {
  name: string;
  fieldName?: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  description?: string;
  summary?: string;
  attributes?: Member[];
  events?: Member[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')) as Manifest;
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const elements = manifest.modules.flatMap((m) =>
  (m.declarations ?? []).filter((d) => d.customElement && d.tagName).map((d) => ({ ...d, tagName: d.tagName!, module: m.path })),
);

const HEADER = '// Generated from dist/custom-elements.json by scripts/framework-types.ts: do not edit.\n';
const typeModule = (path: string) => `../${path.replace(/^src\//, '').replace(/\.ts$/, '.js')}`;
const details = [...new Set(elements.flatMap((e) => (e.events ?? []).map((ev) => /CustomEvent<(\w+)>/.exec(ev.type?.text ?? '')?.[1]).filter(Boolean)))];
const imports =
  elements.map((e) => `import type { ${e.name} } from '${typeModule(e.module)}';`).join('\n') +
  `\nimport type { ${details.join(', ')} } from '../index.js';\n`;
const camel = (kebab: string) => kebab.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
const pascal = (kebab: string) => camel(kebab).replace(/^\w/, (c) => c.toUpperCase());

/**
 * Properties as a framework binds them, each optional: a text property takes a number too (a bound id), as the
 * element reads it (withAttributes: `courseId={4242}` is the course "4242"). A property of a few given strings does not.
 */
const BOUND = `type Bound<T> = { [K in keyof T]?: string extends T[K] ? T[K] | number : T[K] };`;

/** An element's attributes (kebab-case, as markup writes them) and properties (camelCase, as frameworks set them). */
function props(e: (typeof elements)[number]): string {
  const fields = (e.attributes ?? []).map((a) => a.fieldName).filter((f): f is string => Boolean(f));
  const attributes = (e.attributes ?? []).filter((a) => a.name !== a.fieldName).map((a) => `'${a.name}'?: string`);
  return `Bound<Pick<${e.name}, ${fields.map((f) => `'${f}'`).join(' | ')}>> & { ${attributes.join('; ')} }`;
}
const events = (e: (typeof elements)[number], name: (event: string) => string) =>
  `{ ${(e.events ?? []).map((ev) => `'${name(ev.name)}'?: (event: ${ev.type?.text ?? 'CustomEvent'}) => void`).join('; ')} }`;

mkdirSync('dist/types/frameworks', { recursive: true });
writeFileSync(
  'dist/types/frameworks/react.d.ts',
  `${HEADER}/** React 19: \`import type {} from 'growth-kit/react'\` once, and JSX knows the kit's elements. */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports}
type GkElement<E, P, Events> = Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof P> & P & Events;
${BOUND}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${elements.map((e) => `      '${e.tagName}': GkElement<${e.name}, ${props(e)}, ${events(e, (n) => `on${n}`)}>;`).join('\n')}
    }
  }
}
`,
);
writeFileSync(
  'dist/types/frameworks/vue.d.ts',
  `${HEADER}/** Vue 3: \`import type {} from 'growth-kit/vue'\` once, and templates know the kit's elements. */
import type { DefineComponent } from 'vue';
${imports}
${BOUND}

declare module 'vue' {
  interface GlobalComponents {
${elements.map((e) => `    '${e.tagName}': DefineComponent<${props(e)} & ${events(e, (n) => `on${pascal(n)}`)}>;`).join('\n')}
  }
}
`,
);
writeFileSync(
  'dist/vscode.html-custom-data.json',
  JSON.stringify(
    {
      version: 1.1,
      tags: elements.map((e) => ({
        name: e.tagName,
        description: e.summary ?? e.description ?? '',
        attributes: (e.attributes ?? []).map((a) => ({
          name: a.name,
          description: a.description ?? '',
          ...(/^'[^']*'( \| '[^']*')+$/.test(a.type?.text ?? '') ? { values: a.type!.text.split(' | ').map((v) => ({ name: v.slice(1, -1) })) } : {}),
        })),
      })),
    },
    null,
    2,
  ),
);
writeFileSync(
  'dist/web-types.json',
  JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/web-types',
      name: 'growth-kit',
      version,
      'description-markup': 'markdown',
      contributions: {
        html: {
          elements: elements.map((e) => ({
            name: e.tagName,
            description: e.summary ?? e.description ?? '',
            attributes: (e.attributes ?? []).map((a) => ({ name: a.name, description: a.description ?? '', value: { type: a.type?.text ?? 'string' } })),
            events: (e.events ?? []).map((ev) => ({ name: ev.name, description: ev.description ?? '' })),
          })),
        },
      },
    },
    null,
    2,
  ),
);
console.log(`framework typings and editor data for ${elements.map((e) => e.tagName).join(', ')}`);

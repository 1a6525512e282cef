import { readFileSync } from 'node:fs';
import { defineConfig, type BuildEnvironmentOptions, type Plugin } from 'vite';

/**
 * Minifies the CSS inside our own css`` templates (they hold no interpolations): comments go, whitespace runs
 * become one space, and spaces next to { } ; , and after : go, as does the 0 of a number below one (0.8em is
 * .8em) and the space before !important; a six-digit colour that can be three digits is (#ffffff is #fff), and an
 * attribute selector's value that is an identifier loses its quotes ([theme='dark'] is [theme=dark]). A
 * space before ":" stays (".a :hover" differs from ".a:hover"), as does every descendant-combinator space.
 *
 * A module's own css`` constant that only other css`` templates of the module use (`${darkTokens}`) is written into
 * them and its constant goes: the source keeps one list, and the bundle carries the text twice, which brotli all
 * but drops, instead of a lit CSSResult joined at run time (44 B more of the initial download, measured).
 */
export function minifyCssTemplates(): Plugin {
  return {
    name: 'growth-kit:minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      let source = code;
      for (const [declaration, name, body] of code.matchAll(/^const (\w+) = css`([^`$]*)`;\n/gm)) {
        const uses = source.split(`\${${name}}`).length - 1;
        if (uses && source.match(new RegExp(`\\b${name}\\b`, 'g'))?.length === uses + 1) {
          source = source.replace(declaration, '').replaceAll(`\${${name}}`, body);
        }
      }
      const out = source.replace(/\bcss`([^`$]*)`/g, (_, body: string) => {
        const css = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,])\s*/g, '$1')
          .replace(/:\s+/g, ':')
          .replace(/;}/g, '}')
          .replace(/([\s:,(])0\.(\d)/g, '$1.$2')
          .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3')
          .replace(/ !important/g, '!important')
          .replace(/\[([\w-]+)=(['"])([A-Za-z_][\w-]*)\2\]/g, '[$1=$3]')
          .trim();
        return `css\`${css}\``;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}

/**
 * Drops the hooks lit keeps for other tools from the lit the drop-in bundles: the ShadyDOM/ShadyCSS polyfill
 * support (for browsers without shadow DOM, which the kit's ES2021 target does not run in), the SSR hydration hook
 * (the drop-in renders in the browser only), and the lit*Versions registries (the development build of lit reads
 * them to warn about several lits; this copy is private to the kit). The npm build keeps lit external and whole. A
 * lit release that writes them otherwise fails the build, so a lit upgrade cannot skip this quietly.
 */
export function stripLitHooks(): Plugin {
  const hooks: [RegExp, RegExp, number][] = [
    [/\/lit-html\/lit-html\.js$/, /\b\w+\.litHtmlPolyfillSupport\b|\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]+"\)/g, 2],
    [/\/@lit\/reactive-element\/reactive-element\.js$/, /\b\w+\.reactiveElementPolyfillSupport\b|\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/g, 2],
    [/\/lit-element\/lit-element\.js$/, /\b\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)|\b\w+\.litElementPolyfillSupport\b|\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]+"\)/g, 3],
  ];
  return {
    name: 'growth-kit:strip-lit-hooks',
    transform(code, id) {
      const hook = hooks.find(([file]) => file.test(id));
      if (!hook) return null;
      let found = 0;
      const out = code.replace(hook[1], () => (found++, 'void 0'));
      if (found !== hook[2]) this.error(`lit changed: ${found} of the ${hook[2]} hooks expected in ${id}`);
      return { code: out, map: null };
    },
  };
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Collapses the source indentation inside our own html`` templates (a newline and the spaces around it become
 * one space, which HTML renders the same; none of our templates holds <pre> or <textarea> text). A small scanner
 * follows ${…} expressions, nested templates and strings, so only template text is touched.
 */
export function collapseHtmlTemplates(): Plugin {
  const collapse = (code: string, start: number): [string, number] => {
    // `start` is just past the opening backtick; returns the rewritten template body and the index past its end.
    let out = '';
    let i = start;
    while (i < code.length) {
      const ch = code[i];
      if (ch === '\\') {
        out += code.slice(i, i + 2);
        i += 2;
      } else if (ch === '`') {
        return [out.replace(/[ \t]*\n\s*/g, ' '), i + 1];
      } else if (ch === '$' && code[i + 1] === '{') {
        const [expr, next] = expression(code, i + 2);
        out += '${' + expr + '}';
        i = next;
      } else {
        out += ch;
        i += 1;
      }
    }
    throw new Error('unterminated template');
  };
  const expression = (code: string, start: number): [string, number] => {
    let out = '';
    let depth = 0;
    let i = start;
    while (i < code.length) {
      const ch = code[i];
      if (ch === '`') {
        const [body, next] = collapse(code, i + 1);
        out += '`' + body + '`';
        i = next;
      } else if (ch === "'" || ch === '"') {
        let j = i + 1;
        while (j < code.length && code[j] !== ch) j += code[j] === '\\' ? 2 : 1;
        out += code.slice(i, j + 1);
        i = j + 1;
      } else if (ch === '{') {
        depth += 1;
        out += ch;
        i += 1;
      } else if (ch === '}') {
        if (depth === 0) return [out, i + 1];
        depth -= 1;
        out += ch;
        i += 1;
      } else {
        out += ch;
        i += 1;
      }
    }
    throw new Error('unterminated expression');
  };
  return {
    name: 'growth-kit:collapse-html-templates',
    transform(code, id) {
      if (!/\/src\/(components|internal)\/.*\.ts$/.test(id) || !code.includes('html`')) return null;
      let out = '';
      let i = 0;
      for (let at = code.indexOf('html`'); at !== -1; at = code.indexOf('html`', i)) {
        const [body, next] = collapse(code, at + 5);
        out += code.slice(i, at) + 'html`' + body + '`';
        i = next;
      }
      return { code: out + code.slice(i), map: null };
    },
  };
}

/**
 * Writes the files growth-kit.main.js imports statically into the loader (in place of its `__GK_PRELOAD__`
 * string), so the loader asks for them alongside the main module: one round trip before the kit runs, not two.
 */
export function preloadStaticImports(): Plugin {
  return {
    name: 'growth-kit:preload-static-imports',
    generateBundle(_, bundle) {
      const main = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'growth-kit.main');
      const loader = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'growth-kit');
      if (main?.type !== 'chunk' || loader?.type !== 'chunk') return;
      if (!loader.code.includes('__GK_PRELOAD__')) this.error('the loader lost its __GK_PRELOAD__ placeholder');
      loader.code = loader.code.replace('__GK_PRELOAD__', main.imports.join(','));
    },
  };
}

/**
 * Three builds. The default one makes the drop-in: dist/growth-kit.js (a classic-safe loader), the kit module it
 * imports, and lazy chunks beside them. `--mode npm` makes the npm entries in dist/npm with lit kept external; `--mode admin` the collector's dashboard in dist/admin.
 */
export default defineConfig(({ mode }) => ({
  plugins: [minifyCssTemplates(), collapseHtmlTemplates(), ...(mode === 'npm' ? [] : [preloadStaticImports(), stripLitHooks()])],
  define: {
    __GK_VERSION__: JSON.stringify(version),
    // Library mode leaves these alone; in a browser bundle they must be constants.
    ...(mode === 'npm' ? {} : { 'process.env.NODE_ENV': '"production"' }),
  },
  build: (mode === 'admin'
      ? {
          // The collector's dashboard (server/admin/ui), served at /admin by server/admin/routes.ts.
          outDir: 'dist/admin',
          emptyOutDir: true,
          target: 'es2021',
          reportCompressedSize: false,
          lib: { entry: { admin: 'server/admin/ui/main.ts' }, formats: ['es'] },
          rolldownOptions: { output: { entryFileNames: '[name].js', minify: true } },
        }
      : mode === 'npm'
      ? {
          outDir: 'dist/npm',
          emptyOutDir: true,
          target: 'es2021',
          minify: false,
          lib: {
            entry: {
              index: 'src/index.ts',
              'hand-raise-lead-button': 'src/entries/hand-raise-lead-button.ts',
              'consent-gate': 'src/entries/consent-gate.ts',
              'course-progress-tracker': 'src/entries/course-progress-tracker.ts',
            },
            formats: ['es'],
          },
          rolldownOptions: { external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^@segment\//] },
        }
      : {
          outDir: 'dist',
          // This build runs first in `npm run build`, so it starts dist/ afresh; stale chunks would skew sizes.
          emptyOutDir: true,
          manifest: true,
          target: 'es2021',
          reportCompressedSize: false,
          license: { fileName: 'THIRD-PARTY-LICENSES.md' },
          // Library mode: no preload helper around dynamic imports (our chunks have nothing to preload, and the
          // helper would resolve from "/" instead of the script's own folder). Everything is bundled, lit too.
          lib: { entry: { 'growth-kit': 'src/loader.ts', 'growth-kit.main': 'src/growth-kit.ts' }, formats: ['es'] },
          rolldownOptions: {
            // Vite keeps whitespace in ES library builds for downstream tree-shaking; this file is final.
            output: {
              entryFileNames: '[name].js',
              // Six hex hash characters (24 bits) tell versions of one chunk apart. The core chunk names every lazy
              // chunk and each lazy chunk imports the core, so one change renames them all: hex halves what brotli
              // cannot compress in those names (16 builds differing in one lazy string: initial 16,246–16,341 B in
              // hex, 16,296–16,369 B in base64).
              chunkFileNames: 'chunks/[name]-[hash:6].js',
              hashCharacters: 'hex',
              minify: true,
              // /* @__PURE__ */ marks are for a bundler downstream; these files go to the browser as they are (23
              // marks in the core chunk cost 58 B brotli). Licences are in THIRD-PARTY-LICENSES.md.
              comments: { annotation: false },
              // One chunk for everything the initial path runs (lit, the runtime, and the elements with what they
              // import statically): a browser compresses each file alone, so scattering it over many small files
              // costs bytes. growth-kit.main.js only re-exports boot() from it. Modules only lazy parts use stay out of it,
              // lit's static html and directives among them.
              codeSplitting: {
                groups: [
                  {
                    name: (id: string) =>
                      /node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/|src\/(runtime|internal|controllers|events)\/|src\/(elements|boot)\.ts|src\/locales\/en\.ts|(hand-raise-lead-button|course-progress-tracker|consent-gate)\.attributes\.ts/.test(id) &&
                      !/src\/runtime\/(delivery\/(outbox|transport)|base\/(zod|json-entries)|analytics\/(identity|segment-loader)|consent\/(signals|onetrust))\.ts|src\/internal\/dialogs\.ts|node_modules\/lit(-html)?\/(development\/)?(static(-html)?\.js|directives\/)/.test(id)
                        ? 'core'
                        : null,
                  },
                ],
              },
            },
          },
        }) as BuildEnvironmentOptions,
}));
/**
 * The source's shape, read from its import statements: runtime/ is plain TypeScript in rooms, each entered through
 * its index.ts; dependencies point one way (runtime ← controllers ← components); no module imports itself back
 * through others, type-only imports included. Run by `npm test` before the build.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';

const SRC = resolve(import.meta.dirname, '../src');

interface Edge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at build time, but still a tie a reader follows. */
  typeOnly: boolean;
  /** `declare module '…'`: augments a declaration where it is written. */
  augments: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Static imports and re-exports between our files (dynamic `import()` is a lazy part's door, not a tie). */
function edges(): Edge[] {
  const found: Edge[] = [];
  for (const file of sources(SRC)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
    const add = (specifier: ts.Expression | undefined, typeOnly: boolean, augments = false): void => {
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) return;
      const to = resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts'));
      found.push({ from: relative(SRC, file), to: relative(SRC, to), typeOnly, augments });
    };
    for (const node of source.statements) {
      if (ts.isImportDeclaration(node)) {
        const clause = node.importClause;
        const allTypes =
          !!clause?.isTypeOnly ||
          (!!clause && !clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) &&
            clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((el) => el.isTypeOnly));
        add(node.moduleSpecifier, allTypes);
      } else if (ts.isExportDeclaration(node)) {
        add(node.moduleSpecifier, node.isTypeOnly);
      } else if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name)) {
        add(node.name, true, true);
      }
    }
  }
  return found;
}

const all = edges();
const room = (path: string): string | null => /^runtime\/([^/]+)\//.exec(path)?.[1] ?? null;

/**
 * The doors beside index.ts, each for a reason the room's index cannot serve. Anything else that enters a room
 * from outside goes through its index.ts.
 */
const SIDE_DOORS: Record<string, string> = {
  // The endpoint's payload schemas validate with zod; the browser's initial path must not reach it (base/index.ts).
  'runtime/base/zod.ts': 'components/*/*.schema.ts',
  // The npm entry reaches the lazy parts directly; behind the index they would join the drop-in's initial download.
  'runtime/analytics/identity.ts': 'index.ts',
  'runtime/delivery/transport.ts': 'index.ts',
};

test('runtime/ is rooms, each entered through its index.ts', () => {
  const rooms = new Set(all.flatMap((e) => [room(e.from), room(e.to)]).filter((r): r is string => !!r));
  assert.deepEqual([...rooms].sort(), ['analytics', 'base', 'config', 'consent', 'delivery', 'i18n']);
  const wrong = all.filter((e) => {
    const target = room(e.to);
    if (!target || room(e.from) === target || e.augments) return false;
    if (e.to === `runtime/${target}/index.ts`) return false;
    const side = SIDE_DOORS[e.to];
    return !side || !new RegExp(`^${side.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`).test(e.from);
  });
  assert.deepEqual(
    wrong.map((e) => `${e.from} → ${e.to}`),
    [],
    'enter a room through its index.ts',
  );
});

test('dependencies point one way: runtime ← controllers ← components', () => {
  const layer = (path: string): number =>
    path.startsWith('runtime/') ? 0 : path.startsWith('controllers/') ? 1 : path.startsWith('components/') ? 2 : -1;
  const backwards = all.filter((e) => !e.augments && layer(e.from) >= 0 && layer(e.to) > layer(e.from));
  assert.deepEqual(
    backwards.map((e) => `${e.from} → ${e.to}`),
    [],
  );
  const outward = all.filter((e) => layer(e.from) === 0 && !/^(runtime|locales)\//.test(e.to));
  assert.deepEqual(
    outward.map((e) => `${e.from} → ${e.to}`),
    [],
    'runtime/ reaches only runtime/ and the catalogs',
  );
  const lit = sources(join(SRC, 'runtime')).filter((file) => /from '(lit|@lit\/)/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(lit.map((file) => relative(SRC, file)), [], 'runtime/ is plain TypeScript, without Lit');
});

test('no import cycles, type-only imports included', () => {
  const next = new Map<string, string[]>();
  for (const e of all) if (!e.augments) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (node: string, path: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...path.slice(path.indexOf(node)), node].join(' → '));
      return;
    }
    state.set(node, 'open');
    for (const to of next.get(node) ?? []) visit(to, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of next.keys()) visit(node, []);
  assert.deepEqual(cycles, []);
});

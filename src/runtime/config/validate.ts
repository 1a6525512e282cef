/**
 * Tiny parsers for attributes and page settings. They sit on the initial path, where zod's core would cost
 * about 8 KB brotli of the 16 KB budget, and they hold on a page whose Object.prototype was extended; zod/mini
 * stays on the endpoint (base/zod.ts). A parser returns the value it accepts or throws `Invalid`.
 *
 * Every parser here is in the initial download, whoever imports it (this module is part of the core chunk), so a
 * parser that only one lazy part needs is written in that part with `fail` (num in course-actions.ts, either in
 * segment-loader.ts), and the word-list parser the lazy dialogs need is in their chunk (words, internal/dialogs.ts).
 */
import { toHttpUrl } from './url.js';

export class Invalid extends Error {}

export type Parser<T> = (value: unknown) => T;

/** Throws `Invalid` with this problem: how a parser refuses a value (a lazy part's own parser too). */
export const fail = (message: string): never => {
  throw new Invalid(message);
};

export const text =
  (max: number, min = 0): Parser<string> =>
  (v) =>
    typeof v !== 'string' ? fail('expected text') : v.length > max ? fail(`longer than ${max} characters`) : v.length < min ? fail('expected text') : v;

export const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (v) =>
    values.includes(v as T) ? (v as T) : fail(`expected one of ${values.join(', ')}`);

export const bool: Parser<boolean> = (v) => (typeof v === 'boolean' ? v : fail('expected true or false'));

export const between =
  (min: number, max: number): Parser<number> =>
  (v) =>
    typeof v === 'number' && v >= min && v <= max ? v : fail(`expected a number from ${min} to ${max}`);

export const matches =
  (pattern: RegExp, expected: string): Parser<string> =>
  (v) =>
    typeof v === 'string' && pattern.test(v) ? v : fail(`expected ${expected}`);

/** An http(s) URL, absolute or relative to the page; `javascript:` and `data:` are refused. */
export const httpUrl: Parser<string> = (v) => (typeof v === 'string' && toHttpUrl(v) !== null ? v : fail('expected an http(s) URL'));

/** A percentage from 1 to 100: an attribute's string, or a number a script (a framework) set the property to. */
export const percent: Parser<number> = (v) => {
  const n = Number(v);
  return (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && Number.isFinite(n) && n > 0 && n <= 100 ? n : fail('expected a number from 1 to 100');
};

export const optional =
  <T>(parse: Parser<T>): Parser<T | undefined> =>
  (v) =>
    v === undefined ? undefined : parse(v);

type Shape = Record<string, Parser<unknown>>;
type Required<S extends Shape> = { [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]> };
type Optional<S extends Shape> = { [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: Exclude<ReturnType<S[K]>, undefined> };
type Parsed<S extends Shape> = Required<S> & Optional<S>;

/** An object with these keys (unknown keys are dropped); errors name the key path. */
export const object =
  <S extends Shape>(shape: S): Parser<Parsed<S>> =>
  (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('expected an object');
    const out: Record<string, unknown> = {};
    for (const [key, parse] of Object.entries(shape)) {
      try {
        const value = parse((v as Record<string, unknown>)[key]);
        if (value !== undefined) out[key] = value;
      } catch (error) {
        throw new Invalid(`${key}: ${(error as Error).message}`);
      }
    }
    return out as Parsed<S>;
  };

export const array =
  <T>(item: Parser<T>, max: number): Parser<T[]> =>
  (v) => {
    if (!Array.isArray(v)) fail('expected a list');
    if ((v as unknown[]).length > max) fail(`more than ${max} items`);
    return (v as unknown[]).map((x, i) => {
      try {
        return item(x);
      } catch (error) {
        throw new Invalid(`${i}.${(error as Error).message}`);
      }
    });
  };

/** Runs a parser; the problem as a sentence, or the value. */
export function check<T>(parse: Parser<T>, value: unknown): { ok: true; value: T } | { ok: false; problem: string } {
  try {
    return { ok: true, value: parse(value) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, problem: error.message };
    throw error;
  }
}

/**
 * One runtime per page. An app that bundles the npm entries on a page whose CMS also pastes the script tag runs
 * two copies of our modules; their state (consent, settings, the outbox, Segment, warnings) must still be one, or
 * an Accept in one copy leaves the other asking. Every module-level singleton is therefore made through `shared`,
 * which keeps it in a registry on globalThis keyed by version: the first copy makes it, every later copy of the
 * same version uses it. Another version keeps its own registry (its elements are refused by the guarded define).
 */
export const VERSION: string = typeof __GK_VERSION__ === 'string' ? __GK_VERSION__ : 'dev';

// A symbol key and a prototype-less object: a host that extends Object.prototype cannot answer for us.
const registry: Record<string, unknown> = ((globalThis as Record<symbol, Record<string, unknown>>)[Symbol.for('growth-kit@' + VERSION)] ??= Object.create(null));

/** This page's one `name`, made by the first copy of the kit that asks for it. */
export function shared<T>(name: string, make: () => T): T {
  return (registry[name] ??= make()) as T;
}

/**
 * The base room's door: helpers every other room uses, none of which can throw on a host page (storage, JSON
 * under a polluted prototype, ids, warnings, yielding to the browser). zod (base/zod.ts) is not behind this door:
 * it serves the payload schemas, which run on the endpoint and in lazy chunks, never on the initial path.
 */
export * from './storage.js';
export { stringify } from './json.js';
export { jsonEntries } from './json-entries.js';
export { uuid } from './ids.js';
export { nextTask } from './tasks.js';
export { kebab } from './kebab.js';
export { warnOnce, resetWarnings } from './warn.js';
export { lazy, whenLoaded } from './lazy.js';
export { shared, VERSION } from './page.js';

/** The drop-in kit's main module, imported by dist/growth-kit.js (src/loader.ts): its start, from the core chunk. */
export { boot, type GrowthKitGlobal } from './boot.js';

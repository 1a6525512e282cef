/**
 * The config room's door: page-wide settings (the script tag's `data-*` and `GrowthKit.configure`), where each
 * widget posts, and the small parsers that check attributes and settings without a validation library.
 */
export * from './settings.js';
export * from './validate.js';
export { toHttpUrl } from './url.js';
export * from './outcomes.js';

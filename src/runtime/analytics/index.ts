/**
 * The analytics room's door: Segment behind consent (facade.ts), and the anonymous id and attribution
 * (identity.ts), which load only when something needs them: consent to keep them, or a submission that reports them.
 */
export { applyConsent, loadedIdentity, loadIdentity, page, track, type Properties } from './facade.js';
export { report } from './report.js';
export type { Attribution, Touch } from './identity.js';


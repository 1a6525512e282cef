/**
 * The consent room's door: the visitor's decision (state.ts) and the start-up watch for consent platforms and Google tags (on-demand.ts). Proof of consent, Consent Mode and the
 * OneTrust follower are lazy parts of this room, loaded by on-demand.ts when they have something to do. What a decision sets off across the kit is listed in
 * runtime/on-consent-change.ts.
 */
export * from './state.js';
export { startOnDemand, setProofEndpoint, setOneTrustGroups, recordDecision } from './on-demand.js';

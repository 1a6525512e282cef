/** The attributes of <consent-gate> that need more than a string. */
import { CONSENT_CATEGORIES } from '../../runtime/consent/index.js';
import { oneOf } from '../../runtime/config/index.js';

export const parseCategory = oneOf(CONSENT_CATEGORIES);
export const MODES = ['auto', 'banner', 'gate', 'preferences-button'] as const;
export type ConsentGateMode = (typeof MODES)[number];
export const parseMode = oneOf(MODES);

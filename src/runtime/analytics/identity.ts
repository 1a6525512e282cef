/**
 * One anonymous id and the page's attribution, shared by every widget. Both live in memory until consent allows
 * keeping them: the id with analytics consent, the first touch with marketing consent. Withdrawal deletes them.
 */
import { consent } from '../consent/state.js';
import { uuid } from '../base/ids.js';
import { readLocal, removeLocal, writeLocal } from '../base/storage.js';
import { stringify } from '../base/json.js';

export interface Touch {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  referrer: string;
  landing_page: string;
  at: string;
}

export interface Attribution {
  anonymous_id: string | null;
  first_touch: Touch;
  last_touch: Touch;
}

const ID_KEY = 'gk_aid';
const TOUCH_KEY = 'gk_first_touch';
const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;

function currentTouch(): Touch {
  const touch: Touch = { referrer: document.referrer, landing_page: location.origin + location.pathname, at: new Date().toISOString() };
  const params = new URLSearchParams(location.search);
  for (const key of UTM) {
    const value = params.get(key);
    if (value) touch[key] = value.slice(0, 200);
  }
  return touch;
}

function storedTouch(): Touch | null {
  try {
    const value = JSON.parse(readLocal(TOUCH_KEY) ?? 'null') as Touch | null;
    return value && typeof value.landing_page === 'string' ? value : null;
  } catch {
    return null;
  }
}

const lastTouch = currentTouch();
const anonymousId = readLocal(ID_KEY) ?? uuid();
const firstTouch = storedTouch() ?? lastTouch;

/** Keeps what consent allows and deletes the rest; on-consent-change.ts calls it after every decision. */
export function persist(): void {
  if (consent.has('analytics')) writeLocal(ID_KEY, anonymousId);
  else removeLocal(ID_KEY);
  if (consent.has('marketing')) writeLocal(TOUCH_KEY, stringify(firstTouch));
  else removeLocal(TOUCH_KEY);
}

persist();

/** The anonymous id, only when analytics consent allows identifying the browser. */
export function getAnonymousId(): string | null {
  return consent.has('analytics') ? anonymousId : null;
}

export function getAttribution(): Attribution {
  return {
    anonymous_id: getAnonymousId(),
    first_touch: consent.has('marketing') ? firstTouch : lastTouch,
    last_touch: lastTouch,
  };
}

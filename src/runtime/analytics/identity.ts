/**
 * One anonymous id and the page's attribution, shared by every widget. Both live in memory until consent allows
 * keeping them: the id with analytics consent, the first touch with marketing consent. Withdrawal deletes them.
 * What only marketing consent allows to leave the page at all: ad click ids (gclid, gbraid, wbraid, fbclid,
 * msclkid) and the CRM's own tracking cookies (HubSpot's hubspotutk, Marketo's _mkto_trk), which a lead carries so
 * the CRM can join it to the ad and the visits before it.
 */
import { consent } from '../consent/index.js';
import { uuid, readCookie, readLocal, removeLocal, writeLocal, stringify } from '../base/index.js';

export interface Touch {
  utm_source?: string;
  utm_medium?: string;
  utm_campaign?: string;
  utm_term?: string;
  utm_content?: string;
  gclid?: string;
  gbraid?: string;
  wbraid?: string;
  fbclid?: string;
  msclkid?: string;
  referrer: string;
  landing_page: string;
  at: string;
}

/** The CRM's tracking cookies, as their scripts left them. */
export interface CrmCookies {
  hubspotutk?: string;
  mkto_trk?: string;
}

export interface Attribution {
  anonymous_id: string | null;
  first_touch: Touch;
  last_touch: Touch;
  /** Only with marketing consent. */
  cookies?: CrmCookies;
}

const ID_KEY = 'gk_aid';
const TOUCH_KEY = 'gk_first_touch';
const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const;
const CLICK_IDS = ['gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid'] as const;

function currentTouch(): Touch {
  const touch: Touch = { referrer: document.referrer, landing_page: location.origin + location.pathname, at: new Date().toISOString() };
  const params = new URLSearchParams(location.search);
  for (const key of [...UTM, ...CLICK_IDS]) {
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

// What a consent that no longer holds (run out, or asked again under a new policy version) left of Segment goes too,
// at start-up, by the lazy part that removes it on a withdrawal (here, not in the facade: no page without a stored
// id pays for the check). A part that does not load leaves it to the next page view.
if (!consent.has('analytics') && (readCookie('ajs_anonymous_id') ?? readLocal('ajs_anonymous_id'))) {
  void import('./segment-loader.js').then((m) => m.consentChanged(false, false), () => undefined);
}

/** The anonymous id, only when analytics consent allows identifying the browser. */
export function getAnonymousId(): string | null {
  return consent.has('analytics') ? anonymousId : null;
}

/** A touch without its ad click ids (no marketing consent). */
function withoutClickIds(touch: Touch): Touch {
  const rest = { ...touch };
  for (const key of CLICK_IDS) delete rest[key];
  return rest;
}

function crmCookies(): CrmCookies | undefined {
  const cookies: CrmCookies = {};
  const hutk = readCookie('hubspotutk');
  const mkto = readCookie('_mkto_trk');
  if (hutk && /^[0-9a-f]{32}$/i.test(hutk)) cookies.hubspotutk = hutk;
  if (mkto) cookies.mkto_trk = mkto.slice(0, 200);
  return Object.keys(cookies).length ? cookies : undefined;
}

export function getAttribution(): Attribution {
  if (!consent.has('marketing')) {
    const page = withoutClickIds(lastTouch);
    return { anonymous_id: getAnonymousId(), first_touch: page, last_touch: page };
  }
  const cookies = crmCookies();
  return { anonymous_id: getAnonymousId(), first_touch: firstTouch, last_touch: lastTouch, ...(cookies ? { cookies } : {}) };
}

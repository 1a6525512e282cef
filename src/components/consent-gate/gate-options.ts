/**
 * The consent cookie's attributes on a <consent-gate>, checked: a lazy part, loaded only by a gate that sets one of
 * them (most pages keep the defaults), so their checks and warnings stay off the initial download. The gate shows
 * neither banner nor placeholder until they are applied, so nothing is read or written under the wrong cookie.
 */
import type { ConsentSettings } from '../../runtime/consent/index.js';

/** The cookie attributes as the gate holds them, and its warning. */
export interface CookieAttributes {
  readonly cookieDomain: string;
  readonly cookieName: string;
  readonly cookiePath: string;
  readonly cookieMaxAge: string;
  warn(attribute: string, problem: string): void;
}

/** The valid attributes as consent settings; each invalid one warns once and keeps its default. */
export function cookieSettings(host: CookieAttributes): Partial<ConsentSettings> {
  const settings: Partial<ConsentSettings> = {};
  const domain = String(host.cookieDomain ?? '').trim().replace(/^\./, '');
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) settings.cookieDomain = domain;
  else if (domain) host.warn('cookie-domain', `"${domain.slice(0, 60)}" is not a domain name; using the page's host`);
  const name = String(host.cookieName ?? '');
  if (/^[\w-]{1,64}$/.test(name)) settings.cookieName = name;
  else if (name) host.warn('cookie-name', 'expected letters, digits, - or _; using gk_consent');
  const path = String(host.cookiePath ?? '');
  if (/^\/[\w\-./]{0,200}$/.test(path)) settings.cookiePath = path;
  else if (path) host.warn('cookie-path', 'expected a path starting with /; using /');
  const maxAge = Number(host.cookieMaxAge);
  if (host.cookieMaxAge !== '' && Number.isInteger(maxAge) && maxAge > 0 && maxAge <= 400 * 86400) settings.maxAge = maxAge;
  else if (host.cookieMaxAge) host.warn('cookie-max-age', 'expected whole seconds up to 400 days; using 180 days');
  return settings;
}

/**
 * The options of <consent-gate> that most pages leave alone: a lazy part, loaded only by a gate that sets one, so
 * their checks, warnings and styles stay off the initial download. The gate shows neither banner nor placeholder
 * until they are applied, so nothing is read or written under the wrong cookie, and a banner never shows in one
 * layout and jumps to another.
 * - The consent cookie's attributes (cookie-domain, cookie-name, cookie-path, cookie-max-age).
 * - The banner's layouts bar and box (cookieconsent v3 has the same three); the default, cloud, is the banner's
 *   own styles.
 */
import { css } from 'lit';
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
  const domain = String(host.cookieDomain).trim().replace(/^\./, '');
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(domain)) settings.cookieDomain = domain;
  else if (domain) host.warn('cookie-domain', `"${domain.slice(0, 60)}" is not a domain name; using the page's host`);
  const name = String(host.cookieName);
  if (/^[\w-]{1,64}$/.test(name)) settings.cookieName = name;
  else if (name) host.warn('cookie-name', 'expected letters, digits, - or _; using gk_consent');
  const path = String(host.cookiePath);
  if (/^\/[\w\-./]{0,200}$/.test(path)) settings.cookiePath = path;
  else if (path) host.warn('cookie-path', 'expected a path starting with /; using /');
  const maxAge = Number(host.cookieMaxAge);
  if (host.cookieMaxAge !== '' && Number.isInteger(maxAge) && maxAge > 0 && maxAge <= 400 * 86400) settings.maxAge = maxAge;
  else if (host.cookieMaxAge) host.warn('cookie-max-age', 'expected whole seconds up to 400 days; using 180 days');
  return settings;
}

/** What the gate offers for its layout. */
export interface LayoutHost {
  readonly layout: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  warn(attribute: string, problem: string): void;
}

const LAYOUTS = ['cloud', 'bar', 'box'];

const layouts = css`
  /* bar: full width along the bottom edge; on a wide screen the text and the buttons side by side. */
  :host([layout='bar']) .banner {
    inset-inline: 0;
    bottom: 0;
    max-width: none;
    padding-inline: max(20px, calc(50% - 480px));
    border-width: 1px 0 0;
    border-radius: 0;
  }
  @media (min-width: 800px) {
    :host([layout='bar']) .banner {
      display: grid;
      grid-template-columns: 1fr auto;
      column-gap: 32px;
      align-items: center;
    }
    :host([layout='bar']) .banner > :not(.actions) {
      grid-column: 1;
    }
    :host([layout='bar']) .actions {
      grid-column: 2;
      grid-row: 1 / span 3;
    }
  }
  /* box: a small card in the bottom corner (the inline end: right, or left in a right-to-left page), its buttons
     stacked full width. */
  :host([layout='box']) .banner {
    max-width: 380px;
    margin-inline: auto 0;
  }
  :host([layout='box']) .actions {
    flex-direction: column;
  }
`;

/**
 * Adopts the layouts once; a layout that is not one of them warns once and leaves the default. The sheet is adopted
 * here, not with the dialogs' adoptStyles: importing that would fetch the dialog chunk too, one more round trip
 * before the banner (which waits for this part) shows.
 */
export function applyLayout(host: LayoutHost): void {
  if (!LAYOUTS.includes(host.layout)) host.warn('layout', `expected one of ${LAYOUTS.join(', ')}; using cloud`);
  const root = host.renderRoot as ShadowRoot;
  const sheet = layouts.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/**
 * Storage that never throws. Hosts disable cookies, Safari's private mode throws on setItem, quotas fill up:
 * none of that may reach the host page. Every key we write starts with `gk_`, so a host's keys are never touched.
 */
function local(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readLocal(key: string): string | null {
  try {
    return local()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Returns whether the value was stored. */
export function writeLocal(key: string, value: string): boolean {
  try {
    const s = local();
    if (!s) return false;
    s.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function removeLocal(key: string): void {
  try {
    local()?.removeItem(key);
  } catch {
    // Nothing to clean up if storage is unavailable.
  }
}

export function readCookie(name: string): string | null {
  try {
    for (const part of document.cookie.split(';')) {
      const eq = part.indexOf('=');
      if (eq > -1 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
    }
  } catch {
    // Cookies disabled or sandboxed document.
  }
  return null;
}

export interface CookieOptions {
  path?: string;
  domain?: string;
  maxAge?: number;
}

export function writeCookie(name: string, value: string, options: CookieOptions = {}): void {
  try {
    let cookie = `${name}=${encodeURIComponent(value)}; path=${options.path ?? '/'}; SameSite=Lax`;
    if (options.domain) cookie += `; domain=${options.domain}`;
    if (options.maxAge !== undefined) cookie += `; max-age=${options.maxAge}`;
    if (location.protocol === 'https:') cookie += '; Secure';
    document.cookie = cookie;
  } catch {
    // Cookies disabled: the decision lives in memory for this page.
  }
}

export function removeCookie(name: string, options: CookieOptions = {}): void {
  writeCookie(name, '', { ...options, maxAge: 0 });
}

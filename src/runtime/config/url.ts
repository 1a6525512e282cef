/** Resolves `value` against the page (relative URLs are fine for a same-origin endpoint) and keeps http(s) only. */
export function toHttpUrl(value: string): string | null {
  if (value.length > 2048) return null;
  try {
    const base = typeof document === 'undefined' ? 'http://localhost/' : document.baseURI;
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

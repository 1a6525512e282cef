/**
 * Schema building blocks shared by the widgets and the reference endpoint. zod/mini keeps the browser cost near
 * 5 KB gzip instead of 22 KB for full zod.
 */
import * as z from 'zod/mini';

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

/** An http(s) URL, absolute or relative to the page; `javascript:` and `data:` are refused. */
export const httpUrl = z.string().check(z.refine((v) => toHttpUrl(v) !== null, 'expected an http(s) URL'));

/** Attribute booleans as a person writes them: "false", "0", "no" and "off" are false. */
export function parseBooleanAttribute(value: string | null): boolean {
  if (value === null) return false;
  return !['false', '0', 'no', 'off'].includes(value.trim().toLowerCase());
}

/** Renders zod issues as `path: message` lines, the form both console warnings and 422 bodies use. */
export function describeIssues(error: z.core.$ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export { z };

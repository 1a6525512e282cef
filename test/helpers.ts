/** Helpers for tests running in the browser. */
import { executeServerCommand } from '@web/test-runner-commands';
import { consent } from '../src/runtime/consent/index.js';
import { resetConfig } from '../src/runtime/config/index.js';
import { resetWarnings } from '../src/runtime/base/index.js';

declare global {
  interface Window {
    GK_TEST: { endpoint: string; segment: string };
  }
}

/** The real reference endpoint the test runner started for this run. */
export const endpoint = (): string => window.GK_TEST.endpoint;

/** Every row the endpoint stored, newest first. */
export async function submissions(kind?: string): Promise<{ idempotency_key: string; body: Record<string, unknown> }[]> {
  const response = await fetch(`${endpoint()}/submissions?limit=1000${kind ? `&kind=${kind}` : ''}`);
  return ((await response.json()) as { submissions: { idempotency_key: string; body: Record<string, unknown> }[] }).submissions;
}

/** What the Segment stand-in received (settings fetches and events), oldest first. */
export async function segmentRequests(): Promise<{ method: string; path: string; body: Record<string, unknown> | null }[]> {
  return (await fetch(`${window.GK_TEST.segment}/__recorded`)).json();
}

export async function clearSegmentRequests(): Promise<void> {
  await fetch(`${window.GK_TEST.segment}/__recorded`, { method: 'DELETE' });
}

/** Google Consent Mode's default as the kit (and its loader) must push it: all denied but security, with wait_for_update. */
export const CONSENT_MODE_DEFAULT = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
  wait_for_update: 500,
};

/** Clears what earlier tests left: cookies, our storage, settings, warnings, consent. */
export function cleanSlate(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0].trim();
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
  localStorage.clear();
  resetConfig();
  consent.reset();
  resetWarnings();
  document.documentElement.lang = 'en';
}

/** Records console.warn calls until `restore()`; the messages are kept in order. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map(String).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** Polls `check` until it returns a truthy value. */
export async function waitFor<T>(check: () => T | Promise<T>, timeout = 5000, what = 'condition'): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * The requests this page and its frames start, told by the browser as each starts (web-test-runner.config.ts's
 * request log): `watchRequests()` begins a fresh list, `startedRequests()` reads it, and `requestsAnswered()`
 * resolves once every request started is answered or failed.
 */
export const watchRequests = (): Promise<unknown> => executeServerCommand('requests-watch');
export const startedRequests = (): Promise<string[]> => executeServerCommand('requests-started') as Promise<string[]>;
export const requestsAnswered = (): Promise<unknown> => executeServerCommand('requests-answered');

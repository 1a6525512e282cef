/**
 * The requests a page starts, listed as each starts (resource timing lists a load only once it ends), and whether
 * every one started so far is answered. For Playwright's Page (test/e2e/harness.ts) and puppeteer's
 * (web-test-runner.config.ts) alike: both tell request, requestfinished and requestfailed with the request.
 */
interface RequestLike {
  url(): string;
  method(): string;
}
interface PageLike<R extends RequestLike> {
  on(event: 'request' | 'requestfinished' | 'requestfailed', listener: (request: R) => void): unknown;
}

export interface RequestLog {
  /** `label(request)` of every request kept, in the order they started; a test may empty it. */
  started: string[];
  /** Resolves once every request kept that has started is answered or failed. */
  answered(): Promise<void>;
}

export function requestLog<R extends RequestLike>(
  page: PageLike<R>,
  keep: (url: URL) => boolean = () => true,
  label: (request: R, url: URL) => string = (request, url) => `${request.method()} ${url.pathname}`,
): RequestLog {
  const started: string[] = [];
  const open = new Set<R>();
  let idle: (() => void)[] = [];
  const done = (request: R) => {
    if (!open.delete(request) || open.size) return;
    idle.forEach((resolve) => resolve());
    idle = [];
  };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!keep(url)) return;
    started.push(label(request, url));
    open.add(request);
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return { started, answered: () => (open.size ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()) };
}

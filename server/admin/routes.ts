/**
 * The operator dashboard's server side: /admin (the page, its Lit app from dist/admin/) and /admin/api/* (JSON) and
 * /admin/export.csv, behind HTTP Basic auth whose password is ADMIN_TOKEN (any user name), or a Bearer token.
 * Without a token configured the dashboard does not exist (404). Changes (replay) are POSTs that must carry
 * `X-Growth-Kit-Admin: 1`, a header a cross-site form cannot send, so a logged-in browser cannot be tricked into one.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, resolve } from 'node:path';
import type { Forwarder } from '../forwarding/forwarder.js';
import type { JobState, Store, Submission } from '../store/index.js';

const KINDS = ['hand_raise_lead', 'consent', 'course_progress', 'xapi_statement'];
const STATES: JobState[] = ['pending', 'running', 'delivered', 'dead'];

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request carries the admin token (Basic password or Bearer). */
export function authorized(req: IncomingMessage, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer (.+)$/.exec(header)?.[1];
  if (bearer) return same(bearer, token);
  const basic = /^Basic (.+)$/.exec(header)?.[1];
  if (!basic) return false;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  return same(decoded.slice(decoded.indexOf(':') + 1), token);
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
};

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
function cell(value: unknown): string {
  let text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

const CSV_COLUMNS: Record<string, string[]> = {
  hand_raise_lead: ['email', 'first_name', 'last_name', 'company_name', 'company_size', 'country', 'state', 'phone_number', 'comment', 'glm_content', 'glm_source', 'product_interaction', 'namespace_id', 'locale'],
  consent: ['consent_id', 'source', 'locale', 'policy_version', 'categories', 'gpc', 'sec_gpc', 'page_url'],
  course_progress: ['course_id', 'user_id', 'anonymous_id', 'lesson_id', 'event', 'progress', 'milestone', 'occurred_at'],
};

export function toCsv(kind: string, rows: Submission[]): string {
  const columns = CSV_COLUMNS[kind] ?? [];
  const lines = [['received_at', 'idempotency_key', 'spam', ...columns].map(cell).join(',')];
  for (const row of rows) {
    const body = row.body as Record<string, unknown>;
    lines.push([row.received_at, row.idempotency_key, row.spam ?? '', ...columns.map((c) => body[c])].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Growth Kit — collector</title>
    <style>body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f1e24;background:#f6f6f8}</style>
  </head>
  <body>
    <gk-admin></gk-admin>
    <script type="module" src="/admin/admin.js"></script>
  </body>
</html>`;

export interface AdminOptions {
  store: Store;
  forwarder: Forwarder | null;
  /** The admin token; without one the dashboard answers 404. */
  token: string | undefined;
  /** Where the built dashboard app lives (dist/admin). */
  assets?: string;
}

/** Answers /admin and everything under it; false for other paths. */
export async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL, options: AdminOptions): Promise<boolean> {
  if (url.pathname !== '/admin' && !url.pathname.startsWith('/admin/')) return false;
  const { store, forwarder, token } = options;
  if (!token) return json(res, 404, { error: 'not_found' }), true;
  if (!authorized(req, token)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="Growth Kit collector", charset="UTF-8"', 'Content-Type': 'text/plain' });
    res.end('The collector dashboard needs the admin token (the password; any user name).');
    return true;
  }
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Content-Security-Policy', "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
  const path = url.pathname;
  if (req.method === 'POST' && req.headers['x-growth-kit-admin'] !== '1') return json(res, 403, { error: 'missing X-Growth-Kit-Admin header' }), true;

  if ((path === '/admin' || path === '/admin/') && req.method === 'GET') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    return res.end(PAGE), true;
  }
  if (path === '/admin/api/submissions' && req.method === 'GET') {
    const kind = url.searchParams.get('kind') ?? undefined;
    if (kind && !KINDS.includes(kind)) return json(res, 400, { error: 'unknown kind' }), true;
    const limit = Math.min(500, Math.max(1, Number(url.searchParams.get('limit')) || 50));
    const offset = Math.max(0, Number(url.searchParams.get('offset')) || 0);
    const submissions = await store.search({ kind, q: url.searchParams.get('q') || undefined, limit, offset });
    return json(res, 200, { submissions, total: await store.count(kind) }), true;
  }
  if (path === '/admin/api/jobs' && req.method === 'GET') {
    const state = url.searchParams.get('state') as JobState | null;
    if (state && !STATES.includes(state)) return json(res, 400, { error: 'unknown state' }), true;
    const submission = url.searchParams.get('submission');
    const jobs = await store.jobs({
      state: state ?? undefined,
      destination: url.searchParams.get('destination') || undefined,
      submissionId: submission ? Number(submission) : undefined,
      limit: Math.min(500, Number(url.searchParams.get('limit')) || 100),
    });
    // The payload stays out of this list: the submissions list has it.
    return json(res, 200, { jobs: jobs.map(({ body: _body, ...job }) => job) }), true;
  }
  const replayOne = /^\/admin\/api\/jobs\/(\d+)\/replay$/.exec(path);
  if (replayOne && req.method === 'POST') {
    const replayed = await store.replayDead({ id: Number(replayOne[1]) });
    forwarder?.kick();
    return json(res, replayed ? 200 : 409, { replayed }), true;
  }
  if (path === '/admin/api/replay' && req.method === 'POST') {
    const destination = url.searchParams.get('destination');
    if (!destination) return json(res, 400, { error: 'destination is required' }), true;
    const replayed = await store.replayDead({ destination });
    forwarder?.kick();
    return json(res, 200, { replayed }), true;
  }
  if (path === '/admin/api/stats' && req.method === 'GET') {
    const days = Math.min(365, Math.max(1, Number(url.searchParams.get('days')) || 30));
    return json(res, 200, { days, ...(await store.stats(days)) }), true;
  }
  if (path === '/admin/export.csv' && req.method === 'GET') {
    const kind = url.searchParams.get('kind') ?? 'hand_raise_lead';
    if (!CSV_COLUMNS[kind]) return json(res, 400, { error: 'unknown kind' }), true;
    const rows = await store.search({ kind, q: url.searchParams.get('q') || undefined, limit: 100_000 });
    res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${kind}.csv"`, 'Cache-Control': 'no-store' });
    return res.end(`\ufeff${toCsv(kind, rows)}`), true;
  }
  // The dashboard's own built files.
  const assets = resolve(options.assets ?? 'dist/admin');
  const file = normalize(join(assets, path.slice('/admin/'.length)));
  if (req.method === 'GET' && file.startsWith(assets + '/') && existsSync(file) && file.endsWith('.js')) {
    res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' });
    return res.end(readFileSync(file)), true;
  }
  return json(res, 404, { error: 'not_found' }), true;
}

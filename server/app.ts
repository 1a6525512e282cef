/**
 * The collector: accepts the widgets' POSTs, validates them with the widgets' own schemas, stores each
 * Idempotency-Key once (SQLite, or PostgreSQL with DATABASE_URL) together with a forwarding job per configured
 * destination, and hands the jobs to the forwarder (server/forwarding/), which gets them to the CRM. It also
 * serves the demo pages and dist/, so the whole kit runs from one process.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { consentRecordSchema } from '../src/components/consent-gate/consent-record.schema.js';
import { progressEventSchema } from '../src/components/course-progress-tracker/progress-event.schema.js';
import { leadSchema } from '../src/components/hand-raise-lead-button/lead.schema.js';
import { describeIssues, z } from '../src/runtime/base/zod.js';
import { openStore, type Store, type StoredResponse } from './store/index.js';
import type { CollectorConfig } from './forwarding/config.js';
import { Forwarder, type ForwarderOptions } from './forwarding/forwarder.js';
import { segmentHandler } from './segment-stand-in.js';
import { handleAdmin } from './admin/routes.js';
import { SpamFilter, TRAP_ONLY, type SpamOptions, type Verify } from './spam.js';

export interface AppOptions {
  /** The SQLite database file, when no PostgreSQL URL is given. */
  dbFile: string;
  /** postgres://… : the shared store for several collectors (server/store/postgres.ts). */
  databaseUrl?: string;
  /** Where submissions are forwarded (growth-kit.config.json, server/forwarding/config.ts); none by default. */
  forwarding?: CollectorConfig;
  /** The forwarder's own options (tests: its HTTP client, poll interval, randomness). */
  forwarder?: ForwarderOptions;
  /** The operator dashboard's token (ADMIN_TOKEN); without one /admin does not exist. */
  adminToken?: string;
  /** Spam checks (server/spam.ts); by default the config's, or the trap alone. */
  spam?: SpamOptions;
  /** How Turnstile tokens are verified (tests: a stand-in). */
  verifyTurnstile?: Verify;
  /** Whether X-Forwarded-For names the client (behind a proxy you run). */
  trustProxy?: boolean;
  /** Folders served at a URL prefix, e.g. { '/': 'demo', '/dist/': 'dist' }. */
  static?: Record<string, string>;
  /** Origins allowed to post cross-origin; by default any http://localhost or 127.0.0.1 origin. */
  allowedOrigins?: (origin: string) => boolean;
  /** The largest request body accepted, in bytes. */
  maxBody?: number;
  /** Mounts the Segment stand-in (server/segment-stand-in.ts) at this prefix, e.g. '/segment'. */
  segmentStandIn?: string;
  /** Extra headers for a static file (a Content-Security-Policy for a page, say), by URL path. */
  staticHeaders?: (pathname: string) => Record<string, string>;
}

/**
 * Faults the fault-injection suite switches on per test (test/e2e/delivery.test.ts). Only reachable in-process,
 * through the object createApp returns: no HTTP route changes them.
 */
export interface Faults {
  /** Answer every widget POST with this status (and Retry-After, in seconds) until `until` (ms since epoch), storing nothing. */
  refuse?: { status: number; until: number; retryAfter?: number; body?: unknown };
  /** For the next N widget POSTs: store, then drop the connection before answering. */
  dropAfterStore?: number;
  /** Hold each widget POST this long (ms) before handling it. */
  delayMs?: number;
}

/** One widget POST as it arrived: which route, which key, when, and how it ended. */
export interface Attempt {
  path: string;
  key: string | null;
  at: number;
  outcome: number | 'dropped';
  contentType: string | null;
}

interface Route {
  kind: string;
  schema: z.ZodMiniType;
  respond: (body: Record<string, unknown>, origin: string) => Record<string, unknown>;
  /** The protocol's own answer instead of ours (201 with { ok, … }): the stand-in LRS answers as an LRS does. */
  answer?: (body: Record<string, unknown>) => StoredResponse;
}

/** The parts of an xAPI 1.0.3 statement the stand-in LRS insists on; the rest is kept as sent. */
const xapiStatementSchema = z.looseObject({
  id: z.uuid(),
  actor: z.object({ objectType: z.literal('Agent'), account: z.object({ homePage: z.string(), name: z.string().check(z.minLength(1)) }) }),
  verb: z.object({ id: z.string().check(z.regex(/^http:\/\/adlnet\.gov\/expapi\/verbs\/\w+$/)), display: z.record(z.string(), z.string()) }),
  object: z.object({ objectType: z.literal('Activity'), id: z.url() }),
  result: z.optional(z.record(z.string(), z.unknown())),
  timestamp: z.iso.datetime(),
});

const ROUTES: Record<string, Route> = {
  '/api/hand-raise-leads': { kind: 'hand_raise_lead', schema: leadSchema, respond: (b) => ({ submission_id: b.submission_id }) },
  '/api/consents': { kind: 'consent', schema: consentRecordSchema, respond: (b) => ({ consent_id: b.consent_id }) },
  // A stand-in Learning Record Store for the tracker's optional xAPI statements (xapi-endpoint="…/api/xapi").
  // xAPI 1.0.3, 7.2.2: POST /statements answers 200 with the array of statement ids.
  '/api/xapi/statements': { kind: 'xapi_statement', schema: xapiStatementSchema, respond: () => ({}), answer: (b) => ({ status: 200, body: [b.id] }) },
  '/api/course-progress': {
    kind: 'course_progress',
    schema: progressEventSchema,
    respond: (b, origin) =>
      b.event === 'course_completed'
        ? { event_id: b.event_id, badge_url: `${origin}/api/badges/${encodeURIComponent(String(b.course_id))}.svg` }
        : { event_id: b.event_id },
  },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export const localOrigins = (origin: string) => /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin);

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

class TooLarge extends Error {}

function readBody(req: IncomingMessage, max: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    if (Number(req.headers['content-length'] ?? 0) > max) {
      // Drain what the client sends so it can read our 413 instead of a reset connection.
      req.resume();
      return reject(new TooLarge());
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => (size > max ? reject(new TooLarge()) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/** A learner's course state from their stored events: milestones and completion per lesson, and the course. */
function courseState(events: Record<string, unknown>[], origin: string) {
  const lessons: Record<string, { milestones: number[]; completed: boolean; passed?: boolean }> = {};
  let completed = false;
  for (const e of events) {
    if (e.event === 'course_completed') completed = true;
    if (typeof e.lesson_id !== 'string') continue;
    const lesson = (lessons[e.lesson_id] ??= { milestones: [], completed: false });
    if (typeof e.milestone === 'number' && !lesson.milestones.includes(e.milestone)) lesson.milestones.push(e.milestone);
    if (e.event === 'completed') lesson.completed = true;
    if (e.event === 'passed') lesson.passed = true;
  }
  const courseId = String(events[0]?.course_id ?? '');
  return { lessons, course_completed: completed, badge_url: completed ? `${origin}/api/badges/${encodeURIComponent(courseId)}.svg` : null };
}

/** The reference endpoint's badge: a tick in a ring, named by its label (no caption: the tracker shows it at 32 px). */
function badge(courseId: string): string {
  const label = courseId.replace(/[^\w .-]/g, '').slice(0, 24);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120" role="img" aria-label="Badge: ${label}">
<circle cx="60" cy="60" r="56" fill="#5b3cc4"/><circle cx="60" cy="60" r="44" fill="none" stroke="#fff" stroke-width="4"/>
<path d="M40 62l14 14 28-32" fill="none" stroke="#fff" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

export interface App {
  server: Server;
  store: Store;
  /** Forwards stored submissions to the configured destinations (started with the app; stopped when it closes). */
  forwarder: Forwarder | null;
  /** Switchable faults (see Faults); empty by default. */
  faults: Faults;
  /** Every widget POST, in arrival order. */
  attempts: Attempt[];
  /** Stops taking requests and forwarding (attempts under way are recorded), then closes the store. */
  shutdown(): Promise<void>;
}

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|md|txt)$/;
const compressedFiles = new Map<string, Buffer>();

/**
 * A text file compressed on the fly as a CDN does for files it did not precompress (brotli 5, gzip 6: quality 11
 * takes seconds for a 1 MB bundle), kept while the file is unchanged.
 */
function compressed(file: string, encoding: 'br' | 'gzip'): Buffer {
  const key = `${encoding}:${file}:${statSync(file).mtimeMs}`;
  let body = compressedFiles.get(key);
  if (!body) {
    const data = readFileSync(file);
    body = encoding === 'br' ? brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(data, { level: 6 });
    compressedFiles.set(key, body);
  }
  return body;
}

export function createApp(options: AppOptions): App {
  const store = openStore({ databaseUrl: options.databaseUrl, dbFile: options.dbFile });
  const forwarder = options.forwarding?.destinations.length ? new Forwarder(store, options.forwarding, options.forwarder) : null;
  forwarder?.start();
  const spam = new SpamFilter(options.spam ?? options.forwarding?.spam ?? TRAP_ONLY, options.verifyTurnstile);
  const faults: Faults = {};
  const attempts: Attempt[] = [];
  const allowed = options.allowedOrigins ?? localOrigins;
  const maxBody = options.maxBody ?? 64 * 1024;
  const statics = Object.entries(options.static ?? {}).sort((a, b) => b[0].length - a[0].length);
  const segment = options.segmentStandIn ? { prefix: options.segmentStandIn, ...segmentHandler() } : null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (segment && url.pathname.startsWith(`${segment.prefix}/`)) return segment.handle(req, res, url.pathname.slice(segment.prefix.length));
    if (await handleAdmin(req, res, url, { store, forwarder, token: options.adminToken })) return;
    const origin = req.headers.origin;
    const self = `http://${req.headers.host ?? 'localhost'}`;
    const cors: Record<string, string> = { Vary: 'Origin' };
    if (origin && (origin === self || allowed(origin))) {
      cors['Access-Control-Allow-Origin'] = origin;
      cors['Access-Control-Expose-Headers'] = 'Idempotent-Replayed, Retry-After';
    }
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);

    if (req.method === 'OPTIONS' && url.pathname.startsWith('/api/')) {
      if (!cors['Access-Control-Allow-Origin']) return json(res, 403, { error: 'origin_not_allowed' });
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Experience-API-Version',
        'Access-Control-Max-Age': '600',
      });
      return void res.end();
    }

    // A known learner's state, so a second device continues where the first left off (the tracker's copy loses).
    if (url.pathname === '/api/course-progress' && req.method === 'GET') {
      const courseId = url.searchParams.get('course_id') ?? '';
      const userId = url.searchParams.get('user_id') ?? '';
      if (!courseId || !userId) return json(res, 400, { error: 'course_id and user_id are required' });
      return json(res, 200, courseState(await store.courseEvents(courseId, userId), self));
    }

    const route = ROUTES[url.pathname];
    if (route) {
      if (req.method !== 'POST') return json(res, 405, { error: 'method_not_allowed' }, { Allow: 'POST, OPTIONS' });
      if (origin && !cors['Access-Control-Allow-Origin']) return json(res, 403, { error: 'origin_not_allowed' });
      // The header normally; the query when a page is unloading and sends a request that needs no preflight.
      const key = req.headers['idempotency-key'] ?? url.searchParams.get('idempotency_key');
      const attempt: Attempt = { path: url.pathname, key: typeof key === 'string' ? key : null, at: Date.now(), outcome: 0, contentType: req.headers['content-type'] ?? null };
      attempts.push(attempt);
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        attempt.outcome = status;
        json(res, status, body, headers);
      };
      if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
      if (typeof key !== 'string' || !/^[\w-]{8,100}$/.test(key)) {
        return answer(400, { error: 'missing_idempotency_key', message: 'Send an Idempotency-Key header (8–100 letters, digits, - or _).' });
      }
      if (route.kind === 'xapi_statement' && !req.headers['x-experience-api-version']) {
        return answer(400, { error: 'missing X-Experience-API-Version header' });
      }
      const refuse = faults.refuse;
      if (refuse && Date.now() < refuse.until) {
        req.resume();
        return answer(refuse.status, refuse.body ?? { error: 'unavailable' }, refuse.retryAfter === undefined ? {} : { 'Retry-After': String(refuse.retryAfter) });
      }
      let raw: string;
      try {
        raw = await readBody(req, maxBody);
      } catch (error) {
        if (error instanceof TooLarge) return answer(413, { error: 'too_large', max_bytes: maxBody }, { Connection: 'close' });
        throw error;
      }
      // A retry carries the same bytes and gets the first answer; the same key with another body is a client bug,
      // refused rather than answered with someone else's result (as Stripe does).
      const requestHash = createHash('sha256').update(raw).digest('hex');
      const replayed = await store.replay(key);
      if (replayed?.requestHash && replayed.requestHash !== requestHash) {
        return answer(422, { error: 'idempotency_key_reused', message: 'This Idempotency-Key was used with another body.' });
      }
      if (replayed) return answer(replayed.status, replayed.body, { 'Idempotent-Replayed': 'true' });
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        return answer(400, { error: 'invalid_json', message: 'The body is not valid JSON.' });
      }
      const result = z.safeParse(route.schema, body, { reportInput: true });
      if (!result.success) return answer(422, { error: 'validation_failed', fields: describeIssues(result.error) });
      const data = result.data as Record<string, unknown>;
      // Proof of consent keeps the browser's own Global Privacy Control signal (a header no script can set).
      if (route.kind === 'consent') data.sec_gpc = req.headers['sec-gpc'] === '1';
      const response: StoredResponse = { ...(route.answer?.(data) ?? { status: 201, body: { ok: true, ...route.respond(data, self) } }), requestHash };
      // A spam verdict is kept with the lead, which then goes nowhere; the answer is the same as anyone's.
      const ip = (options.trustProxy && String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim()) || req.socket.remoteAddress || '';
      const verdict = route.kind === 'hand_raise_lead' ? await spam.judge(data, ip) : null;
      // The jobs are written with the submission; the forwarder sends them after this answer, never before it.
      const outcome = await store.insert(route.kind, key, data, response, verdict ? [] : (forwarder?.destinationsFor(route.kind) ?? []), verdict);
      if (outcome.stored) forwarder?.kick();
      if (faults.dropAfterStore) {
        faults.dropAfterStore -= 1;
        attempt.outcome = 'dropped';
        return void res.socket?.destroy();
      }
      return answer(outcome.response.status, outcome.response.body, outcome.stored ? {} : { 'Idempotent-Replayed': 'true' });
    }

    if (url.pathname === '/api/submissions' && req.method === 'GET') {
      const kind = url.searchParams.get('kind') ?? undefined;
      const limit = Math.min(1000, Math.max(1, Number(url.searchParams.get('limit')) || 100));
      return json(res, 200, { submissions: await store.list(kind, limit), total: await store.count(kind) });
    }
    const badgeMatch = /^\/api\/badges\/([^/]+)\.svg$/.exec(url.pathname);
    if (badgeMatch && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=3600' });
      return void res.end(badge(decodeURIComponent(badgeMatch[1])));
    }
    if (url.pathname === '/api/health') return json(res, 200, { ok: true });
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname.startsWith('/api/')) return json(res, 404, { error: 'not_found' });

    if (req.method === 'GET' || req.method === 'HEAD') {
      for (const [prefix, dir] of statics) {
        if (!url.pathname.startsWith(prefix)) continue;
        const root = resolve(dir);
        let file = normalize(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
        if (!file.startsWith(root)) break;
        if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
        if (!existsSync(file)) continue;
        const type = TYPES[extname(file)] ?? 'application/octet-stream';
        const size = statSync(file).size;
        for (const [name, value] of Object.entries(options.staticHeaders?.(url.pathname) ?? {})) res.setHeader(name, value);
        // Byte ranges let a browser seek in the demo's video.
        const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
        if (range && (range[1] || range[2])) {
          const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
          const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
          if (start > end || start >= size) return void res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
          res.writeHead(206, { 'Content-Type': type, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1, 'Accept-Ranges': 'bytes' });
          if (req.method === 'HEAD') return void res.end();
          return void createReadStream(file, { start, end }).pipe(res);
        }
        // A hashed chunk never changes under its name: cached for a year. Everything else is revalidated.
        const cache = /\/chunks\/[^/]+-[\w-]{6}\.js$/.test(url.pathname) ? 'public, max-age=31536000, immutable' : 'no-cache';
        const accepts = String(req.headers['accept-encoding'] ?? '');
        const encoding = !COMPRESSIBLE.test(file) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
        if (encoding) {
          const body = compressed(file, encoding);
          res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': encoding, 'Content-Length': body.length, 'Cache-Control': cache, Vary: 'Accept-Encoding' });
          return void res.end(req.method === 'HEAD' ? undefined : body);
        }
        res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes', 'Cache-Control': cache, ...(COMPRESSIBLE.test(file) ? { Vary: 'Accept-Encoding' } : {}) });
        if (req.method === 'HEAD') return void res.end();
        return void createReadStream(file).pipe(res);
      }
    }
    json(res, 404, { error: 'not_found' });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[server]', error);
      if (!res.headersSent) json(res, 500, { error: 'internal_error' });
      else res.destroy();
    });
  });
  let closing: Promise<void> | null = null;
  const shutdown = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
        if (!server.listening) resolve();
      });
      await forwarder?.stop();
      await store.close();
    })());
  return { server, store, forwarder, faults, attempts, shutdown };
}

/**
 * Local stand-ins for the CRMs and tools the collector forwards to, speaking each API's documented requests,
 * answers and errors: HubSpot's Forms API v3, Salesforce Web-to-Lead, Marketo's REST API (token + submitForm),
 * Segment's HTTP Tracking API and a signed webhook receiver; and Cloudflare Turnstile's siteverify for the spam
 * check (a token is valid when it is "valid-" followed by anything, once, as real tokens are single-use). One
 * server, one prefix each. Tests and `npm start`
 * (demo mode) point the collector's config at them.
 *
 * Every request is recorded with the key that identifies its lead at that destination (HubSpot and Marketo: the
 * email and submission time; Salesforce: the email; Segment: messageId; webhook: Idempotency-Key), so "forwarded
 * exactly once" is counted where it matters: at the receiver. Faults are switched per stand-in: down (no answer),
 * an HTTP status (429 with Retry-After, 401, 500, …) for the next N requests, or store-then-hang (recorded, never
 * answered: the collector's timeout decides). GET /__recorded reads, DELETE /__recorded clears, POST
 * /__faults/<name> switches faults (the demo page at / has buttons).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type StandInName = 'hubspot' | 'salesforce' | 'marketo' | 'segment' | 'webhook' | 'turnstile';
export const STAND_INS: readonly StandInName[] = ['hubspot', 'salesforce', 'marketo', 'segment', 'webhook', 'turnstile'];

export interface Received {
  standIn: StandInName;
  at: number;
  path: string;
  /** What identifies the lead at this destination (see above). */
  key: string;
  status: number;
  body: unknown;
  /** Stored, then never answered (the store-then-hang fault): the lead is there, the sender does not know it. */
  hung?: boolean;
}

export type Fault = { mode: 'down' } | { mode: 'status'; status: number; retryAfter?: number; count?: number; body?: unknown } | { mode: 'store-then-hang'; count?: number };

export interface StandInsOptions {
  /** The webhook stand-in's signing secret. */
  webhookSecret?: string;
  /** The Turnstile secret siteverify accepts. */
  turnstileSecret?: string;
  /** Segment write key, Marketo client id/secret the stand-ins accept. */
  segmentWriteKey?: string;
  marketo?: { clientId: string; clientSecret: string };
}

export interface StandIns {
  server: Server;
  received: Received[];
  faults: Partial<Record<StandInName, Fault>>;
  /** Requests each stand-in met with a switched fault (refused, answered with an error, or left hanging). */
  faulted: Record<StandInName, number>;
  /** Leads counted once per key, per stand-in: how many distinct leads each received. */
  distinct(standIn: StandInName): number;
  /** Requests answered 2xx, per key: more than one for a key means a lead arrived twice. */
  deliveries(standIn: StandInName): Map<string, number>;
}

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString('utf8')));
    req.on('end', () => resolve(data));
  });

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function createStandIns(options: StandInsOptions = {}): StandIns {
  const received: Received[] = [];
  const faults: StandIns['faults'] = {};
  const faulted = Object.fromEntries(STAND_INS.map((n) => [n, 0])) as Record<StandInName, number>;
  const webhookSecret = options.webhookSecret ?? 'stand-in-webhook-secret';
  const segmentWriteKey = options.segmentWriteKey ?? 'stand-in-write-key';
  const marketoClient = options.marketo ?? { clientId: 'stand-in-client', clientSecret: 'stand-in-secret' };
  const tokens = new Set<string>();
  const turnstileSecret = options.turnstileSecret ?? 'stand-in-turnstile-secret';
  const spentTurnstile = new Set<string>();
  const hanging = new Set<ServerResponse>();

  /** The switched fault for this request, if any (counting it down). */
  function fault(name: StandInName): Fault | null {
    const f = faults[name];
    if (!f) return null;
    if (f.mode !== 'down' && f.count !== undefined) {
      f.count -= 1;
      if (f.count <= 0) delete faults[name];
    }
    return f;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, first, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    if (url.pathname === '/' && req.method === 'GET') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page(received, faults));
    if (url.pathname === '/__recorded') {
      if (req.method === 'DELETE') received.length = 0;
      return send(res, 200, received);
    }
    const switched = /^\/__faults\/(\w+)$/.exec(url.pathname);
    if (switched && req.method === 'POST' && STAND_INS.includes(switched[1] as StandInName)) {
      const raw = await read(req);
      const given = raw ? (JSON.parse(raw) as Fault | null) : null;
      if (given) faults[switched[1] as StandInName] = given;
      else delete faults[switched[1] as StandInName];
      return send(res, 200, { faults });
    }
    const name = first as StandInName;
    if (!STAND_INS.includes(name)) return send(res, 404, { error: 'not found' });
    const body = req.method === 'POST' ? await read(req) : '';
    const f = fault(name);
    if (f) faulted[name] += 1;
    if (f?.mode === 'down') return void req.socket.destroy();
    const record = (key: string, status: number, parsed: unknown) => received.push({ standIn: name, at: Date.now(), path, key, status, body: parsed });
    if (f?.mode === 'status') {
      record('', f.status, null);
      return send(res, f.status, f.body ?? { status: 'error', message: `stand-in fault ${f.status}` }, f.retryAfter === undefined ? {} : { 'Retry-After': String(f.retryAfter) });
    }
    const hang = f?.mode === 'store-then-hang';
    const answer = (key: string, status: number, parsed: unknown, reply: unknown, headers: Record<string, string> = {}) => {
      record(key, status, parsed);
      if (hang) {
        received[received.length - 1].hung = true;
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      send(res, status, reply, headers);
    };

    switch (name) {
      case 'hubspot': {
        // POST /submissions/v3/integration/submit/:portalId/:formGuid
        if (req.method !== 'POST' || !/^\/submissions\/v3\/integration\/submit\/\d+\/[\w-]+$/.test(path)) return send(res, 404, { status: 'error', message: 'Not found' });
        let parsed: { fields?: { objectTypeId?: string; name?: string; value?: string }[]; submittedAt?: string; context?: Record<string, unknown> };
        try {
          parsed = JSON.parse(body);
        } catch {
          return answer('', 400, body, { status: 'error', message: 'Invalid JSON', errors: [] });
        }
        const fields = Array.isArray(parsed.fields) ? parsed.fields : null;
        const errors: { message: string; errorType: string }[] = [];
        if (!fields) errors.push({ message: "Error in 'fields'. Required", errorType: 'REQUIRED_FIELD' });
        for (const [i, field] of (fields ?? []).entries()) {
          if (typeof field.name !== 'string' || typeof field.value !== 'string') errors.push({ message: `Error in 'fields[${i}]'. Needs a name and a value`, errorType: 'INVALID_FIELD' });
          if (field.objectTypeId !== undefined && !/^\d+-\d+$/.test(field.objectTypeId)) errors.push({ message: `Error in 'fields.${field.name}'. Invalid objectTypeId`, errorType: 'INVALID_OBJECT_TYPE' });
        }
        const email = fields?.find((f) => f.name === 'email')?.value ?? '';
        if (!EMAIL.test(email)) errors.push({ message: "Error in 'fields.email'. Invalid email address", errorType: 'INVALID_EMAIL' });
        if (errors.length) return answer('', 400, parsed, { status: 'error', message: 'The request is not valid', correlationId: crypto.randomUUID(), errors });
        return answer(`${email}|${parsed.submittedAt ?? ''}`, 200, parsed, { inlineMessage: 'Thanks for submitting the form.' });
      }
      case 'salesforce': {
        if (req.method !== 'POST' || path !== '/servlet/servlet.WebToLead') return send(res, 404, 'Not found');
        const form = Object.fromEntries(new URLSearchParams(body));
        // Web-to-Lead answers 200 whatever happens to the lead; a missing org id is dropped silently.
        return answer(form.oid ? form.email ?? '' : '', 200, form, '');
      }
      case 'marketo': {
        if (path === '/identity/oauth/token' && req.method === 'GET') {
          if (url.searchParams.get('client_id') !== marketoClient.clientId || url.searchParams.get('client_secret') !== marketoClient.clientSecret) {
            return send(res, 401, { error: 'unauthorized', error_description: 'Bad client credentials' });
          }
          const token = crypto.randomUUID();
          tokens.add(token);
          return send(res, 200, { access_token: token, token_type: 'bearer', expires_in: 3599, scope: 'api' });
        }
        if (path !== '/rest/v1/leads/submitForm.json' || req.method !== 'POST') return send(res, 404, { error: 'not found' });
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        // Marketo reports its own errors with 200 and success:false.
        if (!token || !tokens.has(token)) return send(res, 200, { requestId: 'x', success: false, errors: [{ code: '601', message: 'Access token invalid' }] });
        let parsed: { formId?: number; input?: { leadFormFields?: Record<string, string>; visitorData?: unknown; cookie?: string }[] };
        try {
          parsed = JSON.parse(body);
        } catch {
          return answer('', 200, body, { requestId: 'x', success: false, errors: [{ code: '609', message: 'Invalid JSON' }] });
        }
        const lead = parsed.input?.[0];
        if (typeof parsed.formId !== 'number' || !lead?.leadFormFields) return answer('', 200, parsed, { requestId: 'x', success: false, errors: [{ code: '1003', message: 'formId and input are required' }] });
        if (!EMAIL.test(lead.leadFormFields.email ?? '')) return answer('', 200, parsed, { requestId: 'x', success: true, result: [{ status: 'skipped', reasons: [{ code: '1003', message: 'Invalid email' }] }] });
        return answer(lead.leadFormFields.email, 200, parsed, { requestId: 'x', success: true, result: [{ id: received.length + 1, status: 'created' }] });
      }
      case 'segment': {
        if (path !== '/v1/batch' || req.method !== 'POST') return send(res, 404, { success: false });
        const auth = req.headers.authorization ?? '';
        if (auth !== `Basic ${Buffer.from(`${segmentWriteKey}:`).toString('base64')}`) return send(res, 401, { success: false, message: 'Invalid write key' });
        let parsed: { batch?: { type?: string; messageId?: string; userId?: string; anonymousId?: string }[] };
        try {
          parsed = JSON.parse(body);
        } catch {
          return answer('', 400, body, { success: false, message: 'Invalid JSON' });
        }
        const batch = parsed.batch ?? [];
        if (!batch.length || batch.some((m) => !m.type || !(m.userId || m.anonymousId))) return answer('', 400, parsed, { success: false, message: 'Every message needs a type and a userId or anonymousId' });
        const track = batch.find((m) => m.type === 'track');
        return answer(track?.messageId ?? batch[0].messageId ?? '', 200, parsed, { success: true });
      }
      case 'turnstile': {
        if (path !== '/turnstile/v0/siteverify' || req.method !== 'POST') return send(res, 404, { success: false });
        const form = new URLSearchParams(body);
        const token = form.get('response') ?? '';
        const codes: string[] = [];
        if (form.get('secret') !== turnstileSecret) codes.push('invalid-input-secret');
        else if (!token) codes.push('missing-input-response');
        else if (!token.startsWith('valid-')) codes.push('invalid-input-response');
        else if (spentTurnstile.has(token)) codes.push('timeout-or-duplicate');
        if (!codes.length) spentTurnstile.add(token);
        return answer(token, 200, Object.fromEntries(form), codes.length ? { success: false, 'error-codes': codes } : { success: true, 'error-codes': [], hostname: 'localhost' });
      }
      case 'webhook': {
        if (req.method !== 'POST') return send(res, 405, { error: 'method not allowed' });
        const header = String(req.headers['growth-kit-signature'] ?? '');
        const t = /t=(\d+)/.exec(header)?.[1];
        const v1 = /v1=([0-9a-f]{64})/.exec(header)?.[1];
        const expected = t ? createHmac('sha256', webhookSecret).update(`${t}.${body}`).digest('hex') : '';
        const fresh = t !== undefined && Math.abs(Date.now() / 1000 - Number(t)) < 300;
        if (!v1 || !fresh || !timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(expected, 'hex'))) return send(res, 401, { error: 'bad signature' });
        return answer(String(req.headers['idempotency-key'] ?? ''), 200, JSON.parse(body), { received: true });
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[stand-ins]', error);
      if (!res.headersSent) send(res, 500, { error: 'stand-in failed' });
    });
  });
  server.on('close', () => hanging.forEach((res) => res.destroy()));

  return {
    server,
    received,
    faults,
    faulted,
    distinct: (standIn) => new Set(received.filter((r) => r.standIn === standIn && r.status >= 200 && r.status < 300 && r.key).map((r) => r.key)).size,
    deliveries: (standIn) => {
      const counts = new Map<string, number>();
      for (const r of received) if (r.standIn === standIn && r.status >= 200 && r.status < 300 && r.key) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
      return counts;
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The demo's view of the stand-ins: what each received, and a switch to take each down and up again. */
function page(received: Received[], faults: StandIns['faults']): string {
  const sections = STAND_INS.map((name) => {
    const rows = received.filter((r) => r.standIn === name).slice(-20).reverse();
    const down = faults[name]?.mode === 'down';
    return `<section><h2>${name} <small>${down ? 'down' : 'up'}</small></h2>
      <button type="button" data-name="${name}" data-down="${down}">${down ? 'Start' : 'Stop'} ${name}</button>
      <table><thead><tr><th scope="col">time</th><th scope="col">status</th><th scope="col">lead</th></tr></thead><tbody>
      ${rows.map((r) => `<tr><td>${new Date(r.at).toISOString().slice(11, 19)}</td><td>${r.status}</td><td>${escape(r.key || '—')}</td></tr>`).join('')}
      </tbody></table></section>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Growth Kit destination stand-ins</title>
<style>body{font:15px/1.5 system-ui,sans-serif;margin:24px;max-width:960px}section{margin-block:16px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:start}small{color:#555;font-weight:400}</style>
</head><body><h1>Destination stand-ins</h1><p>What the collector forwarded, as each API received it. Stop one, submit a lead, start it again: the lead arrives once.</p>
${sections}
<script>for (const b of document.querySelectorAll('button')) b.addEventListener('click', async () => {
  await fetch('/__faults/' + b.dataset.name, { method: 'POST', body: b.dataset.down === 'true' ? 'null' : JSON.stringify({ mode: 'down' }) });
  location.reload();
});</script></body></html>`;
}

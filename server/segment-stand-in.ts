/**
 * A local stand-in for Segment's CDN and tracking API, speaking the protocol analytics-next uses: it serves
 * project settings at `/v1/projects/:writeKey/settings` (the `cdnURL`) and accepts events at `/v1/{t,p,i,b,batch}`
 * (the `apiHost`). Every request is recorded so tests can count them and scan them for personal data; `GET
 * /__recorded` reads them, `DELETE /__recorded` clears them. The tests run it as its own server; `npm start`
 * mounts it at /segment so the demo pages show Segment loading after Accept without leaving the machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Recorded {
  method: string;
  path: string;
  body: unknown;
}

export interface StandIn {
  /** Answers a request whose path (without any mount prefix) is `pathname`. */
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void>;
  recorded: Recorded[];
}

export function segmentHandler(): StandIn {
  const recorded: Recorded[] = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => resolve(data));
    });
  const handle = async (req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> => {
    const url = { pathname };
    const cors = {
      'Access-Control-Allow-Origin': req.headers.origin ?? '*',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Content-Type',
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    // The tests' own door: read and clear what was recorded.
    if (url.pathname === '/__recorded') {
      if (req.method === 'DELETE') recorded.length = 0;
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(recorded));
    }
    const raw = req.method === 'POST' ? await read(req) : '';
    let body: unknown = raw;
    try {
      body = raw ? JSON.parse(raw) : null;
    } catch {
      // sendBeacon bodies may arrive as text; keep them as they came.
    }
    recorded.push({ method: req.method ?? 'GET', path: url.pathname, body });
    const settings = /^\/v1\/projects\/([^/]+)\/settings$/.exec(url.pathname);
    if (settings) {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      return void res.end(
        JSON.stringify({
          integrations: { 'Segment.io': { apiKey: settings[1], unbundledIntegrations: [], addBundledMetadata: true } },
          plan: { track: { __default: { enabled: true, integrations: {} } }, identify: { __default: { enabled: true } }, group: { __default: { enabled: true } } },
          edgeFunction: {},
          analyticsNextEnabled: true,
          middlewareSettings: {},
          enabledMiddleware: {},
          metrics: { sampleRate: 0 },
          legacyVideoPluginsEnabled: false,
          remotePlugins: [],
        }),
      );
    }
    if (/^\/v1\/(t|p|i|g|a|b|batch|track|page|identify)$/.test(url.pathname)) {
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json' });
      return void res.end('{"success":true}');
    }
    res.writeHead(404, cors).end();
  };
  return { handle, recorded };
}

/** The stand-in as its own server (the browser tests' Segment host). */
export function segmentStandIn(): { server: Server; recorded: Recorded[] } {
  const { handle, recorded } = segmentHandler();
  const server = createServer((req, res) => void handle(req, res, new URL(req.url ?? '/', 'http://localhost').pathname));
  return { server, recorded };
}

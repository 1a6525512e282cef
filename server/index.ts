/**
 * `npm start` runs this: the collector with the demo pages and the built kit, and the forwarder.
 * - DATABASE_URL=postgres://…: PostgreSQL (several collectors may share it); otherwise the SQLite file DB_FILE.
 * - growth-kit.config.json (or GROWTH_KIT_CONFIG=path): where leads go. Without one, demo mode: the destination
 *   stand-ins run on STAND_INS_PORT (default PORT + 1) and every destination points at them.
 * - ALLOWED_ORIGINS="https://www.example.com,https://learn.example.com": the pages allowed to post cross-origin
 *   (by default any localhost origin). Same-origin posts are always allowed.
 * - ADMIN_TOKEN: the dashboard's password (/admin, any user name). Without one there is no dashboard, except in
 *   demo mode, which makes one up and prints it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createApp, localOrigins } from './app.js';
import { buildConfig, loadConfig, type CollectorConfig } from './forwarding/config.js';
import { DEMO_WEBHOOK_SECRET, demoConfig } from './forwarding/demo.js';
import { createStandIns } from './stand-ins/index.js';

const port = Number(process.env.PORT ?? 8787);
const dbFile = process.env.DB_FILE ?? 'data/growth-kit.sqlite';
const databaseUrl = process.env.DATABASE_URL || undefined;
const configFile = process.env.GROWTH_KIT_CONFIG ?? (existsSync('growth-kit.config.json') ? 'growth-kit.config.json' : null);
const origins = (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const allowedOrigins = origins.length ? (origin: string) => origins.includes(origin) : localOrigins;

let forwarding: CollectorConfig;
let standIns: ReturnType<typeof createStandIns> | null = null;
try {
  if (configFile) forwarding = loadConfig(configFile);
  else {
    standIns = createStandIns({ webhookSecret: DEMO_WEBHOOK_SECRET });
    const standInsPort = Number(process.env.STAND_INS_PORT ?? port + 1);
    await new Promise<void>((resolve, reject) => standIns!.server.once('error', reject).listen(standInsPort, resolve));
    forwarding = buildConfig(demoConfig(`http://127.0.0.1:${(standIns.server.address() as AddressInfo).port}`));
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const adminToken = process.env.ADMIN_TOKEN || (standIns ? randomBytes(12).toString('base64url') : undefined);
const { server, shutdown } = createApp({
  dbFile,
  adminToken,
  databaseUrl,
  forwarding,
  static: { '/': 'demo', '/dist/': 'dist' },
  segmentStandIn: '/segment',
  allowedOrigins,
});

server.listen(port, () => {
  const actual = (server.address() as AddressInfo).port;
  console.log(`Growth Kit collector, demo pages and the built kit: http://localhost:${actual}/`);
  console.log(`  pages: /marketing.html  /product.html  /academy.html`);
  console.log(`  store: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : dbFile}   submissions: http://localhost:${actual}/api/submissions`);
  console.log(`  forwarding to: ${forwarding.destinations.map((d) => d.name).join(', ') || 'nowhere'}${configFile ? ` (${configFile})` : ' (demo mode)'}`);
  if (standIns) console.log(`  destination stand-ins (what the CRMs received; stop and start them): http://localhost:${(standIns.server.address() as AddressInfo).port}/`);
  console.log(`  analytics (Segment stand-in, after consent): http://localhost:${actual}/segment/__recorded`);
  if (adminToken) console.log(`  dashboard: http://localhost:${actual}/admin   user: admin   password: ${process.env.ADMIN_TOKEN ? '(ADMIN_TOKEN)' : adminToken}`);
  else console.log('  dashboard: off (set ADMIN_TOKEN to turn it on)');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () =>
    void shutdown()
      .then(() => new Promise((resolve) => (standIns ? standIns.server.close(resolve) : resolve(undefined))))
      .then(() => process.exit(0)),
  );
}

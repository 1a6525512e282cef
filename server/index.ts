/** `npm start` runs this: the reference endpoint with the demo pages and the built kit. */
import { createApp, localOrigins } from './app.js';

const port = Number(process.env.PORT ?? 8787);
const dbFile = process.env.DB_FILE ?? 'data/growth-kit.sqlite';
// The demo pages send analytics (after consent) to a local Segment stand-in at /segment.
// ALLOWED_ORIGINS="https://www.example.com,https://learn.example.com": the pages allowed to post cross-origin
// (by default any localhost origin). Same-origin posts are always allowed.
const origins = (process.env.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const allowedOrigins = origins.length ? (origin: string) => origins.includes(origin) : localOrigins;
const { server, shutdown } = createApp({ dbFile, static: { '/': 'demo', '/dist/': 'dist' }, segmentStandIn: '/segment', allowedOrigins });

server.listen(port, () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Growth Kit demo and reference endpoint: http://localhost:${actual}/`);
  console.log(`  pages: /marketing.html  /product.html  /academy.html`);
  console.log(`  submissions: http://localhost:${actual}/api/submissions   database: ${dbFile}`);
  console.log(`  analytics (Segment stand-in, after consent): http://localhost:${actual}/segment/__recorded`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown().then(() => process.exit(0)));

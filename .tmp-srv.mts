import { createApp } from './server/app.ts';
const { server, shutdown } = createApp({ dbFile: '/tmp/gk-accept/db.sqlite' });
server.listen(18999, '127.0.0.1', () => console.log('ready'));
process.on('SIGINT', () => void shutdown().then(() => process.exit(0)));

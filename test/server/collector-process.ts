/**
 * The collector as `npm start` runs it (server/index.ts), in a process of its own, for the tests and the bench
 * that need a real process (to kill it, to run two, to measure it apart from the load). Ready when it prints its
 * dashboard line, its last; the build (dist/admin) is npm test's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './ports.js';

export { freePort };

export interface CollectorProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Stops it (SIGTERM by default: it finishes what it is forwarding); resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startCollectorProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<CollectorProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('dashboard:')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the collector exited (${code}): ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

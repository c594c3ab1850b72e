import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

/**
 * `npm run cluster -- --instances 3 [--port 8787]`: N server processes on
 * consecutive ports from PORT, sharing rooms through the local PostgreSQL
 * and Redis (docs/SCALING.md). Put a load balancer in front (README,
 * "Deployment") or point clients at any of them. Ctrl+C stops them all; if
 * one dies, the others are stopped too and the exit code is 1.
 */
const DEFAULTS = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
  REDIS_URL: 'redis://127.0.0.1:6379',
};

const { values } = parseArgs({
  options: {
    instances: { type: 'string', short: 'n', default: '3' },
    port: { type: 'string', short: 'p', default: process.env['PORT'] ?? '8787' },
  },
});
const instances = Number(values.instances);
const basePort = Number(values.port);
if (!Number.isInteger(instances) || instances < 1 || instances > 64) {
  console.error(`--instances must be a whole number from 1 to 64, not ${values.instances}`);
  process.exit(2);
}
if (!Number.isInteger(basePort) || basePort < 1 || basePort + instances - 1 > 65_535) {
  console.error(`--port must leave room for ${instances} consecutive ports, not ${values.port}`);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
const env = {
  ...process.env,
  DATABASE_URL: process.env['DATABASE_URL'] ?? DEFAULTS.DATABASE_URL,
  REDIS_URL: process.env['REDIS_URL'] ?? DEFAULTS.REDIS_URL,
};
const children: ChildProcess[] = [];
let stopping = false;
let failed = false;

function stopAll(signal: NodeJS.Signals): void {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}

for (let i = 0; i < instances; i++) {
  const port = basePort + i;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // Each process gets its own DATA_DIR: with DATABASE_URL nothing is written there.
    env: {
      ...env,
      PORT: String(port),
      DATA_DIR: process.env['DATA_DIR'] ?? path.join('data', `cluster-${i + 1}`),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const tag = `[${i + 1}:${port}]`;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${tag} ${line}`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${tag} exited (${signal ?? code}); stopping the others`);
      failed = true;
      stopAll('SIGTERM');
    }
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(failed ? 1 : 0);
  });
}

console.log(
  `stockroom cluster: ${instances} processes on ports ${basePort}-${basePort + instances - 1}\n` +
    `  DATABASE_URL=${env.DATABASE_URL.replace(/\/\/[^@/]*@/, '//…@')}  REDIS_URL=${env.REDIS_URL}`,
);
process.on('SIGINT', () => stopAll('SIGTERM'));
process.on('SIGTERM', () => stopAll('SIGTERM'));

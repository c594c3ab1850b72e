import { createRequire } from 'node:module';
import path from 'node:path';
import type { TargetName } from './ipc.js';
import { freePort, jsonLine, startServerProcess, type ServerProcess } from './server-process.js';
import type { ClientKind, Endpoint } from './worker/clients.js';

/**
 * How each server under test is started. All run as plain `node` processes on
 * 127.0.0.1 with nothing but their defaults: Stockroom from its build (SQLite
 * on, a fresh DATA_DIR), the reference y-websocket server from its own
 * src/server.js (in memory), Hocuspocus 4.x with its defaults (in memory).
 */
export const ROOT = path.resolve(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

export interface RunningTarget {
  server: ServerProcess;
  endpoint(room: string): Endpoint;
  /** Stockroom's HTTP API base, null for the peers. */
  httpUrl: string | null;
}

export interface StartOptions {
  dataDir: string;
  /** Write a V8 CPU profile of the server into this directory when it exits. */
  profileDir?: string | undefined;
}

function nodeArgs(script: string, options: StartOptions): string[] {
  const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
  return [...profile, script];
}

export interface TargetSpec {
  name: TargetName;
  clientKind: ClientKind;
  start(options: StartOptions): Promise<RunningTarget>;
}

/** The environment minus what would switch Stockroom away from its defaults (auth, Postgres, Redis). */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    'AUTH_SECRET',
    'DATABASE_URL',
    'REDIS_URL',
    'PORT',
    'HOST',
    'DATA_DIR',
    'NODE_OPTIONS',
  ]) {
    delete env[key];
  }
  return { ...env, ...extra };
}

const stockroom: TargetSpec = {
  name: 'stockroom',
  clientKind: 'y-websocket',
  async start(options) {
    const server = await startServerProcess({
      name: 'stockroom',
      args: nodeArgs(path.join(ROOT, 'dist/server/main.js'), options),
      cwd: ROOT,
      env: cleanEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, LOG_LEVEL: 'info' }),
      readyPort: (line) => {
        const entry = jsonLine(line);
        return entry?.['msg'] === 'stockroom listening' ? Number(entry['port']) : null;
      },
      startTimeoutMs: START_TIMEOUT_MS,
    });
    return {
      server,
      endpoint: (room) => ({ kind: 'y-websocket', url: `ws://127.0.0.1:${server.port}/yjs`, room }),
      httpUrl: `http://127.0.0.1:${server.port}`,
    };
  },
};

const yWebsocket: TargetSpec = {
  name: 'y-websocket',
  clientKind: 'y-websocket',
  async start(options) {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve('@y/websocket-server/package.json'));
    const port = await freePort();
    const server = await startServerProcess({
      name: 'y-websocket',
      args: nodeArgs(path.join(packageDir, 'src/server.js'), options),
      cwd: ROOT,
      env: cleanEnv({ HOST: '127.0.0.1', PORT: String(port) }),
      readyPort: (line) => (line.startsWith('running at') ? port : null),
      startTimeoutMs: START_TIMEOUT_MS,
    });
    return {
      server,
      endpoint: (room) => ({ kind: 'y-websocket', url: `ws://127.0.0.1:${server.port}`, room }),
      httpUrl: null,
    };
  },
};

const hocuspocus: TargetSpec = {
  name: 'hocuspocus',
  clientKind: 'hocuspocus',
  async start(options) {
    const server = await startServerProcess({
      name: 'hocuspocus',
      args: nodeArgs(path.join(ROOT, 'bench/servers/hocuspocus.mjs'), options),
      cwd: ROOT,
      env: cleanEnv({ HOST: '127.0.0.1', PORT: '0' }),
      readyPort: (line) => {
        const entry = jsonLine(line);
        return entry?.['msg'] === 'hocuspocus listening' ? Number(entry['port']) : null;
      },
      startTimeoutMs: START_TIMEOUT_MS,
    });
    return {
      server,
      endpoint: (room) => ({ kind: 'hocuspocus', url: `ws://127.0.0.1:${server.port}`, room }),
      httpUrl: null,
    };
  },
};

export const TARGETS: Record<TargetName, TargetSpec> = {
  stockroom,
  'y-websocket': yWebsocket,
  hocuspocus,
};

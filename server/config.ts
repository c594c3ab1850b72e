import path from 'node:path';
import { z } from 'zod';
import { issueLines } from '../shared/zod-issues.js';

/**
 * Configuration from the environment (ENV-1…ENV-8, docs/PROTOCOL.md), validated once
 * at start-up so that a bad value stops the server with a message naming it.
 */
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MOCK_DATA_DIR: z.string().trim().min(1).default('./mock_data'),
  CLIENT_DIST_DIR: z.string().trim().min(1).default('./client/dist'),
  AUTH_SECRET: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  REDIS_URL: optionalText.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
  ),
  /** PostgreSQL schema for the tables (created and migrated on start); one per deployment or test. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'must be a plain SQL identifier')
    .default('public'),
  /** Prefix of every Redis key and channel; processes of one deployment share it. */
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, or _ . -')
    .default('stockroom'),
  /** Processes heartbeat this often; one silent for 3 beats is gone (its presence is dropped). */
  REDIS_HEARTBEAT_MS: z.coerce.number().int().min(50).max(60_000).default(2000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOW_INSECURE: flag.default(false),
  LLM_BASE_URL: optionalText.pipe(z.url().optional()),
  LLM_MODEL: optionalText,
  LLM_API_KEY: optionalText,
  /** Updates in a room's log before it is folded into one snapshot. */
  COMPACT_AFTER_UPDATES: z.coerce.number().int().min(1).default(500),
  /** Bytes in a room's log before it is folded into one snapshot. */
  COMPACT_AFTER_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** Largest WebSocket message on /yjs (LIM-1). */
  MAX_SYNC_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  /** Largest WebSocket message on /progress (LIM-2). */
  MAX_PROGRESS_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Items in one add_multiple / remove_multiple / update_multiple request. */
  MAX_BULK_ITEMS: z.coerce.number().int().min(1).default(20_000),
  /** Agent requests per minute, per progress connection and per user (HTTP: per user or address). */
  REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Concurrent WebSocket connections (sync + progress) per room. */
  MAX_CONNECTIONS_PER_ROOM: z.coerce.number().int().min(1).default(1000),
  /** Rooms held in memory at once; opening one more gets 503 until another unloads. */
  MAX_LOADED_ROOMS: z.coerce.number().int().min(1).default(1000),
  /** HTTP request bodies (LIM-3: 8 MiB, then 413). */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(8 * 1024 * 1024),
  /** Unsent bytes a client may fall behind before it is dropped, so it cannot stall its room. */
  MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(64 * 1024)
    .default(64 * 1024 * 1024),
  /** Comma-separated origins allowed to call the API cross-origin; empty = same origin only. */
  CORS_ORIGINS: z.string().default(''),
});

export type Config = z.infer<typeof EnvSchema> & {
  dataDir: string;
  mockDataDir: string;
  clientDistDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = issueLines(
      result.error,
      'environment',
      (issue, name) => `  ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  if (!config.AUTH_SECRET && !config.ALLOW_INSECURE && !isLoopback(config.HOST)) {
    throw new ConfigError(
      `Refusing to listen on ${config.HOST} without AUTH_SECRET: anyone who can reach it could read and edit every room. ` +
        'Set AUTH_SECRET, bind to 127.0.0.1, or set ALLOW_INSECURE=1 if you really mean it.',
    );
  }
  return {
    ...config,
    dataDir: path.resolve(cwd, config.DATA_DIR),
    mockDataDir: path.resolve(cwd, config.MOCK_DATA_DIR),
    clientDistDir: path.resolve(cwd, config.CLIENT_DIST_DIR),
  };
}

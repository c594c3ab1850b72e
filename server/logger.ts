import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; secrets never reach them (tokens are redacted by key). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'stockroom' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', 'req.headers.authorization'],
      },
    },
    destination,
  );
}

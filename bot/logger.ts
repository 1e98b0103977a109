import pino from 'pino';

/** The root logger: JSON lines on stdout. LOG_LEVEL=silent in tests. */
export const rootLogger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
  base: { app: 'prevent-bot' },
});

/** A named child logger, e.g. logger('import'). */
export function logger(name: string): pino.Logger {
  return rootLogger.child({ module: name });
}

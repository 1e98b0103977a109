import pino from 'pino';

/** The root logger: JSON lines on stdout. The level is set once from the configuration. */
export const rootLogger = pino({ level: 'info', base: { app: 'prevent-bot' } });

/** Sets the log level for every logger (children follow the root). */
export function configureLogging(level: string): void {
  rootLogger.level = level;
}

/** A named child logger, e.g. logger('import'). */
export function logger(name: string): pino.Logger {
  return rootLogger.child({ module: name });
}

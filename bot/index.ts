import { loadConfig } from './config.js';
import { AppError } from './errors.js';
import { configureLogging, logger } from './logger.js';
import { loadDemoPlanIfEmpty } from './demo.js';
import { openStore } from './store/database.js';
import { createHttpApp, listen } from './server.js';
import { createBot } from './app.js';
import { startScheduler } from '../jobs/scheduler.js';
import { describeStartupFailure } from './startup-errors.js';
import type { Config } from './config.js';
import { slackIdle } from './slack/reply.js';

const log = logger('main');

/** Entry point: read configuration, then start; any failure is one line on stderr and a non-zero exit. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  configureLogging(config.LOG_LEVEL ?? 'info');
  try {
    await start(config);
  } catch (err) {
    const line = describeStartupFailure(err, { databaseUrl: config.DATABASE_URL, port: config.PORT });
    process.stderr.write(`${line ?? `The bot could not start: ${(err as Error)?.message ?? String(err)}`}\n`);
    if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exit(1);
  }
}

/** Opens (and migrates) the database, loads the demo plan on first start, listens, starts the scheduler. */
async function start(config: Config): Promise<void> {
  const store = await openStore(config.DATABASE_URL);
  const loaded = config.DEMO_PLAN === 'on' ? await loadDemoPlanIfEmpty(store, config.DEFAULT_PARTNERSHIP, new Date()) : 0;
  const migrations = store.migrationsApplied;
  if (loaded) {
    log.info(
      { partnership: config.DEFAULT_PARTNERSHIP, actions: loaded, migrations },
      `First start: applied ${migrations.length} database migrations and loaded the demo plan (${loaded} actions for ${config.DEFAULT_PARTNERSHIP})`,
    );
  } else if (migrations.length) {
    log.info({ migrations }, `Applied ${migrations.length} database migrations`);
  }
  const { services, adapter } = createBot({ config, store, now: () => new Date() });
  const app = createHttpApp(services, adapter);
  const server = await listen(app, config);
  log.info(
    { bound: server.bound, publicHost: config.PUBLIC_HOST, database: store.kind },
    config.localMode
      ? `Listening on ${server.url}/api/messages (bound to ${server.bound})`
      : `Listening on ${server.bound} (bound address); Teams reaches it as https://${config.PUBLIC_HOST}/api/messages`,
  );
  if (config.localMode) {
    log.warn(
      'Local mode: no MicrosoftAppId is set, so requests are NOT authenticated. Listening on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword to connect to Teams.',
    );
  }
  const scheduler = await startScheduler(services, { since: await services.store.createdAt() });
  const stop = async (signal: string) => {
    log.info({ signal }, 'Shutting down');
    await scheduler.stop();
    await server.close();
    await slackIdle(services);
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();

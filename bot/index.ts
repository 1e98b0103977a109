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
import { answeredWorkDone } from './core/after-answer.js';
import { warmUp } from './warm-up.js';

const log = logger('main');
/** set once SIGINT or SIGTERM has begun a shutdown: start-up steps cut short by it are not start-up failures */
let stopping = false;

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
    if (stopping) return;
    const line = describeStartupFailure(err, { databaseUrl: config.DATABASE_URL, port: config.PORT });
    process.stderr.write(`${line ?? `The bot could not start: ${(err as Error)?.message ?? String(err)}`}\n`);
    if (config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace') process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exit(1);
  }
}

/**
 * Opens (and migrates) the database, loads the demo plan on first start, listens, starts the scheduler. SIGINT and
 * SIGTERM stop whatever has started so far, from the moment the database is open: a start-up catch-up claims nothing
 * more and its job runs under way finish, then the database is closed before the process exits.
 */
async function start(config: Config): Promise<void> {
  const store = await openStore(config.DATABASE_URL);
  const running: { stop(): Promise<void> }[] = [];
  const stop = async (signal: string) => {
    stopping = true;
    log.info({ signal }, 'Shutting down');
    for (const part of running.reverse()) await part.stop().catch((err: unknown) => log.warn({ err }, 'Could not stop cleanly'));
    await store.close();
    log.info('Stopped: the database is closed');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
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
  if (config.PREVENT_FAULT === 'exit-after-commit') {
    log.warn('PREVENT_FAULT=exit-after-commit (test only): this process will be killed right after its first commit that queues a message');
    store.outbox.onQueued(() => process.kill(process.pid, 'SIGKILL'));
  }
  const { services, adapter } = createBot({ config, store, now: () => new Date() });
  services.outbox.start();
  running.push({ stop: () => answeredWorkDone(services) }, services.outbox);
  // rehearse partners' questions before taking traffic, so the first turns after a start are as quick as any
  await warmUp(services);
  const app = createHttpApp(services, adapter);
  const server = await listen(app, config);
  running.push({ stop: () => server.close() });
  // without PUBLIC_HOST, the host is this machine on the port actually bound (PORT), not the default's 3978
  const publicHost = config.publicHostSet ? config.PUBLIC_HOST : `localhost:${server.port}`;
  log.info(
    { bound: server.bound, publicHost, database: store.kind },
    config.localMode
      ? `Listening on ${server.url}/api/messages (bound to ${server.bound})`
      : `Listening on ${server.bound} (bound address); Teams reaches it as https://${publicHost}/api/messages`,
  );
  if (config.localMode) {
    log.warn(
      'Local mode: no MicrosoftAppId is set, so requests are NOT authenticated. Listening on 127.0.0.1 only. Set MicrosoftAppId and MicrosoftAppPassword to connect to Teams.',
    );
  }
  if (config.PREVENT_FAULT === 'hold-start-up') {
    log.warn('PREVENT_FAULT=hold-start-up (test only): start-up waits here, before the catch-up, until the process is stopped');
    await new Promise<never>(() => undefined);
  }
  // a stop during the start-up catch-up ends it once the job runs under way have finished (nothing more is claimed),
  // so the database is never closed under a job; what it did not reach is run by the next start
  const stopCatchUp = new AbortController();
  const scheduler = startScheduler(services, { since: await services.store.createdAt(), signal: stopCatchUp.signal });
  running.push({
    stop: async () => {
      stopCatchUp.abort();
      await (await scheduler.catch(() => null))?.stop();
    },
  });
  await scheduler;
}

await main();

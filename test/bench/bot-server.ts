// The Prevent bot as it runs in production (createBot + createHttpApp), run as a child process on BENCH_DATABASE_URL.
import { createBot } from '../../bot/app.js';
import { loadConfig } from '../../bot/config.js';
import { configureLogging } from '../../bot/logger.js';
import { createHttpApp } from '../../bot/server.js';
import { openStore } from '../../bot/store/database.js';
import { serveBenchChild } from './child-side.js';

const config = loadConfig({
  DATABASE_URL: process.env.BENCH_DATABASE_URL,
  DEMO_PLAN: 'off',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
});
configureLogging(config.LOG_LEVEL ?? 'warn');
const store = await openStore(config.DATABASE_URL);
const { services, adapter } = createBot({ config, store, now: () => new Date() });
services.outbox.start();

await serveBenchChild(createHttpApp(services, adapter), () => services.outbox.stop().then(() => store.close()));

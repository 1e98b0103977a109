import { configureLogging } from '../bot/logger.js';

configureLogging(process.env.TEST_LOG_LEVEL ?? 'silent');

import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { logger } from './logger.js';
import { errorReply } from './core/error-reply.js';
import { replyFor } from './teams/render.js';

const log = logger('adapter');

/** The botbuilder adapter with Bot Framework authentication from the configuration (none in local mode). */
export function createAdapter(config: Config): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = onTurnError;
  return adapter;
}

/** The one error boundary for turns: log with the code, tell the user, never leave an invoke unanswered. */
async function onTurnError(context: TurnContext, error: Error): Promise<void> {
  const code = error instanceof AppError ? error.code : 'UNEXPECTED';
  if (error instanceof AppError) log.warn({ code, msg: error.message }, 'Turn refused');
  else log.error({ code, err: error }, 'Turn failed');
  try {
    await context.sendActivity(replyFor(context.activity.type, errorReply(error)));
  } catch (sendError) {
    log.error({ err: sendError }, 'Could not tell the user about a failed turn');
  }
}

import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import { TokenEndpointCredentialsFactory } from './auth/token-endpoint-credentials.js';
import { ReusedConnectorsAuthentication } from './auth/reused-connectors.js';
import type { Config } from './config.js';
import { AppError } from './errors.js';
import { logger } from './logger.js';
import { errorReply } from './core/error-reply.js';
import { replyFor } from './teams/render.js';

const log = logger('adapter');

/** Where botbuilder discovers the Bot Service's signing keys, and how it signs outgoing calls: Microsoft's by default; tests point these at local stand-ins. */
export interface AdapterAuthOptions {
  /** OpenID configuration URL for tokens from the Bot Service (and for emulator-issued tokens) */
  openIdMetadataUrl?: string;
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
}

/**
 * botbuilder's public-cloud settings with another key-discovery URL. botframework-connector takes the
 * settings as a whole once any one is given, so the others are spelled out (its AuthenticationConstants).
 */
function publicCloudWith(openIdMetadataUrl: string) {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: CallerIdConstants.PublicAzureChannel,
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadataUrl,
  };
}

/**
 * The botbuilder adapter with Bot Framework authentication from the configuration (none in local mode). Key discovery
 * and outgoing credentials come from `options` (in-process tests), else from the test-only settings BOT_OPENID_METADATA_URL
 * and BOT_TOKEN_URL (a bot process in the soak), else Microsoft's.
 */
export function createAdapter(config: Config, options: AdapterAuthOptions = {}): AuthenticatingAdapter {
  const openIdMetadataUrl = options.openIdMetadataUrl ?? config.BOT_OPENID_METADATA_URL;
  const discovery = openIdMetadataUrl ? publicCloudWith(openIdMetadataUrl) : {};
  const credentialsFactory =
    options.credentialsFactory ??
    (config.BOT_TOKEN_URL && config.MicrosoftAppId
      ? new TokenEndpointCredentialsFactory(config.BOT_TOKEN_URL, {
          id: config.MicrosoftAppId,
          password: config.MicrosoftAppPassword ?? '',
        })
      : undefined);
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId ?? '',
      MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
      // local mode has no app id to be single-tenant with: botbuilder then runs unauthenticated
      MicrosoftAppType: config.localMode ? 'MultiTenant' : config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
      ...discovery,
    },
    credentialsFactory,
  );
  // one ConnectorClient per service URL and audience, not one per turn (see ReusedConnectorsAuthentication)
  const adapter = new AuthenticatingAdapter(new ReusedConnectorsAuthentication(auth));
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

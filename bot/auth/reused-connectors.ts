import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { replyDirectly } from './direct-replies.js';

/** How many connector clients one instance keeps (one per bot app id, service URL and audience: a handful in practice). */
const MAX_CLIENTS = 256;

/** The bot's app id as botframework-connector reads it from a caller's claims (audience claim, else app id claim). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? identity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** A bounded map of promises: the oldest entry goes first when full; a promise that fails is forgotten, so the next call tries again. */
function memo<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  const made = make();
  made.catch(() => cache.get(key) === made && cache.delete(key));
  cache.set(key, made);
  if (cache.size > MAX_CLIENTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return made;
}

/**
 * Who the clients are for: a turn's own replies (posted straight to the connector, `direct-replies.ts`) or everything
 * else the bot sends (proactive sends through the outbox, members, updates), which keeps the Azure pipeline and its
 * retry behaviour, on which the outbox's attempt accounting relies.
 */
type Use = 'turn' | 'proactive';

/** A connector factory that hands out one ConnectorClient per service URL and audience instead of building one per turn. */
class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
    private readonly use: Use,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return memo(this.clients, `${this.use}\n${this.appId}\n${serviceUrl}\n${audience ?? ''}`, async () => {
      const client = await this.inner.create(serviceUrl, audience);
      if (this.use === 'turn') replyDirectly(client);
      return client;
    });
  }
}

/**
 * botbuilder's authentication with its outbound clients reused. botframework-connector builds a new ConnectorClient
 * (credentials, HTTP pipeline, and with an app password an MSAL client) for every turn; this keeps one per bot app id,
 * service URL and audience, and one user-token client per app id. Authentication of incoming requests is botbuilder's
 * own, unchanged. Tokens are still fetched and refreshed by botbuilder's credentials: they read the process-wide token
 * cache on every request and fetch a new token five minutes before the old one expires. HTTP connections are kept
 * alive by the Azure pipeline's shared client (its default), so reusing the client also reuses its sockets.
 */
export class ReusedConnectorsAuthentication extends BotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  /** How many connector clients are held (for tests). */
  get connectorClientCount(): number {
    return this.clients.size;
  }

  private reusing(factory: ConnectorFactory | undefined, identity: ClaimsIdentity, use: Use): ConnectorFactory | undefined {
    return factory && new ReusingConnectorFactory(factory, appIdOf(identity), this.clients, use);
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity, 'turn') as ConnectorFactory };
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity, 'turn') as ConnectorFactory };
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity, 'proactive') as ConnectorFactory;
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return memo(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}

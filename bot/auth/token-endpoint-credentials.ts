import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
type Signable = Parameters<Credentials['signRequest']>[0];

/** A token is fetched again this long before it expires. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * TEST ONLY (BOT_TOKEN_URL): the bot's outgoing calls get their bearer token from an OAuth 2 token endpoint by the
 * client-credentials grant (MicrosoftAppId and MicrosoftAppPassword, scope "{audience}/.default"), as Entra ID issues
 * them, instead of through MSAL, which only talks to Microsoft's sign-in over HTTPS. The app id is still checked as
 * botbuilder checks it; one token per audience is kept until shortly before it expires.
 */
export class TokenEndpointCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  private readonly tokens = new Map<string, Promise<{ token: string; renewAt: number }>>();

  constructor(
    private readonly tokenUrl: string,
    private readonly app: { id: string; password: string },
  ) {
    super({ MicrosoftAppId: app.id, MicrosoftAppPassword: app.password, MicrosoftAppType: 'MultiTenant' });
  }

  override async createCredentials(appId: string, audience: string | undefined): Promise<Credentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const scope = `${audience ?? 'https://api.botframework.com'}/.default`;
    return {
      signRequest: async (request: Signable) => {
        request.headers.set('authorization', `Bearer ${await this.token(scope)}`);
        return request;
      },
    };
  }

  private async token(scope: string): Promise<string> {
    const held = await this.tokens.get(scope)?.catch(() => null);
    if (held && Date.now() < held.renewAt) return held.token;
    const fetching = this.fetchToken(scope);
    this.tokens.set(scope, fetching);
    return (await fetching).token;
  }

  private async fetchToken(scope: string): Promise<{ token: string; renewAt: number }> {
    const res = await fetch(this.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: this.app.id, client_secret: this.app.password, scope }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: unknown; expires_in?: unknown };
    if (!res.ok || typeof body.access_token !== 'string')
      throw new Error(`The token endpoint refused the bot's credentials (HTTP ${res.status})`);
    const lifetimeMs = (Number(body.expires_in) || 3600) * 1000;
    return { token: body.access_token, renewAt: Date.now() + Math.max(0, lifetimeMs - RENEW_BEFORE_MS) };
  }
}

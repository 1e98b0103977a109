import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/** The Bot Service's token issuer (botframework-connector's ToBotFromChannelTokenIssuer). */
export const BOT_SERVICE_ISSUER = 'https://api.botframework.com';
/** The audience of the tokens a bot sends the Bot Connector (its ToChannelFromBotOAuthScope). */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/**
 * A local stand-in for Microsoft's key discovery: serves an OpenID configuration and its JWKS (with
 * Teams endorsements, as the Bot Service's does), and signs tokens with the published key, so the bot's
 * real signature checks run offline. `other` is a key pair nobody publishes. With `apps` (app id → password) it is
 * also the sign-in the bot gets its outgoing tokens from (POST /token, client credentials, as Entra ID issues them;
 * the bot's BOT_TOKEN_URL), and `verifyBotToken` checks one as the Bot Connector would.
 */
export async function startIdentityProvider(options: { apps?: Record<string, string> } = {}) {
  const ours = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(ours.publicKey)), kid: 'bot-key', use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  const app = express();
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let metadataRequests = 0;
  app.get('/.well-known/openid-configuration', (_req, res) => {
    metadataRequests++;
    res.json({ issuer: BOT_SERVICE_ISSUER, jwks_uri: `${url}/keys`, id_token_signing_alg_values_supported: ['RS256'] });
  });
  app.get('/keys', (_req, res) => res.json({ keys: [publicJwk] }));
  let tokensIssued = 0;
  app.post('/token', express.urlencoded({ extended: false }), async (req, res) => {
    const { grant_type: grant, client_id: id, client_secret: secret, scope } = (req.body ?? {}) as Record<string, string>;
    const known = id !== undefined && options.apps?.[id] !== undefined && options.apps[id] === secret;
    if (grant !== 'client_credentials' || !known || !scope?.endsWith('/.default')) {
      res.status(401).json({ error: 'invalid_client', error_description: 'Unknown app or wrong secret.' });
      return;
    }
    tokensIssued++;
    const token = await sign({ iss: `${url}/`, aud: scope.slice(0, -'/.default'.length), appid: id, ver: '1.0' });
    res.json({ token_type: 'Bearer', expires_in: 3600, access_token: token });
  });
  const sign = (claims: JWTPayload, options: { key?: 'ours' | 'other'; kid?: string; expiresIn?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'bot-key' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key === 'other' ? other.privateKey : ours.privateKey);
  return {
    url,
    tokenUrl: `${url}/token`,
    get tokensIssued() {
      return tokensIssued;
    },
    openIdMetadataUrl: `${url}/.well-known/openid-configuration`,
    jwksUrl: `${url}/keys`,
    get metadataRequests() {
      return metadataRequests;
    },
    /** Signs claims RS256 with the published key (or `key: 'other'`, unpublished); `expiresIn` as jose takes it. */
    sign,
    /**
     * Whether an Authorization header carries a token this sign-in issued to `appId` for the Bot Connector (signed with
     * the published key, not expired, audience api.botframework.com), as the Bot Connector checks a bot's calls.
     */
    async verifyBotToken(header: string | undefined, appId: string): Promise<boolean> {
      const token = header?.match(/^Bearer (\S+)$/)?.[1];
      if (!token) return false;
      try {
        const { payload } = await jwtVerify(token, ours.publicKey, { audience: BOT_CONNECTOR_AUDIENCE, issuer: `${url}/` });
        return payload.appid === appId;
      } catch {
        return false;
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type IdentityProvider = Awaited<ReturnType<typeof startIdentityProvider>>;

/** Outgoing calls without Entra ID: the same credential factory (it still checks the app id), with requests left unsigned. */
export class OfflineCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  override async createCredentials() {
    return { signRequest: async <T>(request: T) => request };
  }
}

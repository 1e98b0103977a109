import type { AddressInfo } from 'node:net';
import express from 'express';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';

/** The Bot Service's token issuer (botframework-connector's ToBotFromChannelTokenIssuer). */
export const BOT_SERVICE_ISSUER = 'https://api.botframework.com';

/**
 * A local stand-in for Microsoft's key discovery: serves an OpenID configuration and its JWKS (with
 * Teams endorsements, as the Bot Service's does), and signs tokens with the published key, so the bot's
 * real signature checks run offline. `other` is a key pair nobody publishes.
 */
export async function startIdentityProvider() {
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
  return {
    url,
    openIdMetadataUrl: `${url}/.well-known/openid-configuration`,
    jwksUrl: `${url}/keys`,
    get metadataRequests() {
      return metadataRequests;
    },
    /** Signs claims RS256 with the published key (or `key: 'other'`, unpublished); `expiresIn` as jose takes it. */
    sign(claims: JWTPayload, options: { key?: 'ours' | 'other'; kid?: string; expiresIn?: string | number } = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'bot-key' })
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.key === 'other' ? other.privateKey : ours.privateKey);
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

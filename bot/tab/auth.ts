import type { RequestHandler } from 'express';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { logger } from '../logger.js';

const log = logger('tab-auth');

/** Microsoft's signing keys for Entra ID tokens (v1 and v2). */
export const MICROSOFT_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/** How the tab's JSON API checks who is calling. */
export interface TabAuth {
  /** true in local mode: the API is open (the server binds loopback only) */
  localMode: boolean;
  appId?: string;
  /** when set, only tokens from this tenant are accepted */
  tenantId?: string;
  host: string;
  /** the key set used to verify tokens; Microsoft's by default, injectable for tests */
  jwks?: JWTVerifyGetKey;
  /** where to fetch the key set when `jwks` is not given: Microsoft's by default, a local stand-in in tests */
  jwksUrl?: string;
}

export type TokenCheck = { ok: true; claims: JWTPayload } | { ok: false; error: string };

/** Issuers Entra ID uses for a tenant: v1 and v2 access tokens. */
export function issuersFor(tenantId: string): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
}

/** Builds a checker for `Authorization: Bearer <Teams SSO token>` headers. */
export function createTokenCheck(auth: TabAuth): (header: string | undefined) => Promise<TokenCheck> {
  const appId = auth.appId;
  if (!appId) throw new Error('The tab needs MicrosoftAppId to check sign-in tokens outside local mode.');
  let jwks = auth.jwks;
  const keys = (): JWTVerifyGetKey => (jwks ??= createRemoteJWKSet(new URL(auth.jwksUrl ?? MICROSOFT_JWKS_URL)));
  return async (header) => {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) return { ok: false, error: 'Sign-in required: open the plan board in Microsoft Teams.' };
    try {
      const { payload } = await jwtVerify(token, keys(), {
        audience: [`api://${auth.host}/${appId}`, appId],
        algorithms: ['RS256'],
        clockTolerance: 60,
      });
      const tid = typeof payload.tid === 'string' ? payload.tid : '';
      if (!tid || !issuersFor(tid).includes(payload.iss ?? '')) {
        return { ok: false, error: 'Your sign-in token was not issued for your organisation.' };
      }
      if (auth.tenantId && tid !== auth.tenantId) {
        return { ok: false, error: 'Your organisation is not allowed to use this plan board.' };
      }
      return { ok: true, claims: payload };
    } catch (err) {
      log.info({ reason: err instanceof errors.JOSEError ? err.code : String(err) }, 'tab token refused');
      return { ok: false, error: 'Your sign-in token could not be accepted. Please reopen the tab.' };
    }
  };
}

/** Express middleware: 401 with a JSON { error } unless local mode or a valid Teams token. */
export function requireTeamsToken(auth: TabAuth): RequestHandler {
  if (auth.localMode) return (_req, _res, next) => next();
  const check = createTokenCheck(auth);
  return (req, res, next) => {
    check(req.get('authorization')).then((result) => {
      if (result.ok) {
        res.locals.claims = result.claims;
        next();
      } else {
        res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: result.error });
      }
    }, next);
  };
}

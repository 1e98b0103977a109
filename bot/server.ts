import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { AuthenticatingAdapter } from './auth/authenticating-adapter.js';
import type { Config } from './config.js';
import { activityProblem } from './activity.js';
import { logger } from './logger.js';
import type { Services } from './core/context.js';
import { createTurnHandler } from './teams/turn.js';
import { createTabRouter, type TabDeps } from './tab/router.js';
import { tabReportsSource } from './tab/reports-source.js';
import { buildBoardData, dayIn } from './tab/board-data.js';
import { partnershipForTabUser } from './identity/tenancy.js';
import { AppError } from './errors.js';
import { processBotRequest } from './auth/bot-requests.js';
import { requireLoopbackHost } from './auth/local-host.js';
import { mountSlack } from './slack/mount.js';

const log = logger('server');

/** The HTTP app: POST /api/messages for the Bot Service, POST /slack/events for Slack (when on), GET /healthz, the tab. */
export function createHttpApp(services: Services, adapter: AuthenticatingAdapter, options: { tabJwksUrl?: string } = {}): express.Express {
  const onTurn = createTurnHandler(services);
  const app = express();
  app.disable('x-powered-by');
  // Slack's requests are signed (checked before anything runs), so they are taken from any host, also in local mode
  if (services.config.slack) mountSlack(app, services, services.config.slack);
  if (services.config.localMode) app.use(requireLoopbackHost());
  app.get('/healthz', async (_req, res) => {
    try {
      await services.store.ping();
      res.json({ status: 'ok', database: services.store.kind });
    } catch (err) {
      log.error({ err }, 'Health check: database unreachable');
      res.status(503).json({ status: 'unavailable', database: services.store.kind });
    }
  });
  app.post('/api/messages', express.json({ limit: '256kb' }), async (req: Request, res: Response) => {
    const problem = activityProblem(req.body);
    if (problem) {
      log.warn({ problem }, 'Refused a malformed activity');
      res.status(400).json({ error: problem });
      return;
    }
    await processBotRequest(adapter, req, res, onTurn);
  });
  app.use(createTabRouter(tabDeps(services, options.tabJwksUrl)));
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const message =
      err.type === 'entity.too.large'
        ? 'The request is too large.'
        : err.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request could not be handled.';
    if (status === 500) log.error({ err }, 'Unhandled HTTP error');
    res.status(status).json({ error: message });
  });
  return app;
}

/** What the plan board tab needs: the board for a partnership, and how to check Teams SSO tokens. */
function tabDeps(services: Services, jwksUrl?: string): TabDeps {
  const { config, store } = services;
  return {
    loadBoard: async (partnership, tenantId, objectId) => {
      // signed in through Teams: only a partnership whose roster or people know the user; locally: the one asked for
      const name = tenantId
        ? await partnershipForTabUser(store, config, { tenantId, objectId: objectId ?? null })
        : (partnership ?? config.DEFAULT_PARTNERSHIP);
      if (!name)
        throw new AppError(
          'NOT_FOUND',
          'You are not in a Prevent partnership that uses this plan board. Ask your Prevent coordinator to add you to the partnership’s team.',
        );
      const plan = await store.plans.require(name);
      const changes = await store.actions.partnershipChanges(name);
      return buildBoardData(plan, changes, dayIn(services.now().toISOString(), plan.timeZone));
    },
    auth: {
      localMode: config.localMode,
      appId: config.MicrosoftAppId,
      tenantId: config.MicrosoftAppTenantId,
      host: config.PUBLIC_HOST,
      jwksUrl,
    },
    reports: tabReportsSource(services),
  };
}

/** The address the server binds: loopback only in local mode, else HOST (0.0.0.0 unless set). */
export function bindAddress(config: Config): string {
  return config.localMode ? '127.0.0.1' : config.HOST;
}

/**
 * Starts listening on bindAddress(config). Resolves with the address actually bound (for the log),
 * a URL to reach it from this machine, and a close function.
 */
export async function listen(
  app: express.Express,
  config: Config,
  port = config.PORT,
): Promise<{ url: string; bound: string; port: number; close(): Promise<void> }> {
  const host = bindAddress(config);
  const server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.keepAliveTimeout = 65_000;
  const address = server.address() as AddressInfo;
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const reachable = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${reachable}:${address.port}`,
    bound: address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`,
    port: address.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express from 'express';
import { appPath } from '../app-root.js';
import { AppError } from '../errors.js';
import { logger } from '../logger.js';
import { requireTeamsToken, type TabAuth } from './auth.js';
import type { BoardData } from './board-data.js';
import { tabHeaders } from './headers.js';
import { reportRoutes, type ReportsSource } from './reports-api.js';

export type { BoardData } from './board-data.js';
export type { TabAuth } from './auth.js';

const log = logger('tab');
const publicDir = appPath('bot', 'tab', 'public');
const teamsJsDir = dirname(createRequire(import.meta.url).resolve('@microsoft/teams-js'));

/** What the tab needs from the rest of the bot. */
export interface TabDeps {
  /** the board for a partnership (from ?partnership=, local use), or for the signed-in user (tenant and object id from the SSO token) */
  loadBoard(partnership: string | null, tenantId: string | null, objectId?: string | null): Promise<BoardData>;
  auth: TabAuth;
  /** the partnership's board reports, listed and downloadable from the tab */
  reports?: ReportsSource;
}

const pages: Record<string, string> = {
  '/tab': 'board.html',
  '/tab/config': 'config.html',
  '/tab/privacy': 'privacy.html',
  '/tab/terms': 'terms.html',
};

/** The plan board tab: its pages, static assets and the GET /api/plan JSON API. */
export function createTabRouter(deps: TabDeps): express.Router {
  const router = express.Router();
  router.use(['/tab', '/api/plan', '/api/reports'], tabHeaders);
  for (const [path, file] of Object.entries(pages)) {
    router.get(path, (_req, res) => res.sendFile(file, { root: publicDir }));
  }
  router.use('/tab/static/teams-js', express.static(teamsJsDir, { index: false, maxAge: '1d' }));
  router.use('/tab/static', express.static(publicDir, { index: false, maxAge: '10m' }));
  router.get('/api/plan', requireTeamsToken(deps.auth), async (req, res) => {
    const wanted = typeof req.query.partnership === 'string' && req.query.partnership.trim() ? req.query.partnership.trim() : null;
    try {
      const tenantId = typeof res.locals.claims?.tid === 'string' ? (res.locals.claims.tid as string) : null;
      const objectId = typeof res.locals.claims?.oid === 'string' ? (res.locals.claims.oid as string) : null;
      res.set('Cache-Control', 'no-store').json(await deps.loadBoard(wanted, tenantId, objectId));
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') {
        res.status(404).json({ error: err.message });
        return;
      }
      log.error({ err, partnership: wanted }, 'could not load the plan board');
      res.status(500).json({ error: 'The plan could not be loaded just now. Please try again shortly.' });
    }
  });
  router.use(reportRoutes(deps.reports, deps.auth));
  return router;
}

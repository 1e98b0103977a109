import express from 'express';
import { logger } from '../logger.js';
import { requireTeamsToken, type TabAuth } from './auth.js';

const log = logger('tab');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A board report as the tab lists it. */
export interface TabReport {
  id: number;
  version: number;
  committee: string;
  meetingDate: string;
  periodFrom: string;
  periodTo: string;
  status: 'draft' | 'approved';
}

/** Where the tab's board reports come from (the server wires the store in). */
export interface ReportsSource {
  /** the partnership a request is for: one whose roster or people know the signed-in user, or (local mode) the one asked for */
  partnershipOf(signedIn: { tenantId: string; objectId: string | null } | null, wanted: string | null): Promise<string | null>;
  /** whether the caller may see draft reports: coordinators (and the operator in local mode); everyone else sees approved ones */
  seesDrafts(partnership: string, signedIn: { tenantId: string; objectId: string | null } | null): Promise<boolean>;
  list(partnership: string): Promise<TabReport[]>;
  file(partnership: string, id: number): Promise<Buffer | null>;
}

/**
 * GET /api/reports (the partnership's board reports; none when no source is wired) and GET /api/reports/:id/docx (the
 * Word file as drafted). A draft is the coordinator's until the board approves it: others see approved reports only.
 */
export function reportRoutes(source: ReportsSource | undefined, auth: TabAuth): express.Router {
  const router = express.Router();
  router.use('/api/reports', requireTeamsToken(auth));
  const signedInOf = (res: express.Response) => {
    const claims = res.locals.claims as { tid?: unknown; oid?: unknown } | undefined;
    const tenantId = typeof claims?.tid === 'string' ? claims.tid : null;
    const objectId = typeof claims?.oid === 'string' ? claims.oid : null;
    return tenantId ? { tenantId, objectId } : null;
  };
  /** the reports this caller may see, in the partnership the request is for */
  const visible = async (req: express.Request, res: express.Response): Promise<{ name: string; reports: TabReport[] } | null> => {
    if (!source) return null;
    const signedIn = signedInOf(res);
    const wanted = typeof req.query.partnership === 'string' && req.query.partnership.trim() ? req.query.partnership.trim() : null;
    const name = await source.partnershipOf(signedIn, wanted);
    if (!name) return null;
    const all = await source.list(name);
    const drafts = all.some((r) => r.status === 'draft') && (await source.seesDrafts(name, signedIn));
    return { name, reports: drafts ? all : all.filter((r) => r.status === 'approved') };
  };
  router.get('/api/reports', async (req, res, next) => {
    try {
      const reports = (await visible(req, res))?.reports ?? [];
      res.set('Cache-Control', 'no-store').json(reports.map((r) => ({ ...r, download: `/api/reports/${r.id}/docx` })));
    } catch (err) {
      next(err);
    }
  });
  router.get('/api/reports/:id/docx', async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      const seen = Number.isInteger(id) && id > 0 ? await visible(req, res) : null;
      const report = seen?.reports.find((r) => r.id === id);
      const file = seen && report ? await source?.file(seen.name, id) : null;
      if (!file || !report) return void res.status(404).json({ error: 'There is no such board report.' });
      res.set('Cache-Control', 'no-store').type(DOCX).attachment(`Prevent-Update-${report.meetingDate}-v${report.version}.docx`).send(file);
    } catch (err) {
      log.error({ err }, 'could not serve a board report');
      next(err);
    }
  });
  return router;
}

import type { Services } from '../core/context.js';
import { partnershipForTabUser } from '../identity/tenancy.js';
import type { ReportsSource } from './reports-api.js';

/** The tab's board reports, from the store: the signed-in tenant's partnership, or (local mode) the one asked for. */
export function tabReportsSource(services: Services): ReportsSource {
  const { store, config } = services;
  return {
    partnershipOf: async (signedIn, wanted) =>
      signedIn ? partnershipForTabUser(store, config, signedIn) : (wanted ?? config.DEFAULT_PARTNERSHIP),
    seesDrafts: async (partnership, signedIn) =>
      !signedIn || (signedIn.objectId !== null && (await store.roster.roleOf(partnership, signedIn.objectId)) === 'coordinator'),
    list: async (partnership) =>
      (await store.reports.list(partnership)).map((r) => ({
        id: r.id,
        version: r.version,
        committee: r.report.header.committee,
        meetingDate: r.meetingDate,
        periodFrom: r.periodFrom,
        periodTo: r.periodTo,
        status: r.status,
      })),
    file: (partnership, id) => store.reports.file(partnership, id),
  };
}

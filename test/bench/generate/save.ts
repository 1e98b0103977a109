import type { GeneratedPartnership } from './types.js';
import type { BulkColumn, BulkLoader } from '../../../bot/store/bulk.js';

const cols = (spec: string): BulkColumn[] =>
  spec.split(' ').map((c) => {
    const [name, type] = c.split(':');
    return { name: name!, pg: (type ?? 'text') as BulkColumn['pg'] };
  });

const COLUMNS = {
  Partnership: cols('id:int name timeZone createdAt:timestamp(3) tenantId'),
  Plan: cols('id:int partnershipId:int title period objectives sourceFile importedAt:timestamp(3)'),
  Theme: cols('id:int planId:int name position:int'),
  Organisation: cols('id:int partnershipId:int name aliases'),
  Action: cols(
    'id:int planId:int themeId:int ref:int title deadlineText dueDate recurrence outcome notes rag target:int progress:int version:int updatedAt:timestamp(3)',
  ),
  ActionLead: cols('actionId:int organisationId:int position:int'),
  Person: cols('partnershipId:int chatId displayName email organisationId:int role panelMember:boolean createdAt:timestamp(3)'),
  ConversationRef: cols(
    'partnershipId:int conversationId kind reference serviceUrl tenantId userChatId active:boolean announcements:boolean createdAt:timestamp(3) updatedAt:timestamp(3)',
  ),
  ActionUpdate: cols('actionId:int actorName actorChatId at:timestamp(3) ragFrom ragTo note progress:int source'),
};

/** Writes generated partnerships (plans, organisations, people, conversations, history) in one transaction; returns the rows written per table. */
export async function saveGeneratedPartnerships(loader: BulkLoader, partnerships: GeneratedPartnership[]): Promise<Record<string, number>> {
  return loader.transaction(async () => {
    const ids = async (table: keyof typeof COLUMNS, n: number) => loader.reserveIds(table, n);
    const partnershipIds = await ids('Partnership', partnerships.length);
    const planIds = await ids('Plan', partnerships.length);
    const themeIds = await ids(
      'Theme',
      partnerships.reduce((n, p) => n + p.themes.length, 0),
    );
    const orgIds = await ids(
      'Organisation',
      partnerships.reduce((n, p) => n + p.organisations.length, 0),
    );
    const actionIds = await ids(
      'Action',
      partnerships.reduce((n, p) => n + p.actions.length, 0),
    );
    const rows: Record<keyof typeof COLUMNS, unknown[][]> = {
      Partnership: [],
      Plan: [],
      Theme: [],
      Organisation: [],
      Action: [],
      ActionLead: [],
      Person: [],
      ConversationRef: [],
      ActionUpdate: [],
    };
    let [theme, org, action] = [0, 0, 0];
    partnerships.forEach((p, i) => {
      const partnershipId = partnershipIds[i]!;
      const planId = planIds[i]!;
      const themeBase = theme;
      const orgBase = org;
      rows.Partnership.push([partnershipId, p.name, 'Europe/London', p.createdAt, p.tenantId]);
      rows.Plan.push([
        planId,
        partnershipId,
        p.plan.title,
        p.plan.period,
        JSON.stringify(p.plan.objectives),
        p.plan.sourceFile,
        p.plan.importedAt,
      ]);
      p.themes.forEach((name, position) => rows.Theme.push([themeIds[theme++], planId, name, position]));
      for (const o of p.organisations) rows.Organisation.push([orgIds[org++], partnershipId, o.name, JSON.stringify(o.aliases)]);
      for (const a of p.actions) {
        const actionId = actionIds[action++]!;
        rows.Action.push([
          actionId,
          planId,
          themeIds[themeBase + a.theme],
          a.ref,
          a.title,
          a.deadlineText,
          a.dueDate,
          a.recurrence,
          a.outcome,
          a.notes,
          a.rag,
          a.target,
          a.progress,
          a.version,
          a.updatedAt,
        ]);
        a.leads.forEach((lead, position) => rows.ActionLead.push([actionId, orgIds[orgBase + lead], position]));
        for (const h of a.history)
          rows.ActionUpdate.push([actionId, h.actorName, h.actorChatId, h.at, h.ragFrom, h.ragTo, h.note, h.progress, h.source]);
      }
      for (const person of p.people) {
        rows.Person.push([
          partnershipId,
          person.chatId,
          person.displayName,
          person.email,
          person.organisation === null ? null : orgIds[orgBase + person.organisation],
          person.role,
          person.panelMember,
          person.createdAt,
        ]);
      }
      for (const c of p.conversations) {
        rows.ConversationRef.push([
          partnershipId,
          c.conversationId,
          c.kind,
          JSON.stringify(c.reference),
          c.serviceUrl,
          c.tenantId,
          c.userChatId,
          true,
          c.announcements,
          c.createdAt,
          c.createdAt,
        ]);
      }
    });
    for (const table of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) await loader.insert(table, COLUMNS[table], rows[table]);
    return Object.fromEntries(Object.entries(rows).map(([table, r]) => [table, r.length]));
  });
}

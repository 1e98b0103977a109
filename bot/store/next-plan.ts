import type { AuditActor } from './audit.js';
import { recordAudit } from './audit.js';
import type { Db } from './client.js';
import { LIVE } from './live-plan.js';
import { makeLiveInTransaction } from './plan-status.js';
import { withBusyRetry } from './retry.js';

type Tx = Db;

/** What starting next year's plan did, or why it did nothing. */
export type NextPlanResult =
  | { status: 'started'; planId: number; carried: number; left: number; archived: string; archivedPeriod: string }
  /** a plan with that title exists already (a second press of the button, or a name in use) */
  | { status: 'exists'; title: string }
  /** the live plan is no longer the one the preview was made from */
  | { status: 'moved'; live: string | null };

/** People's entries (not imports) are the notes worth carrying; a carried entry carries on. */
const NOTE_SOURCES = ['card', 'chat', 'cli', 'carry'];

/**
 * Starts next year's plan from the live one, in one transaction: a new plan with the live plan's open actions (all but
 * COMPLETE) carried over with their refs, themes, leads, RAG, notes, progress and latest note, each linked to the action it
 * came from; then the new plan is made live and the old one archived (read-only, still answerable). Audited.
 */
export async function startNextPlan(
  db: Db,
  input: { partnership: string; fromPlanId: number; title: string; period: string; actor: AuditActor; at: Date },
): Promise<NextPlanResult> {
  return withBusyRetry(() =>
    db.$transaction(
      async (t) => {
        const tx = t as unknown as Tx;
        const { at } = input;
        const partnership = await tx.partnership.findUniqueOrThrow({ where: { name: input.partnership } });
        const live = await tx.plan.findFirst({ where: { partnershipId: partnership.id, status: LIVE } });
        if (await tx.plan.findUnique({ where: { partnershipId_title: { partnershipId: partnership.id, title: input.title } } }))
          return { status: 'exists', title: input.title } as const;
        if (!live || live.id !== input.fromPlanId) return { status: 'moved', live: live?.title ?? null } as const;
        const [open, left] = await Promise.all([
          tx.action.findMany({
            where: { planId: live.id, rag: { not: 'COMPLETE' } },
            include: { theme: true, leads: { orderBy: { position: 'asc' } } },
            orderBy: { ref: 'asc' },
          }),
          tx.action.count({ where: { planId: live.id, rag: 'COMPLETE' } }),
        ]);
        const plan = await tx.plan.create({
          data: {
            partnershipId: partnership.id,
            title: input.title,
            period: input.period,
            objectives: live.objectives,
            sourceFile: `carried over from ${live.title}`,
            importedAt: at,
            status: 'draft',
          },
        });
        const themes = [...new Map(open.map((a) => [a.theme.name, a.theme.position])).entries()].sort((a, b) => a[1] - b[1]);
        const themeIds = new Map<string, number>();
        for (const [position, [name]] of themes.entries())
          themeIds.set(name, (await tx.theme.create({ data: { planId: plan.id, name, position } })).id);
        const created = open.length
          ? await tx.action.createManyAndReturn({
              data: open.map((a) => ({
                planId: plan.id,
                themeId: themeIds.get(a.theme.name) ?? 0,
                ref: a.ref,
                label: a.label,
                title: a.title,
                deadlineText: a.deadlineText,
                dueDate: a.dueDate,
                recurrence: a.recurrence,
                outcome: a.outcome,
                notes: a.notes,
                rag: a.rag,
                target: a.target,
                progress: a.progress,
                extras: a.extras,
                carriedFromActionId: a.id,
                updatedAt: at,
              })),
              select: { id: true, carriedFromActionId: true },
            })
          : [];
        const newId = new Map(created.map((c) => [c.carriedFromActionId, c.id]));
        const leads = open.flatMap((a) =>
          a.leads.map((l) => ({ actionId: newId.get(a.id) ?? 0, organisationId: l.organisationId, position: l.position })),
        );
        if (leads.length) await tx.actionLead.createMany({ data: leads });
        // a coordinator's choice of toolkit areas goes with the action (suggestions are worked out again from its words)
        const tags = await tx.actionToolkitTag.findMany({ where: { actionId: { in: open.map((a) => a.id) }, source: 'coordinator' } });
        if (tags.length)
          await tx.actionToolkitTag.createMany({
            data: tags.map((t) => ({ actionId: newId.get(t.actionId) ?? 0, section: t.section, source: t.source })),
          });
        const notes = await latestNotes(
          tx,
          open.map((a) => a.id),
        );
        await tx.actionUpdate.createMany({
          data: open.map((a) => {
            const last = notes.get(a.id);
            return {
              actionId: newId.get(a.id) ?? 0,
              // the earlier plan's latest note, as its author wrote it and when; the first entry of the carried action
              actorName: last?.actorName ?? input.actor.label,
              actorChatId: last?.actorChatId ?? null,
              at: last?.at ?? at,
              ragFrom: a.rag,
              ragTo: a.rag,
              note: last?.note ?? '',
              progress: last?.progress ?? null,
              source: 'carry',
            };
          }),
        });
        const { archived } = await makeLiveInTransaction(tx, partnership.id, plan.id, at);
        await recordAudit(tx, {
          partnershipId: partnership.id,
          at,
          actor: input.actor,
          action: 'plan.start-next',
          subject: input.title,
          detail: { from: live.title, to: input.title, carried: open.length, left },
        });
        return {
          status: 'started',
          planId: plan.id,
          carried: open.length,
          left,
          archived: archived ?? live.title,
          archivedPeriod: live.period,
        } as const;
      },
      { timeout: 30_000, maxWait: 10_000 },
    ),
  );
}

/** Each action's latest note-bearing entry (a person's update, or a note carried before), by action id. */
async function latestNotes(tx: Tx, actionIds: number[]) {
  const rows = actionIds.length
    ? await tx.actionUpdate.findMany({
        where: { actionId: { in: actionIds }, source: { in: NOTE_SOURCES } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
      })
    : [];
  return new Map(rows.map((r) => [r.actionId, r]));
}

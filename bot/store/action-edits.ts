import type { OrganisationInfo, Rag, Recurrence, UpdateSource } from '../plan/types.js';
import type { Db } from './client.js';
import { readPlanStamp } from './plan-stamp.js';
import { withBusyRetry } from './retry.js';

/** New values for an action's fields, with the changes (from → to) the history keeps. Leads by name, created when new. */
export interface ActionEdit {
  title?: string;
  deadline?: { text: string; dueDate: string | null; recurrence: Recurrence | null };
  theme?: string;
  leads?: OrganisationInfo[];
  ownerId?: number | null;
  changes: unknown[];
}

type ActionRow = { id: number; planId: number };
/** The client inside a transaction. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$extends' | '$on' | '$transaction'>;

/** The partnership's organisations by these names (created, with their aliases, when new), in the order given. */
async function organisationIds(tx: Tx, partnershipId: number, leads: OrganisationInfo[]): Promise<number[]> {
  const known = await tx.organisation.findMany({ where: { partnershipId } });
  const ids: number[] = [];
  for (const lead of leads) {
    const row =
      known.find((o) => o.name.toLowerCase() === lead.name.toLowerCase()) ??
      (await tx.organisation.create({ data: { partnershipId, name: lead.name, aliases: JSON.stringify(lead.aliases) } }));
    if (!ids.includes(row.id)) ids.push(row.id);
  }
  return ids;
}

/** A theme of the plan by name (created at the end when the plan does not have it yet). */
async function themeId(tx: Tx, planId: number, name: string): Promise<number> {
  const found = await tx.theme.findUnique({ where: { planId_name: { planId, name } } });
  if (found) return found.id;
  const position = await tx.theme.count({ where: { planId } });
  return (await tx.theme.create({ data: { planId, name, position } })).id;
}

/** The column values an edit sets, and the lead organisations' ids when it changes the leads; inside the update's transaction. */
export async function editData(
  tx: Tx,
  action: ActionRow,
  edit: ActionEdit,
): Promise<{ data: Record<string, unknown>; leadIds: number[] | null }> {
  const data: Record<string, unknown> = {};
  if (edit.title !== undefined) data.title = edit.title;
  if (edit.deadline)
    Object.assign(data, { deadlineText: edit.deadline.text, dueDate: edit.deadline.dueDate, recurrence: edit.deadline.recurrence });
  if (edit.theme !== undefined) data.themeId = await themeId(tx, action.planId, edit.theme);
  if (edit.ownerId !== undefined) data.ownerId = edit.ownerId;
  let leadIds: number[] | null = null;
  if (edit.leads) {
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: action.planId }, select: { partnershipId: true } });
    leadIds = await organisationIds(tx, plan.partnershipId, edit.leads);
  }
  return { data, leadIds };
}

/** Replaces an action's lead organisations, in order. */
export async function replaceLeads(tx: Tx, actionId: number, organisationIds: number[]): Promise<void> {
  await tx.actionLead.deleteMany({ where: { actionId } });
  await tx.actionLead.createMany({ data: organisationIds.map((organisationId, position) => ({ actionId, organisationId, position })) });
}

/** A new action for the partnership's live plan, at a place in its order (actions from there on move down one). */
export interface AddActionCommand {
  partnership: string;
  label: string;
  /** its place in the plan's order */
  ref: number;
  theme: string;
  title: string;
  deadline: { text: string; dueDate: string | null; recurrence: Recurrence | null };
  leads: OrganisationInfo[];
  ownerId: number | null;
  rag: Rag;
  actor: { name: string; chatId: string | null; personId: number | null };
  source: UpdateSource;
  note: string;
  changes: unknown[];
  idempotencyKey: string;
  at: Date;
}

export type AddOutcome =
  | { status: 'added'; actionId: number }
  | { status: 'duplicate'; actionId: number }
  | { status: 'exists'; actionId: number }
  | { status: 'no-plan' };

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));

/** Adds an action to the partnership's live plan (the one people ask about) with its first history entry, atomically. */
export async function addAction(db: Db, cmd: AddActionCommand): Promise<AddOutcome> {
  const previous = async (): Promise<AddOutcome | null> => {
    const done = await db.actionUpdate.findUnique({ where: { idempotencyKey: cmd.idempotencyKey }, select: { actionId: true } });
    return done ? { status: 'duplicate', actionId: done.actionId } : null;
  };
  const earlier = await previous();
  if (earlier) return earlier;
  try {
    return await withBusyRetry(() =>
      db.$transaction(async (tx) => {
        const plan = (await readPlanStamp(tx as unknown as Db, cmd.partnership))?.plan;
        if (!plan) return { status: 'no-plan' } as const;
        const same = await tx.$queryRaw<{ id: number }[]>`
          SELECT a."id" FROM "Action" a WHERE a."planId" = ${plan.id} AND LOWER(a."label") = ${cmd.label.toLowerCase()}`;
        if (same[0]) return { status: 'exists', actionId: Number(same[0].id) } as const;
        // Make room in the order without ever clashing on the unique (plan, ref): negate, then move down one.
        await tx.$executeRaw`UPDATE "Action" SET "ref" = -"ref" - 1 WHERE "planId" = ${plan.id} AND "ref" >= ${cmd.ref}`;
        await tx.$executeRaw`UPDATE "Action" SET "ref" = -"ref" WHERE "planId" = ${plan.id} AND "ref" < 0`;
        const created = await tx.action.create({
          data: {
            planId: plan.id,
            themeId: await themeId(tx, plan.id, cmd.theme),
            ref: cmd.ref,
            label: cmd.label,
            title: cmd.title,
            deadlineText: cmd.deadline.text,
            dueDate: cmd.deadline.dueDate,
            recurrence: cmd.deadline.recurrence,
            rag: cmd.rag,
            ownerId: cmd.ownerId,
            updatedAt: cmd.at,
          },
        });
        const plans = await tx.plan.findUniqueOrThrow({ where: { id: plan.id }, select: { partnershipId: true } });
        await replaceLeads(tx, created.id, await organisationIds(tx, plans.partnershipId, cmd.leads));
        await tx.actionUpdate.create({
          data: {
            actionId: created.id,
            actorName: cmd.actor.name,
            actorChatId: cmd.actor.chatId,
            actorPersonId: cmd.actor.personId,
            at: cmd.at,
            ragFrom: 'UNRATED',
            ragTo: cmd.rag,
            note: cmd.note,
            source: cmd.source,
            idempotencyKey: cmd.idempotencyKey,
            changes: JSON.stringify(cmd.changes),
          },
        });
        return { status: 'added', actionId: created.id } as const;
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) return (await previous()) ?? { status: 'no-plan' };
    throw err;
  }
}

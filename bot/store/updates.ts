import type { HistoryEntry, Rag, UpdateSource } from '../plan/types.js';
import { editData, replaceLeads, type ActionEdit } from './action-edits.js';
import type { Db } from './client.js';
import { type DialogEnd, writeDialogState } from './dialogs.js';
import { findLivePlan, LIVE } from './live-plan.js';
import { queueInTransaction, queuedAfterCommit, type OutboxInput } from './outbox.js';
import { withBusyRetry } from './retry.js';

export type { ActionEdit } from './action-edits.js';

/** A change someone asks for: the version they saw, the new RAG, a note and progress. */
export interface UpdateCommand {
  actionId: number;
  expectedVersion: number;
  rag: Rag;
  note: string;
  progress: number | null;
  /** who: their name at the time, chat id, and the Person id (keyed by Entra object id) when a person of the partnership */
  actor: { name: string; chatId: string | null; personId?: number | null };
  source: UpdateSource;
  /** the same key twice makes one update (double clicks, Teams retries) */
  idempotencyKey: string;
  at: Date;
  /** an edit of the action's fields made with the same version check and history entry (title, date, leads, theme, owner) */
  edit?: ActionEdit;
  /** messages to queue, in the same transaction, when the update is applied and changes the RAG (the announcement) */
  announce?: OutboxInput[];
  /** the conversation that ends with this update: its end is written in the same transaction (both saved, or neither) */
  endDialog?: (applied: { ragFrom: Rag; ragTo: Rag }) => DialogEnd;
}

export type UpdateOutcome =
  | { status: 'applied'; ragFrom: Rag; ragTo: Rag; version: number; historyId: number }
  | { status: 'duplicate'; ragFrom: Rag; ragTo: Rag; version: number; historyId: number }
  | { status: 'stale'; currentVersion: number }
  | { status: 'missing' }
  /** the action's plan is not the live one: archived plans are read-only, drafts wait to be made live */
  | { status: 'closed'; planStatus: string; planTitle: string };

const isUniqueViolation = (err: unknown) =>
  (err as { code?: string })?.code === 'P2002' || /Unique constraint/i.test(String((err as Error)?.message));

/** Applies an update if the action is still at the expected version; records it in the history, atomically. */
export async function applyUpdate(db: Db, cmd: UpdateCommand): Promise<UpdateOutcome> {
  const previous = async (): Promise<UpdateOutcome | null> => {
    const done = await db.actionUpdate.findUnique({
      where: { idempotencyKey: cmd.idempotencyKey },
      include: { action: { select: { version: true } } },
    });
    return done
      ? { status: 'duplicate', ragFrom: done.ragFrom as Rag, ragTo: done.ragTo as Rag, version: done.action.version, historyId: done.id }
      : null;
  };
  const earlier = await previous();
  if (earlier) return earlier;
  try {
    const outcome = await withBusyRetry(() =>
      db.$transaction(async (tx) => {
        const action = await tx.action.findUnique({
          where: { id: cmd.actionId },
          include: { plan: { select: { status: true, title: true } } },
        });
        if (!action) return { status: 'missing' } as const;
        if (action.plan.status !== LIVE) return { status: 'closed', planStatus: action.plan.status, planTitle: action.plan.title } as const;
        if (action.version !== cmd.expectedVersion) return { status: 'stale', currentVersion: action.version } as const;
        const edit = cmd.edit ? await editData(tx, action, cmd.edit) : { data: {}, leadIds: null };
        const changed = await tx.action.updateMany({
          where: { id: cmd.actionId, version: cmd.expectedVersion },
          data: { ...edit.data, rag: cmd.rag, progress: cmd.progress ?? action.progress, version: { increment: 1 }, updatedAt: cmd.at },
        });
        if (changed.count !== 1) return { status: 'stale', currentVersion: action.version + 1 } as const;
        if (edit.leadIds) await replaceLeads(tx, cmd.actionId, edit.leadIds);
        const entry = await tx.actionUpdate.create({
          data: {
            actionId: cmd.actionId,
            actorName: cmd.actor.name,
            actorChatId: cmd.actor.chatId,
            at: cmd.at,
            ragFrom: action.rag,
            ragTo: cmd.rag,
            note: cmd.note,
            progress: cmd.progress,
            source: cmd.source,
            idempotencyKey: cmd.idempotencyKey,
            actorPersonId: cmd.actor.personId ?? null,
            changes: JSON.stringify(cmd.edit?.changes ?? []),
          },
        });
        const queued = action.rag !== cmd.rag ? await queueInTransaction(tx, cmd.announce ?? [], cmd.at) : 0;
        const end = cmd.endDialog?.({ ragFrom: action.rag as Rag, ragTo: cmd.rag });
        if (end) await writeDialogState(tx, end.id, end.version, { state: end.state, now: cmd.at, expiresAt: cmd.at });
        return {
          status: 'applied',
          ragFrom: action.rag as Rag,
          ragTo: cmd.rag,
          version: action.version + 1,
          historyId: entry.id,
          queued,
        } as const;
      }),
    );
    if (outcome.status === 'applied') {
      queuedAfterCommit(db, outcome.queued);
      const { queued: _queued, ...applied } = outcome;
      return applied;
    }
    // Stale because the same request (another instance, a retry) got there first? Then it is a duplicate.
    return outcome.status === 'stale' ? ((await previous()) ?? outcome) : outcome;
  } catch (err) {
    // Two identical requests raced: the other one won; report what it did.
    if (isUniqueViolation(err)) return (await previous()) ?? { status: 'stale', currentVersion: -1 };
    throw err;
  }
}

/** An action's history, newest first. */
export async function listHistory(db: Db, actionId: number, limit = 200): Promise<HistoryEntry[]> {
  const rows = await db.actionUpdate.findMany({ where: { actionId }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({
    by: r.actorName,
    at: r.at.toISOString(),
    ragFrom: r.ragFrom as Rag,
    ragTo: r.ragTo as Rag,
    note: r.note,
    progress: r.progress,
    source: r.source as UpdateSource,
    ...(r.changes && r.changes !== '[]' ? { changes: JSON.parse(r.changes) as HistoryEntry['changes'] } : {}),
  }));
}

/** Every RAG change of a plan since a moment (for digests and the board timeline). */
export async function listPlanChanges(
  db: Db,
  planId: number,
  since?: Date,
): Promise<{ at: string; actionRef: number; ragFrom: Rag; ragTo: Rag; by: string; note: string; source: UpdateSource }[]> {
  const rows = await db.actionUpdate.findMany({
    // a carried-over action's first entry repeats the earlier plan's latest note: not a change
    where: { action: { planId }, source: { not: 'carry' }, ...(since ? { at: { gte: since } } : {}) },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
    include: { action: { select: { ref: true } } },
  });
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actionRef: r.action.ref,
    ragFrom: r.ragFrom as Rag,
    ragTo: r.ragTo as Rag,
    by: r.actorName,
    note: r.note,
    source: r.source as UpdateSource,
  }));
}

/** Every RAG change of a partnership's live plan (for the board timeline), or of one of its plans by id. */
export async function listPartnershipChanges(db: Db, partnership: string, since?: Date, planId?: number) {
  const plan =
    planId === undefined
      ? await findLivePlan(db, partnership)
      : await db.plan.findFirst({ where: { id: planId, partnership: { name: partnership } }, select: { id: true } });
  return plan ? listPlanChanges(db, plan.id, since) : [];
}

/** The history an action carries from earlier plans: for each plan it was carried over from, newest first, its entries there. */
export interface EarlierHistory {
  planTitle: string;
  planPeriod: string;
  /** the action's number in that plan */
  label: string;
  entries: HistoryEntry[];
}

/** Follows an action's carried-over links back through earlier plans (at most 20), with each one's history, newest first. */
export async function listEarlierHistory(db: Db, actionId: number, limit = 200): Promise<EarlierHistory[]> {
  const out: EarlierHistory[] = [];
  let current = await db.action.findUnique({ where: { id: actionId }, select: { carriedFromActionId: true } });
  for (let depth = 0; current?.carriedFromActionId && depth < 20; depth++) {
    const earlier = await db.action.findUnique({
      where: { id: current.carriedFromActionId },
      select: { id: true, ref: true, label: true, carriedFromActionId: true, plan: { select: { title: true, period: true } } },
    });
    if (!earlier) break;
    const entries = (await listHistory(db, earlier.id, limit)).filter((e) => e.source !== 'carry');
    out.push({ planTitle: earlier.plan.title, planPeriod: earlier.plan.period, label: earlier.label || String(earlier.ref), entries });
    current = earlier;
  }
  return out;
}

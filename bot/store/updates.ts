import { actionAfterUpdate } from '../plan/action-update.js';
import type { HistoryEntry, Rag, UpdateSource } from '../plan/types.js';
import { editData, replaceLeads, type ActionEdit, type Tx } from './action-edits.js';
import type { Db } from './client.js';
import { writeDialogState } from './dialogs.js';
import { findLivePlan, LIVE } from './live-plan.js';
import { queueDirectly, queueInTransaction, queuedAfterCommit } from './outbox.js';
import { keepUpdatedAction } from './plan-cache.js';
import { withBusyRetry } from './retry.js';
import { directTransaction } from './direct-sql.js';
import { saveDirectly, saveUpdate, StaleUpdate } from './update-sql.js';
import type { UpdateCommand, UpdateOutcome } from './update-types.js';

export type { ActionEdit } from './action-edits.js';

export type { UpdateCommand, UpdateOutcome } from './update-types.js';

/** A unique key taken, as Prisma, pg (23505) or better-sqlite3 say it. */
const isUniqueViolation = (err: unknown) =>
  ['P2002', '23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes((err as { code?: string })?.code ?? '') ||
  /Unique constraint/i.test(String((err as Error)?.message));

/**
 * Applies an update if the action is still at the expected version; records it in the history and queues its
 * announcement, atomically. An update that is not an edit and ends no conversation is tried first on its own
 * (saveDirectly: on PostgreSQL one statement with its announcements; on SQLite, one that keeps the RAG); otherwise a plain
 * update is two statements in its transaction (see saveUpdate) and one a message queued, straight on the driver; an
 * edit of the action's fields goes through Prisma. The idempotency key is checked only when the update did not apply: a request
 * seen before finds the action at a later version (or its key taken), and is then reported as the duplicate it is.
 */
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
  try {
    // not an edit and no conversation to end: straight on the driver (PostgreSQL: one statement with its announcements)
    if (!cmd.edit && !cmd.endDialog) {
      const saved = await withBusyRetry(async () => saveDirectly(db, cmd));
      if (saved) {
        queuedAfterCommit(db, saved.queued);
        const { queued: _queued, planActions, ...applied } = saved;
        if (planActions && cmd.cached) {
          const { partnership, action } = cmd.cached;
          const after = actionAfterUpdate(action, {
            rag: cmd.rag,
            progress: cmd.progress,
            version: applied.version,
            by: cmd.actor.name,
            at: cmd.at,
            note: cmd.note,
          });
          keepUpdatedAction(db, partnership, planActions, action, after);
        }
        return applied;
      }
    }
    // a RAG change on SQLite (or an update the direct path above did not save), its announcements and the end of the
    // conversation that asked for it: one transaction on the driver
    const direct = () =>
      cmd.edit
        ? null
        : directTransaction(db, async (tx) => {
            const saved = await saveUpdate(tx, cmd);
            if (saved.status !== 'applied') return saved;
            const queued = saved.ragFrom !== cmd.rag ? await queueDirectly(tx, cmd.announce ?? [], cmd.at) : 0;
            const end = cmd.endDialog?.({ ragFrom: saved.ragFrom, ragTo: cmd.rag });
            if (end) await writeDialogState(tx, end.id, end.version, { state: end.state, now: cmd.at, expiresAt: cmd.at });
            return { ...saved, queued };
          });
    const outcome = await withBusyRetry(
      () =>
        direct() ??
        db.$transaction(async (tx) => {
          const saved = cmd.edit ? await saveEdit(tx, cmd, cmd.edit) : await saveUpdate(tx, cmd);
          if (saved.status !== 'applied') return saved;
          const queued = saved.ragFrom !== cmd.rag ? await queueInTransaction(tx, cmd.announce ?? [], cmd.at) : 0;
          // the conversation that asked for this update ends in the same transaction: both saved, or neither
          const end = cmd.endDialog?.({ ragFrom: saved.ragFrom, ragTo: cmd.rag });
          if (end) await writeDialogState(tx, end.id, end.version, { state: end.state, now: cmd.at, expiresAt: cmd.at });
          return { ...saved, queued };
        }),
    );
    if (outcome.status === 'applied') {
      queuedAfterCommit(db, outcome.queued);
      const { queued: _queued, ...applied } = outcome;
      return applied;
    }
    // Not applied: the same request (another instance, a retry, a double click) may have got there first.
    return (await previous()) ?? outcome;
  } catch (err) {
    // The action moved on between the entry and the change, or two identical requests raced: report what happened.
    if (err instanceof StaleUpdate) return (await previous()) ?? { status: 'stale', currentVersion: cmd.expectedVersion + 1 };
    if (isUniqueViolation(err)) return (await previous()) ?? { status: 'stale', currentVersion: -1 };
    throw err;
  }
}

/** An edit of the action's fields with its RAG, note and progress, inside the update's transaction (Prisma: edits are rare). */
async function saveEdit(tx: Tx, cmd: UpdateCommand, edit: ActionEdit): Promise<Exclude<UpdateOutcome, { status: 'duplicate' }>> {
  const action = await tx.action.findUnique({
    where: { id: cmd.actionId },
    include: { plan: { select: { status: true, title: true } } },
  });
  if (!action) return { status: 'missing' };
  if (action.plan.status !== LIVE) return { status: 'closed', planStatus: action.plan.status, planTitle: action.plan.title };
  if (action.version !== cmd.expectedVersion) return { status: 'stale', currentVersion: action.version };
  const { data, leadIds } = await editData(tx, action, edit);
  const changed = await tx.action.updateMany({
    where: { id: cmd.actionId, version: cmd.expectedVersion },
    data: { ...data, rag: cmd.rag, progress: cmd.progress ?? action.progress, version: { increment: 1 }, updatedAt: cmd.at },
  });
  if (changed.count !== 1) return { status: 'stale', currentVersion: action.version + 1 };
  if (leadIds) await replaceLeads(tx, cmd.actionId, leadIds);
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
      changes: JSON.stringify(edit.changes),
    },
  });
  return { status: 'applied', ragFrom: action.rag as Rag, ragTo: cmd.rag, version: action.version + 1, historyId: entry.id };
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

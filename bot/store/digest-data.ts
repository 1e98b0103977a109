import type { DigestChange, DigestRound } from '../plan/digest.js';
import type { Rag, UpdateSource } from '../plan/types.js';
import type { Db } from './client.js';

/** What the weekly digest needs besides the plan: recent history, each action's first entry, open rounds. */
export async function loadDigestData(
  db: Db,
  partnership: string,
  planTitle: string,
  since: Date,
): Promise<{ changes: DigestChange[]; firstRecorded: Record<number, string>; rounds: DigestRound[] }> {
  const plan = await db.plan.findFirst({ where: { partnership: { name: partnership }, title: planTitle }, select: { id: true } });
  if (!plan) return { changes: [], firstRecorded: {}, rounds: [] };
  const [rows, firsts, rounds] = await Promise.all([
    db.actionUpdate.findMany({
      where: { action: { planId: plan.id }, at: { gte: since }, source: { not: 'carry' } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    }),
    db.actionUpdate.groupBy({ by: ['actionId'], where: { action: { planId: plan.id } }, _min: { at: true } }),
    db.updateRound.findMany({
      where: { partnership: { name: partnership }, status: 'open' },
      orderBy: { deadline: 'asc' },
      include: { items: { select: { status: true } } },
    }),
  ]);
  return {
    changes: rows.map((r) => ({
      actionId: r.actionId,
      at: r.at.toISOString(),
      from: r.ragFrom as Rag,
      to: r.ragTo as Rag,
      by: r.actorName,
      source: r.source as UpdateSource,
    })),
    firstRecorded: Object.fromEntries(firsts.flatMap((f) => (f._min.at ? [[f.actionId, f._min.at.toISOString()]] : []))),
    rounds: rounds.map((r) => ({
      title: r.title,
      meetingDate: r.meetingDate,
      deadline: r.deadline.toISOString(),
      answered: r.items.filter((i) => i.status === 'answered').length,
      pending: r.items.filter((i) => i.status === 'pending').length,
    })),
  };
}

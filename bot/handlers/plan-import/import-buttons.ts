import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import { describeEditConflict } from '../../import/describe-diff.js';
import type { CardActionInput, CardActionResult } from '../../core/context.js';
import { planShortName } from '../../plan/plan-names.js';
import type { SaveResult } from '../../store/save-plan.js';

/** The data on a preview card's buttons: which pending import, and whose ratings win where chat changes conflict. */
export const ImportButtonData = z.object({
  importId: z.coerce.number().int().positive(),
  prefer: z.enum(['plan', 'file']).default('plan'),
  /** make the imported plan the live one (archiving the live plan) */
  makeLive: z.boolean().default(false),
});
type ImportButton = z.infer<typeof ImportButtonData>;

const gone = (): CardActionResult => ({
  replaceCard: buildMessageCard({
    lines: ['This preview has expired or was already used, so nothing was imported from it. Send me the file again to import it.'],
  }),
});

/** Import on a preview card (coordinators only, by route): the coordinator who sent the file saves it, then the preview is used up. */
export async function importPlanHandler(input: CardActionInput, { importId, prefer, makeLive }: ImportButton): Promise<CardActionResult> {
  const { store } = input.services;
  const now = input.services.now();
  const pending = await store.imports.findPending(importId, now);
  if (!pending || pending.partnership !== input.partnership) return gone();
  if (pending.userChatId !== input.sender.id)
    return { replaceCard: buildMessageCard({ lines: ['Only the coordinator who sent this file can import it.'] }) };
  const saved = await store.plans.save({
    partnership: pending.partnership,
    plan: pending.plan,
    sourceFile: pending.fileName,
    actor: `${input.sender.name} (plan import in Teams)`,
    at: now,
    prefer,
    makeLive,
  });
  await store.imports.deletePending(pending.id);
  const { diff } = saved;
  const lines = saved.planCreated
    ? [`New plan: ${diff.created.length} actions created.`]
    : [
        `${diff.changed.length} actions changed, ${diff.created.length} added, ${diff.unchanged} unchanged; ${saved.ragChanges} RAG changes recorded in the history.`,
        ...diff.conflicts.map((c) =>
          c.kept === 'plan'
            ? `Action ${c.label} was changed in chat since it was imported: it keeps its ${c.plan.rag} rating and notes.`
            : `Action ${c.label} was changed in chat since it was imported: it now has the file's ${c.file.rag} rating and notes.`,
        ),
        ...diff.editConflicts.map(describeEditConflict),
        ...(diff.missing.length ? [`Kept ${diff.missing.length} actions that are not in this file: ${diff.missing.join(', ')}.`] : []),
      ];
  return {
    replaceCard: buildMessageCard({
      title: `Imported "${pending.plan.title}" from ${pending.fileName}`,
      lines: [...lines, ...liveWords(saved, pending.plan)],
    }),
  };
}

/** Cancel on a preview card: forgets the file; nothing was or will be saved. */
export async function cancelImportHandler(input: CardActionInput, { importId }: ImportButton): Promise<CardActionResult> {
  const { store } = input.services;
  const pending = await store.imports.findPending(importId, input.services.now());
  if (!pending || pending.userChatId !== input.sender.id) return gone();
  await store.imports.deletePending(pending.id);
  return { replaceCard: buildMessageCard({ lines: [`Cancelled: nothing was imported from ${pending.fileName}.`] }) };
}

/** Which plan is live after an import, in words. */
export function liveWords(saved: SaveResult, plan: { title: string; period: string }): string[] {
  const name = planShortName(plan);
  if (saved.status === 'live')
    return saved.archived ? [`The ${name} plan is now live; "${saved.archived}" is archived (still answerable, read-only).`] : [];
  return [
    `The ${name} plan is ${saved.status === 'draft' ? 'not live yet' : 'archived'}: questions and updates still use the live plan. A coordinator can say "make the ${name} plan live".`,
  ];
}

import { z } from 'zod';
import { buildMessageCard } from '../../../cards/message-card.js';
import { AppError } from '../../errors.js';
import { deletePendingImport, findPendingImport } from '../../store/pending-imports.js';
import { savePlan } from '../../store/plans.js';
import type { CardActionResult } from '../card-actions/index.js';
import { coordinatorOrRefusal } from '../commands/coordinator-only.js';
import type { CardActionInput } from '../context.js';

const ImportButtonSchema = z.object({ importId: z.coerce.number().int().positive(), prefer: z.enum(['plan', 'file']).default('plan') });

const gone = (): CardActionResult => ({
  replaceCard: buildMessageCard({
    lines: ['This preview has expired or was already used, so nothing was imported from it. Send me the file again to import it.'],
  }),
});

function buttonOf(input: CardActionInput): z.infer<typeof ImportButtonSchema> {
  const parsed = ImportButtonSchema.safeParse(input.data);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'That button did not say which file to import. Please send the file again.');
  return parsed.data;
}

/** Import on a preview card: the coordinator who sent the file saves it (newer chat changes are kept), then the preview is used up. */
export async function importPlanHandler(input: CardActionInput): Promise<CardActionResult> {
  const { db } = input.services.store;
  const now = input.services.now();
  const { importId, prefer } = buttonOf(input);
  const pending = await findPendingImport(db, importId, now);
  if (!pending || pending.partnership !== input.partnership) return gone();
  const allowed = await coordinatorOrRefusal({ ...input, text: '' }, 'import a plan');
  if ('refusal' in allowed) return { replaceCard: allowed.refusal };
  if (pending.userChatId !== input.sender.id)
    return { replaceCard: buildMessageCard({ lines: ['Only the coordinator who sent this file can import it.'] }) };
  const saved = await savePlan(db, {
    partnership: pending.partnership,
    plan: pending.plan,
    sourceFile: pending.fileName,
    actor: `${input.sender.name} (plan import in Teams)`,
    at: now,
    prefer,
  });
  await deletePendingImport(db, pending.id);
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
        ...(diff.missing.length ? [`Kept ${diff.missing.length} actions that are not in this file: ${diff.missing.join(', ')}.`] : []),
      ];
  return { replaceCard: buildMessageCard({ title: `Imported "${pending.plan.title}" from ${pending.fileName}`, lines }) };
}

/** Cancel on a preview card: forgets the file; nothing was or will be saved. */
export async function cancelImportHandler(input: CardActionInput): Promise<CardActionResult> {
  const pending = await findPendingImport(input.services.store.db, buttonOf(input).importId, input.services.now());
  if (!pending || pending.userChatId !== input.sender.id) return gone();
  await deletePendingImport(input.services.store.db, pending.id);
  return { replaceCard: buildMessageCard({ lines: [`Cancelled: nothing was imported from ${pending.fileName}.`] }) };
}

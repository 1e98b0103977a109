import { buildImportPreviewCard } from '../../../cards/import-preview-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { downloadFile } from '../../import/download.js';
import { parsePlanBytes } from '../../import/index.js';
import { DEFAULT_ORGANISATIONS, mergeOrganisations } from '../../import/known-organisations.js';
import { previewFacts } from '../../import/preview.js';
import { importFileName, type TeamsFileAttachment } from '../../import/teams-file.js';
import { dateIn } from '../../plan/dates.js';
import type { Reply, TurnInput } from '../../core/context.js';
import { coordinatorsOnly, refusalFor } from '../../routes/route.js';

/** How long a preview's Import button works. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000;

/** A plan file sent in personal chat: a coordinator's is downloaded, read and previewed with Import / Cancel; nothing is saved yet. */
export async function receivePlanFileHandler(input: TurnInput, file: TeamsFileAttachment): Promise<Reply[]> {
  if (input.conversation.kind !== 'personal')
    return [buildMessageCard({ lines: ['To import a plan, send me the file in a personal chat (coordinators only).'] })];
  const refused = refusalFor(coordinatorsOnly('import a plan'), input.person);
  if (refused) return [refused];
  const { store } = input.services;
  const now = input.services.now();
  const fileName = importFileName(file);
  const bytes = await downloadFile(file.content.downloadUrl, fileName);
  const known = mergeOrganisations(await store.plans.organisations(input.partnership), DEFAULT_ORGANISATIONS);
  const { plan } = await parsePlanBytes(bytes, fileName, known, { today: dateIn(now, 'Europe/London') });
  const preview = await store.plans.preview(input.partnership, plan);
  const importId = await store.imports.savePending({
    partnership: input.partnership,
    userChatId: input.sender.id,
    conversationId: input.conversation.id,
    fileName,
    plan,
    now,
    ttlMs: PREVIEW_TTL_MS,
  });
  return [buildImportPreviewCard({ importId, fileName, ...previewFacts(plan, preview) })];
}

import { z } from 'zod';
import { FILE_CONSENT_INVOKE as INVOKE, fileInfoAttachment } from '../../../cards/file-consent.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { logger } from '../../logger.js';
import type { Reply, TurnInput } from '../../core/context.js';

const log = logger('reports');

/** The invoke Teams sends when someone accepts or declines a file consent card. */
export const FILE_CONSENT_INVOKE = INVOKE;

const ConsentSchema = z.object({
  action: z.enum(['accept', 'decline']),
  context: z.object({ reportId: z.number().int().positive() }),
  uploadInfo: z
    .object({
      name: z.string().min(1),
      uploadUrl: z.string().url(),
      contentUrl: z.string().min(1),
      uniqueId: z.string().min(1),
      fileType: z.string().default('docx'),
    })
    .optional(),
});

const say = (line: string): Reply[] => [buildMessageCard({ lines: [line] })];

/** Uploads the report's Word file to the place Teams gives on accept, then shows it in the chat; a decline is acknowledged. */
export async function fileConsentHandler(input: TurnInput, value: unknown): Promise<Reply[]> {
  const parsed = ConsentSchema.safeParse(value);
  if (!parsed.success) return say('That file offer could not be read. Ask me for the board report again.');
  const { action, context, uploadInfo } = parsed.data;
  if (action === 'decline') return say('All right: I have not sent the Word file. Ask for the board report again when you want it.');
  if (input.person?.role !== 'coordinator') return say('Only a coordinator can receive the board report. Ask your Prevent coordinator.');
  const { reports } = input.services.store;
  const saved = await reports.find(input.partnership, context.reportId);
  const file = saved && (await reports.file(input.partnership, saved.id));
  if (!saved || !file || !uploadInfo) return say('I could not find that board report. Ask me for it again.');
  const remote = new URL(uploadInfo.uploadUrl);
  if (remote.protocol !== 'https:' && !input.services.config.localMode)
    return say('Teams gave an upload address I will not use. Ask me for the board report again.');
  const res = await fetch(remote, {
    method: 'PUT',
    headers: { 'Content-Length': String(file.length), 'Content-Range': `bytes 0-${file.length - 1}/${file.length}` },
    body: new Uint8Array(file),
  });
  if (!res.ok) {
    log.warn({ status: res.status, reportId: saved.id }, 'Board report upload failed');
    return say('The Word file could not be uploaded just now. Ask me for the board report again in a moment.');
  }
  return [
    {
      text: `The Word file of board report ${saved.version} (${saved.status}).`,
      attachments: [
        fileInfoAttachment({
          name: uploadInfo.name,
          contentUrl: uploadInfo.contentUrl,
          uniqueId: uploadInfo.uniqueId,
          fileType: uploadInfo.fileType,
        }),
      ],
    },
  ];
}

import { z } from 'zod';

/** The content type Teams gives a file a person sends to a bot in personal chat. */
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/**
 * A file attachment as Teams sends it (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4):
 * `content.downloadUrl` is short-lived and pre-authorised (a plain GET, no token).
 */
export const TeamsFileAttachmentSchema = z.object({
  contentType: z.literal(TEAMS_FILE_DOWNLOAD_INFO),
  name: z.string().min(1).max(300),
  contentUrl: z.string().optional(),
  content: z.object({
    downloadUrl: z.url({ protocol: /^https?$/ }),
    uniqueId: z.string().optional(),
    fileType: z.string().max(20).optional(),
    etag: z.union([z.string(), z.number()]).optional(),
  }),
});
export type TeamsFileAttachment = z.infer<typeof TeamsFileAttachmentSchema>;

/** The first file attachment on an activity, or null when it carries none (cards and images are not files). */
export function fileAttachmentOf(attachments: unknown): TeamsFileAttachment | null {
  if (!Array.isArray(attachments)) return null;
  for (const attachment of attachments) {
    const parsed = TeamsFileAttachmentSchema.safeParse(attachment);
    if (parsed.success) return parsed.data;
  }
  return null;
}

/** The file's name with an extension the importer knows: Teams' fileType when the name lacks one. */
export function importFileName(file: TeamsFileAttachment): string {
  const type = file.content.fileType?.toLowerCase().replace(/^\./, '');
  return /\.[a-z0-9]{2,5}$/i.test(file.name) || !type ? file.name : `${file.name}.${type}`;
}

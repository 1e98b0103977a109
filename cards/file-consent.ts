import type { ReplyAttachment } from '../bot/core/types.js';

/** The Teams attachment types of the file consent flow (personal chat only). */
export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
/** The invoke name Teams sends when a file consent card is accepted or declined. */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';

/** A FileConsentCard: Teams asks the user to accept a file of this name and size; the contexts come back in the invoke. */
export function fileConsentAttachment(input: { name: string; description: string; sizeInBytes: number; context: object }): ReplyAttachment {
  return {
    contentType: FILE_CONSENT_CARD,
    name: input.name,
    content: {
      description: input.description,
      sizeInBytes: input.sizeInBytes,
      acceptContext: input.context,
      declineContext: input.context,
    },
  };
}

/** The file info card that shows an uploaded file in the chat. */
export function fileInfoAttachment(upload: { name: string; contentUrl: string; uniqueId: string; fileType: string }): ReplyAttachment {
  return {
    contentType: FILE_INFO_CARD,
    name: upload.name,
    contentUrl: upload.contentUrl,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}

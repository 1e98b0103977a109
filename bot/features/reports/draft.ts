import { buildMessageCard } from '../../../cards/message-card.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { planAndToday } from '../../handlers/plan-source.js';
import { parseReportRequest } from '../../plan/report/request.js';
import { draftReport } from './report-service.js';
import { personalReach } from '../../notify/messages.js';
import { fileOfferReply, reportCardReply } from './report-replies.js';
import type { OutboxInput } from '../../store/outbox.js';
import type { SavedReport } from '../../store/reports.js';

const USAGE =
  'Say which board meeting it is for, for example: “draft the board report for the 4 December board”. You can add “since 1 September” and counts: “with 0 Channel referrals, 1 open case, 4 training sessions, 55 attendees”.';

/** "draft the board report for the 4 December board …" (coordinators): saves a draft, answers with its card and offers the Word file in personal chat. */
export async function draftReportHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply[]> {
  const { store } = input.services;
  const { today } = await planAndToday(input.services, input.partnership);
  const request = parseReportRequest(match[1] ?? '', today);
  if (!request.meetingDate)
    return [
      buildMessageCard({ lines: [request.unreadMeeting ? `I could not read “${request.unreadMeeting}” as a date. ${USAGE}` : USAGE] }),
    ];
  if (request.unreadSince) return [buildMessageCard({ lines: [`I could not read “${request.unreadSince}” as a date. ${USAGE}`] })];
  const inChannel = input.conversation.kind !== 'personal';
  const reach = inChannel ? await personalReach(store, input.sender.id) : null;
  // From a channel, the offer goes to the coordinator's personal chat through the outbox, queued with the draft (both
  // saved or neither) and keyed by the report and the person (a retried turn queues it once).
  const announce = (saved: SavedReport, fileBytes: number): OutboxInput[] =>
    reach && !reach.unreachable
      ? [
          {
            key: `report-offer:${saved.id}:chat:${input.sender.id}`,
            partnership: input.partnership,
            kind: 'notice',
            conversationId: reach.conversationId,
            personId: input.person?.id ?? null,
            recipient: input.person?.displayName ?? input.sender.name,
            reply: fileOfferReply(saved, fileBytes),
          },
        ]
      : [];
  const saved = await draftReport(store, {
    partnership: input.partnership,
    meetingDate: request.meetingDate,
    since: request.since ?? undefined,
    counts: request.counts,
    typed: input.text,
    createdBy: input.sender.aadObjectId ?? input.sender.id,
    at: input.services.now(),
    requestKey: `${input.partnership}:${input.activityId}`,
    announce,
  });
  const card = reportCardReply(saved, true);
  if (!reach) {
    const file = await store.reports.file(input.partnership, saved.id);
    return [card, fileOfferReply(saved, file?.length ?? 0)];
  }
  const where = !reach.unreachable
    ? 'I am sending you the Word file in our personal chat.'
    : 'To receive the Word file, open a personal chat with me and ask there (Teams sends files to bots in personal chat only).';
  return [card, buildMessageCard({ lines: [where] })];
}

import { buildMessageCard } from '../../../cards/message-card.js';
import { addDays } from '../../plan/dates.js';
import { formatDay } from '../../plan/schedule/describe.js';
import { localDate } from '../../plan/schedule/local-time.js';
import { parseDay } from '../../plan/schedule/phrases.js';
import { addMonths } from '../../plan/schedule/recurrence.js';
import type { MessageInput, Reply } from '../../core/context.js';

const CONFIDENTIAL =
  'Channel cases are confidential: I only deal with case reviews in a personal chat with a coordinator or a Channel panel member. Nothing was saved or shown here.';

/** Case reviews only in personal chat, and only for coordinators and panel members; otherwise the refusal. */
async function refusal(input: MessageInput): Promise<Reply | null> {
  if (input.conversation.kind !== 'personal') return buildMessageCard({ lines: [CONFIDENTIAL] });
  const me = input.person;
  if (me?.role === 'coordinator' || (me && (await input.services.store.panel.isMember(input.partnership, me.chatId)))) return null;
  return buildMessageCard({ lines: [CONFIDENTIAL] });
}

/** "add case review CH-2026-014 started 3 November 2026": review due six months later; personal data refused. */
export async function addCaseReviewHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const refused = await refusal(input);
  if (refused) return refused;
  const { store } = input.services;
  const today = localDate(input.services.now(), await store.partnerships.timeZone(input.partnership));
  const start = parseDay(match[2] ?? '', addDays(today, -364));
  if (!start || start > today)
    return buildMessageCard({
      lines: ['I could not read when the intervention started. Write the date like "3 November 2026". Nothing was saved.'],
    });
  const review = await store.caseReviews.add({
    partnership: input.partnership,
    caseRef: match[1] ?? '',
    interventionStart: start,
    reviewDue: addMonths(start, 6),
    now: input.services.now(),
  });
  return buildMessageCard({
    lines: [
      `Tracking case ${review.caseRef}: intervention started ${formatDay(review.interventionStart)}, six-month review due ${formatDay(review.reviewDue)}. Panel members will be reminded in personal chat a week before and on the day.`,
    ],
  });
}

/** "list case reviews". */
export async function listCaseReviewsHandler(input: MessageInput): Promise<Reply> {
  const refused = await refusal(input);
  if (refused) return refused;
  const reviews = await input.services.store.caseReviews.list(input.partnership);
  if (!reviews.length) return buildMessageCard({ lines: ['No case reviews are open.'] });
  return buildMessageCard({
    title: 'Open Channel case reviews',
    lines: reviews.map(
      (r) => `${r.caseRef}: review due ${formatDay(r.reviewDue)} (intervention started ${formatDay(r.interventionStart)})`,
    ),
  });
}

/** "close case CH-2026-014". */
export async function closeCaseReviewHandler(input: MessageInput, match: RegExpMatchArray): Promise<Reply> {
  const refused = await refusal(input);
  if (refused) return refused;
  const review = await input.services.store.caseReviews.close(input.partnership, match[1] ?? '');
  return buildMessageCard({ lines: [`Closed the review of case ${review.caseRef}. No more reminders will be sent for it.`] });
}

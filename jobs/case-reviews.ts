import { buildCaseReviewCard } from '../cards/reminder-card.js';
import { addDays } from '../bot/plan/dates.js';
import { localDate, resolveLocal } from '../bot/plan/schedule/local-time.js';
import { describeQueued, personalMessages } from '../bot/notify/messages.js';
import { messageKey, type Job } from './job.js';
import { unreachedNotices } from './recipients.js';

/** Panel members hear about a case review this many days before it is due. */
export const CASE_REVIEW_NOTICE_DAYS = [7, 0];
/** Case review reminders go at this local time. */
export const CASE_REVIEW_TIME = '09:00';

type Payload = { caseId: number; daysAhead: number };

/** Channel case reviews (six months after an intervention starts): reminders to panel members in personal chat, by case reference only. */
export const caseReviewsJob: Job = {
  name: 'case-reviews',
  async occurrences(services, from, to) {
    const lastDue = addDays(localDate(to, 'UTC'), Math.max(...CASE_REVIEW_NOTICE_DAYS) + 2);
    const reviews = await services.store.caseReviews.openDueBy(lastDue);
    return reviews.flatMap((r) =>
      CASE_REVIEW_NOTICE_DAYS.map((daysAhead) => ({
        daysAhead,
        at: resolveLocal(addDays(r.reviewDue, -daysAhead), CASE_REVIEW_TIME, r.timeZone),
      }))
        .filter(({ at }) => at > from && at <= to)
        .map(({ daysAhead, at }) => ({
          key: `case:${r.id}:${r.reviewDue}:${daysAhead}`,
          at,
          payload: { caseId: r.id, daysAhead } satisfies Payload,
        })),
    );
  },
  async run(services, occurrence) {
    const { caseId, daysAhead } = occurrence.payload as Payload;
    const review = await services.store.caseReviews.find(caseId);
    if (!review || review.closed) return 'case review closed; nothing sent';
    const members = await services.store.panel.list(review.partnership);
    const what = 'a Channel case review reminder';
    const key = messageKey('case-reviews', occurrence);
    const messages = await personalMessages(services.store, {
      keyPrefix: key,
      partnership: review.partnership,
      kind: 'case-review',
      people: members,
      reply: buildCaseReviewCard({ caseRef: review.caseRef, reviewDue: review.reviewDue, daysAhead }),
      onFailure: what,
    });
    const unreached = await unreachedNotices(services, review.partnership, key, what, messages);
    return { detail: `panel members: ${describeQueued(messages)}${unreached.line}`, messages: [...messages, ...unreached.notices] };
  },
};

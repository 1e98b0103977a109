import { buildMessageCard } from '../../../cards/message-card.js';
import { checkCaseRef } from '../../plan/confidentiality/case-ref.js';
import { dateIn } from '../../plan/dates.js';
import { DEFAULT_TIME_ZONE } from '../../../cards/format.js';
import { PATTERNS } from '../commands/patterns.js';
import type { ConversationKind, MessageInput, Reply } from '../../core/context.js';
import { guardYear, screenText } from './guard.js';

/** What to say about the person's own words: in personal chat they get them back; elsewhere everyone would see them. */
export function giveBackLines(kind: ConversationKind, text: string): string[] {
  if (kind === 'personal') return ['Here is what you wrote, so you can rephrase it:', text];
  return [
    'I have not repeated your words here because everyone in this conversation would see them. Please delete your message, and send me the update in a personal chat.',
  ];
}

/** Commands about partners themselves (roles, the panel) name them by email or mention; they store no free text about anyone referred. */
const PARTNER_COMMANDS = [PATTERNS.makeRole, PATTERNS.addToPanel, PATTERNS.removeFromPanel];

/** A Channel case reference is never repeated, even to the person who typed it: the refusal says what it looked like and what a reference should be. */
async function stopCaseReference(input: MessageInput, ref: string): Promise<Reply[] | null> {
  const now = input.services.now();
  const check = checkCaseRef(ref, guardYear(now));
  if (check.ok || check.kind === 'format') return null;
  await input.services.store.privacy.countStopped(input.partnership, dateIn(now, DEFAULT_TIME_ZONE));
  return [buildMessageCard({ title: 'Not saved: that looked like personal data', lines: [check.message] })];
}

/**
 * The first look at every typed message: if it holds personal data it goes no further (no command, no conversation
 * step, no search, no log), the stopped count goes up, and the person gets their words back to rephrase.
 */
export async function stopPersonalData(input: MessageInput): Promise<Reply[] | null> {
  if (PARTNER_COMMANDS.some((p) => p.test(input.text.trim()))) return null;
  const caseReview = input.text.trim().match(PATTERNS.addCaseReview);
  if (caseReview?.[1]) {
    const stopped = await stopCaseReference(input, caseReview[1]);
    if (stopped) return stopped;
  }
  const screened = await screenText(input.services, input.partnership, input.text, 'your message');
  if (screened.ok) return null;
  return [
    buildMessageCard({
      title: 'Not saved: that looked like personal data',
      lines: [screened.message, ...giveBackLines(input.conversation.kind, input.text)],
    }),
  ];
}

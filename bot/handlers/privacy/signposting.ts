import { buildSignpostingCard } from '../../../cards/signposting-card.js';
import { buildMessageCard } from '../../../cards/message-card.js';
import { isSignpostingQuestion } from '../../plan/signposting/matcher.js';
import { listInWords } from '../../plan/confidentiality/index.js';
import type { MessageInput, Reply } from '../../core/context.js';
import { screenText } from './guard.js';

/**
 * "How do I make a referral?", "I'm worried about someone", "who do I call?": the partnership's referral route, 999 and
 * the national lines, before anything else reads the message. If the message itself held personal data it is not kept
 * and the person is told so; the bot never asks about the person.
 */
export async function signpostingReplies(input: MessageInput): Promise<Reply[] | null> {
  if (!isSignpostingQuestion(input.text)) return null;
  const settings = await input.services.store.privacy.settings(input.partnership);
  const card = buildSignpostingCard({
    route: {
      email: settings.referralEmail,
      phone: settings.referralPhone,
      formUrl: settings.referralFormUrl,
      outOfHours: settings.referralOutOfHours,
    },
    national: { actEarly: input.services.config.ACT_EARLY_LINE, antiTerroristHotline: input.services.config.ANTI_TERRORIST_HOTLINE },
  });
  const screened = await screenText(input.services, input.partnership, input.text, 'your message');
  if (screened.ok) return [card];
  const warning = `I have not kept your message: it looked like it contained ${listInWords(screened.words)}.${input.conversation.kind === 'personal' ? '' : ' Please delete it from this conversation.'}`;
  return [buildMessageCard({ lines: [warning] }), card];
}

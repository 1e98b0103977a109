import { z } from 'zod';

/** The fields every incoming activity must carry before the bot will look at it. */
export const IncomingActivitySchema = z
  .object({
    type: z.string().min(1, 'type is required'),
    id: z.string().optional(),
    serviceUrl: z.string().url('serviceUrl must be a URL'),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1) }).passthrough(),
    from: z
      .object({ id: z.string().min(1) })
      .passthrough()
      .optional(),
    recipient: z
      .object({ id: z.string().min(1) })
      .passthrough()
      .optional(),
    text: z.string().max(28_000, 'text is longer than a Teams message can be').optional(),
  })
  .passthrough();

/** Checks an incoming activity; returns one line saying what is wrong, or null when it is usable. */
export function activityProblem(body: unknown): string | null {
  const parsed = IncomingActivitySchema.safeParse(body);
  if (parsed.success) return null;
  const [issue] = parsed.error.issues;
  if (!issue) return 'Bad activity: it could not be read';
  return `Bad activity: ${issue.path.join('.') || 'body'} ${issue.message.replace(/^Required$/, 'is required')}`;
}

/** Removes <at>…</at> mentions and surrounding whitespace from message text. */
export function stripMentions(text: string): string {
  return text
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

import type { Activity } from 'botbuilder';
import { stripMentions } from '../activity.js';
import type { PlatformPerson } from '../store/people.js';

type MentionEntity = { type?: string; text?: string; mentioned?: { id?: string; name?: string; aadObjectId?: string } };

/**
 * The people @mentioned in a message (not the bot), as Teams identified them, and the text with each of
 * their mentions written "@Name" and the bot's mention removed, so "make @Ali Burlington a lead" reads as typed.
 */
export function readMentions(activity: Pick<Activity, 'text' | 'entities' | 'recipient'>): { text: string; mentions: PlatformPerson[] } {
  const botId = activity.recipient?.id;
  let text = activity.text ?? '';
  const mentions: PlatformPerson[] = [];
  for (const entity of (activity.entities ?? []) as MentionEntity[]) {
    const who = entity.mentioned;
    if (entity.type !== 'mention' || !who?.id || who.id === botId || !entity.text) continue;
    const name = who.name ?? entity.text.replace(/<\/?at[^>]*>/gi, '');
    mentions.push({ chatId: who.id, displayName: name, aadObjectId: who.aadObjectId ?? null });
    text = text.replace(entity.text, ` @${name.replace(/\s+/g, ' ').trim()} `);
  }
  return { text: stripMentions(text), mentions };
}

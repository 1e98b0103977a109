/** A user @mentioned in a Slack message, by id (the only thing that says who they are). */
export interface SlackMention {
  userId: string;
  label: string;
}

/**
 * A Slack message's text as a person typed it: the bot's own mention removed, other mentions read "@name" (listed
 * by user id), links, channels and special mentions as words, and Slack's &amp;/&lt;/&gt; undone.
 */
export function readSlackText(text: string, botUserId?: string): { text: string; mentions: SlackMention[] } {
  const mentions: SlackMention[] = [];
  const out = text
    .replace(/<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g, (_all, id: string, label?: string) => {
      if (id === botUserId) return '';
      const name = label?.trim() || id;
      if (!mentions.some((m) => m.userId === id)) mentions.push({ userId: id, label: name });
      return `@${name}`;
    })
    .replace(/<#[CG][A-Z0-9]+(?:\|([^>]*))?>/g, (_all, name?: string) => `#${name ?? 'channel'}`)
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!subteam\^[A-Z0-9]+(?:\|([^>]*))?>/g, (_all, name?: string) => name ?? '@group')
    .replace(/<(?:mailto:)?([^|<>]+)\|([^<>]+)>/g, '$2')
    .replace(/<((?:https?|mailto):[^<>]+)>/g, '$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return { text: out, mentions };
}

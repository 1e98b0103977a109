// Teams channel threads: which conversation id posts where.

/**
 * A conversation id without the thread: a channel message's conversation id ends `;messageid=…` (the thread's first
 * message), and posting to that id replies in the thread. New posts (announcements, reminders) need the bare channel id.
 */
export function bareConversationId(id: string): string {
  const at = id.indexOf(';messageid=');
  return at < 0 ? id : id.slice(0, at);
}

/** A stored conversation reference that posts to the conversation itself, never into the thread it was stored from. */
export function newPostReference(reference: Record<string, unknown>): Record<string, unknown> {
  const conversation = reference.conversation as { id?: unknown } | undefined;
  if (typeof conversation?.id !== 'string') return reference;
  const { activityId: _thread, ...rest } = reference;
  return { ...rest, conversation: { ...conversation, id: bareConversationId(conversation.id) } };
}

let sequence = 0;

/** Default people and places, shaped as Teams sends them. */
export const TEAMS = {
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  bot: { id: '28:00000000-0000-0000-0000-00000000b07', name: 'Prevent plan' },
  /** the channel itself: where new posts (announcements, reminders) go */
  channelId: '19:prevent-partnership@thread.tacv2',
  /** a message in the channel, as Teams sends one: its conversation id names the thread, and replies go there */
  channel: {
    id: '19:prevent-partnership@thread.tacv2;messageid=1700000000000',
    conversationType: 'channel',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    isGroup: true,
  },
  personalOf: (userId: string) => ({
    id: `a:personal-${userId}`,
    conversationType: 'personal',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  }),
  user: (name = 'Ali Burlington', id = '29:ali') => ({ id, name, aadObjectId: `aad-${id.replace(/\W/g, '')}` }),
};

/** A Teams user as the store's grantRole takes a platform-identified person (as an @mention gives one). */
export const asPerson = (user: { id: string; name: string; aadObjectId?: string }) => ({
  chatId: user.id,
  displayName: user.name,
  aadObjectId: user.aadObjectId ?? null,
});

type Overrides = Record<string, unknown>;

function base(serviceUrl: string, overrides: Overrides) {
  sequence++;
  return {
    channelId: 'msteams',
    serviceUrl,
    id: `activity-${sequence}-${Date.now()}`,
    timestamp: new Date().toISOString(),
    localTimestamp: new Date().toISOString(),
    from: TEAMS.user(),
    recipient: TEAMS.bot,
    conversation: TEAMS.channel,
    channelData: {
      tenant: { id: TEAMS.tenantId },
      team: { id: '19:team@thread.tacv2', name: 'Prevent partnership' },
      channel: { id: '19:prevent-partnership@thread.tacv2', name: 'General' },
    },
    locale: 'en-GB',
    ...overrides,
  };
}

/** A message activity as Teams sends it (channel by default); `mention: true` prefixes an @mention of the bot; `mentions` are other people @mentioned. */
export function makeMessage(
  serviceUrl: string,
  overrides: Overrides & { text?: string; mention?: boolean; mentions?: { id: string; name: string; aadObjectId?: string }[] } = {},
) {
  const { mention, mentions = [], text = 'help', ...rest } = overrides;
  const fullText = mention ? `<at>${TEAMS.bot.name}</at> ${text}` : text;
  // people mentioned in the text as <at>Name</at>, with the entity Teams sends for each (its ids say who)
  const entities = [
    ...(mention ? [{ type: 'mention', text: `<at>${TEAMS.bot.name}</at>`, mentioned: TEAMS.bot }] : []),
    ...mentions.map((u) => ({
      type: 'mention',
      text: `<at>${u.name}</at>`,
      mentioned: { id: u.id, name: u.name, aadObjectId: u.aadObjectId },
    })),
  ];
  return { ...base(serviceUrl, rest), type: 'message', text: fullText, textFormat: 'plain', entities, ...rest };
}

/** An Action.Submit from a card: a message with empty text and the inputs in value. */
export function makeSubmit(serviceUrl: string, value: Record<string, unknown>, overrides: Overrides = {}) {
  return { ...base(serviceUrl, overrides), type: 'message', text: '', value, replyToId: 'card-activity-1', ...overrides };
}

/** An Action.Execute (Universal Actions) invoke as Teams sends it. */
export function makeInvoke(serviceUrl: string, verb: string, data: Record<string, unknown>, overrides: Overrides = {}) {
  return {
    ...base(serviceUrl, overrides),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    replyToId: 'card-activity-1',
    ...overrides,
  };
}

/** The bot being added to a team (conversationUpdate with the bot in membersAdded). */
export function makeInstall(serviceUrl: string, overrides: Overrides = {}) {
  return { ...base(serviceUrl, overrides), type: 'conversationUpdate', membersAdded: [TEAMS.bot], ...overrides };
}

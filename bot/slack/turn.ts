import type { WebClient } from '@slack/web-api';
import type { Services, TurnInput } from '../core/context.js';
import type { ConversationKind } from '../core/types.js';
import { defaultPolicy } from '../identity/tenancy.js';
import { logger } from '../logger.js';
import type { PersonInfo } from '../store/people-rows.js';
import { slackChatId } from '../store/slack.js';

const log = logger('slack');

/** Where a Slack request came from: the workspace, the person (their own workspace may differ in a shared channel) and the conversation. */
export interface SlackWhere {
  teamId: string;
  userTeamId: string;
  userId: string;
  channel: string;
  kind: ConversationKind;
}

/** What Slack's users.info says about a user (only the fields the bot reads). */
interface SlackUser {
  id?: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  deleted?: boolean;
  is_email_confirmed?: boolean;
  profile?: { display_name?: string; real_name?: string; email?: string };
}

const recognised = new WeakMap<object, Map<string, string>>();

/** The name Slack shows for a user: display name, else real name, else handle. */
function nameOf(user: SlackUser): string {
  return user.profile?.display_name?.trim() || user.profile?.real_name?.trim() || user.real_name?.trim() || user.name || 'Someone';
}

/**
 * First contact in this process: the user is looked up with users.info and recorded (binding any grant waiting for
 * the email Slack confirms; an unconfirmed email binds nothing). Returns their name as Slack shows it.
 */
async function recognise(services: Services, client: WebClient, partnership: string, where: SlackWhere): Promise<string> {
  const { store } = services;
  const seen = recognised.get(store) ?? new Map<string, string>();
  recognised.set(store, seen);
  const key = `${partnership}\n${where.userTeamId}\n${where.userId}`;
  const known = seen.get(key);
  if (known) return known;
  let user: SlackUser = {};
  try {
    user = ((await client.users.info({ user: where.userId })).user ?? {}) as SlackUser;
  } catch (err) {
    log.warn({ userId: where.userId, err: (err as Error).message }, 'Slack users.info failed: the person is recorded without an email');
  }
  if (user.is_bot || user.deleted) return nameOf(user);
  const email = user.is_email_confirmed === true && user.profile?.email ? user.profile.email : null;
  const name = nameOf(user);
  const result = await store.slack.record({
    partnership,
    member: { teamId: where.userTeamId, userId: where.userId, displayName: name, email },
    now: services.now(),
    pendingDays: services.config.PENDING_GRANT_DAYS,
  });
  if (result.bound.length || result.linked)
    log.info({ personId: result.personId, bound: result.bound.length, linked: result.linked }, 'Slack user recorded');
  seen.set(key, name);
  return name;
}

/** Forgets who this process has recognised (tests, and after people are erased). */
export function forgetRecognised(store: object): void {
  recognised.delete(store);
}

/** The partnership a Slack workspace belongs to, or null when it is linked to none. */
export function slackPartnership(services: Services, teamId: string): Promise<string | null> {
  return services.store.slack.partnershipFor(teamId, services.config.DEFAULT_PARTNERSHIP, defaultPolicy(services.config));
}

/**
 * Who is speaking, where, about which partnership, resolved once per request like a Teams turn: the person by
 * workspace and user id, the conversation remembered for proactive messages. The sender's id is the person's chat id
 * when they are known (so one person is one sender on both platforms), else their Slack key.
 */
export async function slackTurn(
  services: Services,
  client: WebClient,
  partnership: string,
  where: SlackWhere,
  activityId: string,
): Promise<TurnInput> {
  const who = await slackPerson(services, client, partnership, where.userTeamId, where.userId);
  const conversationId = await services.store.slack.rememberConversation({
    partnership,
    teamId: where.teamId,
    channel: where.channel,
    kind: where.kind,
    userChatId: who.chatId,
    now: services.now(),
  });
  return {
    services,
    partnership,
    sender: { id: who.chatId, name: who.name },
    person: who.person,
    conversation: { id: conversationId, kind: where.kind },
    activityId,
  };
}

/** A Slack user as the partnership knows them (recorded on first contact): the person, their name and chat id. */
export async function slackPerson(
  services: Services,
  client: WebClient,
  partnership: string,
  teamId: string,
  userId: string,
): Promise<{ person: PersonInfo | null; name: string; chatId: string }> {
  const name = await recognise(services, client, partnership, { teamId, userTeamId: teamId, userId, channel: '', kind: 'personal' });
  const person = await services.store.slack.identify(partnership, { teamId, userId, name });
  return { person, name: person?.displayName ?? name, chatId: person?.chatId ?? slackChatId(teamId, userId) };
}

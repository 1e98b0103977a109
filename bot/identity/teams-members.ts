import { TeamsInfo, type TurnContext } from 'botbuilder';
import { logger } from '../logger.js';
import type { RosterMember } from '../store/roster.js';

const log = logger('roster');

/** A member as the Bot Connector returns it (GET .../members/{id}, .../pagedmembers): Entra object id as objectId or aadObjectId. */
type ConnectorMember = {
  id?: string;
  name?: string;
  aadObjectId?: string;
  objectId?: string;
  email?: string;
  userPrincipalName?: string;
  tenantId?: string;
  userRole?: string;
};

/** A roster entry from the Bot Connector's answer; null when it has no Entra object id (a bot, an anonymous user). */
export function toRosterMember(account: ConnectorMember): RosterMember | null {
  const aad = account.aadObjectId ?? account.objectId;
  if (!aad || !account.id) return null;
  return {
    aadObjectId: aad,
    chatId: account.id,
    displayName: account.name ?? account.userPrincipalName ?? 'Someone',
    email: account.email ?? null,
    userPrincipalName: account.userPrincipalName ?? null,
    tenantId: account.tenantId ?? null,
    guest: account.userRole === 'guest',
  };
}

/** One member of the conversation's team (or chat), as the Teams roster has them; null when Teams will not say. */
export async function fetchMember(context: TurnContext, userId: string): Promise<RosterMember | null> {
  try {
    return toRosterMember((await TeamsInfo.getMember(context, userId)) as ConnectorMember);
  } catch (err) {
    log.info({ err: (err as Error).message, userId }, 'Teams did not return the member');
    return null;
  }
}

/** Every member of the conversation's team (or chat), page by page. */
export async function fetchAllMembers(context: TurnContext): Promise<RosterMember[]> {
  const members: RosterMember[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(context, 200, continuationToken);
    for (const m of page.members ?? []) {
      const member = toRosterMember(m as ConnectorMember);
      if (member) members.push(member);
    }
    continuationToken = page.continuationToken || undefined;
  } while (continuationToken);
  return members;
}

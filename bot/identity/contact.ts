import type { TurnContext } from 'botbuilder';
import type { Services } from '../core/context.js';
import { logger } from '../logger.js';
import { fetchAllMembers, fetchMember } from './teams-members.js';

const log = logger('identity');
const known = new WeakMap<object, Set<string>>();

const inTeam = (context: TurnContext) => Boolean((context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id);

/**
 * First contact: a sender the partnership's people table does not know by Entra object id (or knows only
 * from an @mention grant) is looked up in the Teams roster (email, user principal name, home tenant, guest) and recorded, which binds any grant
 * waiting for a confirmed address. Remembered per process, so it costs one lookup per person. Given the sender's roster
 * state as the turn has just read it (see TurnReadAhead), no lookup at all. True when it recorded the sender.
 */
export async function recogniseSender(
  services: Services,
  context: TurnContext,
  partnership: string,
  read?: { roster: { fromRoster: boolean } | null },
): Promise<boolean> {
  const from = context.activity.from;
  const aad = from?.aadObjectId?.toLowerCase();
  if (!from?.id || !aad) return false;
  const { store } = services;
  const seen = known.get(store) ?? new Set<string>();
  known.set(store, seen);
  const key = `${partnership}\n${aad}`;
  if (seen.has(key)) return false;
  const state = read ? read.roster : await store.roster.state(partnership, aad);
  // unknown, or known only from a grant (an @mention): ask the roster once for their addresses, tenant and guest status
  if (!state?.fromRoster) {
    const member = await fetchMember(context, from.id);
    // Teams would not describe them (not in this team or chat): nothing is recorded
    if (!member) {
      seen.add(key);
      return false;
    }
    if (member.aadObjectId.toLowerCase() !== aad) {
      log.warn({ userId: from.id }, 'The roster gave another object id for this user: not recorded');
      return false;
    }
    const result = await store.roster.record({
      partnership,
      member,
      now: services.now(),
      inRoster: inTeam(context),
      pendingDays: services.config.PENDING_GRANT_DAYS,
    });
    if (result.bound.length) log.info({ personId: result.personId, bound: result.bound.length }, 'Bound pending grants on first contact');
    seen.add(key);
    return true;
  }
  seen.add(key);
  return false;
}

/**
 * conversationUpdate in a team: the bot installed (record the whole roster), members added (record each,
 * binding waiting grants), members removed (they lose their role; their history stays theirs).
 */
export async function syncMembership(services: Services, context: TurnContext, partnership: string): Promise<void> {
  if (!inTeam(context)) return;
  const activity = context.activity;
  const botId = activity.recipient?.id;
  const { store } = services;
  const now = services.now();
  const pendingDays = services.config.PENDING_GRANT_DAYS;
  const added = activity.membersAdded ?? [];
  const members = added.some((m) => m.id === botId)
    ? await fetchAllMembers(context).catch((err) => {
        log.warn({ err: (err as Error).message }, 'Could not read the team roster on install');
        return [];
      })
    : (await Promise.all(added.map((m) => fetchMember(context, m.id)))).filter((m) => m !== null);
  for (const member of members) await store.roster.record({ partnership, member, now, inRoster: true, pendingDays });
  for (const gone of activity.membersRemoved ?? []) {
    if (gone.id === botId) continue;
    await store.roster.remove({ partnership, aadObjectId: gone.aadObjectId, chatId: gone.id, now });
  }
  known.delete(store);
}

import { textOf } from '../support/bot.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import type { TestBot } from '../support/bot.js';
import { makeInstall, TEAMS } from '../support/activities.js';
import { say, type Said } from '../dialog/chat.js';

export const PARTNERSHIP = 'City of London';

/** The coordinator and three leads, each leading one action of the demo plan that is not COMPLETE. */
export const cora = TEAMS.user('Cora Ordinator', '29:cora');
export const lee = TEAMS.user('Lee Learning', '29:lee');
export const pat = TEAMS.user('Pat Probation', '29:pat');
export const priya = TEAMS.user('Priya Protection', '29:priya');
/** A lead to set up: who, which organisation, and the one action of theirs the tests look at. */
export interface RoundLead {
  user: { id: string; name: string };
  organisation: string;
  ref: number;
}

/** lee: action 1 (CoLC Learning and Development); pat: action 22 (Probation); priya: action 23 (Public Protection Unit) */
export const LEADS: RoundLead[] = [
  { user: lee, organisation: 'CoLC L&D', ref: 1 },
  { user: pat, organisation: 'Probation', ref: 22 },
  { user: priya, organisation: 'PPU', ref: 23 },
];

/** Gives people their roles and has each add the bot in personal chat (so the bot holds a conversation reference for them). */
export async function setUpRoundPeople(bot: TestBot, leads: RoundLead[] = LEADS): Promise<void> {
  await grantRole(bot.store.db, { partnership: PARTNERSHIP, who: cora.name, role: 'coordinator', chatId: cora.id, displayName: cora.name });
  for (const lead of leads) {
    await grantRole(bot.store.db, {
      partnership: PARTNERSHIP,
      who: lead.user.name,
      role: 'lead',
      organisation: lead.organisation,
      chatId: lead.user.id,
      displayName: lead.user.name,
    });
  }
  await bot.post(makeInstall(bot.connector.url));
  for (const person of [cora, ...leads.map((l) => l.user)]) {
    await bot.post(
      makeInstall(bot.connector.url, {
        from: person,
        conversation: TEAMS.personalOf(person.id),
        channelData: { tenant: { id: TEAMS.tenantId } },
      }),
    );
  }
  bot.connector.clear();
}

/** What the bot has sent to a person's personal chat. */
export function personalTo(bot: TestBot, user: { id: string }): string[] {
  return bot.connector.to(TEAMS.personalOf(user.id).id).map((s) => textOf(s.activity));
}

/** A coordinator's (or anyone's) message in their personal chat. */
export function tell(bot: TestBot, text: string, from = cora): Promise<Said[]> {
  return say(bot, text, from);
}

/** An action of the demo plan as it is now. */
export async function planAction(bot: TestBot, ref: number) {
  return (await loadPlanView(bot.store.db, PARTNERSHIP))!.actions.find((a) => a.ref === ref)!;
}

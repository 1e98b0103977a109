import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import type { RosterEntry } from '../../bot/local-connector.js';
import { grantRole } from '../../bot/store/people.js';
import { linkPartnershipToTenant } from '../../bot/store/partnerships.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';

const NHS_TENANT = '5e7c0d1a-9b8f-4c3e-a2d1-0f6e5d4c3b2a';
const P = 'City of London';

/** The team's roster as the fake Bot Connector reports it (TeamsChannelAccount on the wire). */
const member = (id: string, name: string, email: string, extra: Partial<RosterEntry> = {}): RosterEntry => ({
  id,
  name,
  objectId: `0000000${id.slice(3)}-0000-4000-8000-000000000000`.slice(-36),
  email,
  userPrincipalName: email,
  tenantId: TEAMS.tenantId,
  userRole: 'user',
  ...extra,
});
const roster = {
  cora: member('29:cora', 'Cora Coordinator', 'cora@cityoflondon.gov.uk'),
  ali: member('29:ali1', 'Ali Tester', 'ali.tester@cityoflondon.gov.uk'),
  evil: member('29:evil', 'ali tester', 'someone.else@cityoflondon.gov.uk'),
  bea: member('29:bea1', 'Beatrice Okafor', 'Bea@Example.org'),
  fakeBea: member('29:bea2', 'Bea', 'bea.other@example.org'),
  gus: member('29:gus1', 'Gus Police (Guest)', 'gus@police.example.uk', {
    userPrincipalName: 'gus_police.example.uk#EXT#@cityoflondon.onmicrosoft.com',
    userRole: 'guest',
  }),
  nia: member('29:nia1', 'Nia Health', 'nia@nhs.example.net', { tenantId: NHS_TENANT }),
};
/** A Teams user as activities carry them: id, name, Entra object id. */
const user = (m: RosterEntry) => ({ id: m.id, name: m.name, aadObjectId: m.objectId });

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await linkPartnershipToTenant(bot.store.db, P, TEAMS.tenantId);
  bot.connector.setMembers(Object.values(roster));
  await grantRole(bot.store.db, { partnership: P, person: asPerson(user(roster.cora)), role: 'coordinator' });
});
afterAll(() => bot.close());
beforeEach(() => bot.connector.clear());

async function say(text: string, from: RosterEntry, extra: Record<string, unknown> = {}) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, mention: true, from: user(from), ...extra }));
  return bot.connector
    .to(TEAMS.channel.id)
    .map((s) => textOf(s.activity))
    .join('\n');
}
const canSeeAudit = async (who: RosterEntry) => !(await say('who changed roles?', who)).includes('Only a coordinator');
const actionLedBy = async (lead: string) => {
  const plan = await loadPlanView(bot.store.db, P);
  const a = plan?.actions.find((x) => x.leads.includes(lead));
  if (!a) throw new Error(`no action led by ${lead}`);
  return a;
};
async function updateAs(who: RosterEntry, lead: string, note: string, conversation?: Record<string, unknown>) {
  const a = await actionLedBy(lead);
  const res = await bot.post(
    makeInvoke(
      bot.connector.url,
      VERBS.submitUpdate,
      { actionId: a.id, version: a.version, rag: 'AMBER', note },
      {
        from: user(who),
        ...(conversation ? { conversation } : {}),
      },
    ),
  );
  return JSON.stringify(res.body.value);
}

describe('display names never grant a role', () => {
  it('a grant by display name is refused with how to grant instead, and a same-named user gains nothing', async () => {
    const reply = await say('make Ali Tester a coordinator', roster.cora);
    expect(reply).toContain('anyone can choose a display name');
    expect(reply).toContain('@mention them');
    expect(await canSeeAudit(roster.evil)).toBe(false);
    expect(await canSeeAudit(roster.ali)).toBe(false);
  });

  it('an @mention grants the person Teams identified, not someone with the same name in other case', async () => {
    const reply = await say('make <at>Ali Tester</at> a coordinator', roster.cora, { mentions: [user(roster.ali)] });
    expect(reply).toContain('Ali Tester is now a coordinator');
    expect(await canSeeAudit(roster.evil)).toBe(false);
    expect(await canSeeAudit(roster.ali)).toBe(true);
  });

  it('a grant by email binds only to the member the roster confirms it for (case ignored), never to a name derived from it', async () => {
    const reply = await say('make bea@example.org a coordinator', roster.cora);
    expect(reply).toContain('will be a coordinator once the Teams roster confirms that address');
    expect(await say('who is waiting to be bound?', roster.cora)).toContain('bea@example.org: coordinator');
    expect(await canSeeAudit(roster.fakeBea)).toBe(false);
    expect(await canSeeAudit(roster.bea)).toBe(true);
    expect(await say('who is waiting to be bound?', roster.cora)).toContain('No grants are waiting');
    const audit = await say('who changed roles?', roster.cora);
    expect(audit).toContain('Teams roster role.bound Beatrice Okafor');
    expect(audit).toContain('member → coordinator (bea@example.org confirmed by the Teams roster)');
  });

  it('a Teams user id where a name was expected is refused, and no person is invented', async () => {
    const before = await bot.store.db.person.count();
    await expect(grantRole(bot.store.db, { partnership: P, who: '29:user-a', role: 'coordinator' })).rejects.toThrow(
      'Nobody with the Teams user id 29:user-a is known',
    );
    expect(await bot.store.db.person.count()).toBe(before);
    expect(await bot.store.db.person.count({ where: { displayName: '29:user-a' } })).toBe(0);
  });

  it('a pending grant lapses after PENDING_GRANT_DAYS and is then never bound', async () => {
    const late = member('29:late', 'Lee Late', 'lee.late@cityoflondon.gov.uk');
    await grantRole(bot.store.db, { partnership: P, who: late.email, role: 'coordinator', now: bot.clock.now() });
    bot.clock.advance(31 * 24 * 3600 * 1000);
    bot.connector.setMembers([...Object.values(roster), late]);
    expect(await say('who is waiting to be bound?', roster.cora)).not.toContain('lee.late');
    expect(await canSeeAudit(late)).toBe(false);
    expect(await say('who changed roles?', roster.cora)).toContain('role.expired lee.late@cityoflondon.gov.uk');
  });
});

describe('partners from other organisations', () => {
  it('a guest made lead by @mention updates their organisation’s action', async () => {
    const reply = await say('make <at>Gus Police (Guest)</at> a lead for CoLP', roster.cora, { mentions: [user(roster.gus)] });
    expect(reply).toContain('Gus Police (Guest) is now a lead for City of London Police Prevent team');
    expect(await updateAs(roster.gus, 'City of London Police Prevent team', 'guest update')).not.toContain("can't update");
    const gus = await bot.store.db.person.findFirst({ where: { chatId: roster.gus.id } });
    expect(gus?.guest).toBe(true);
  });

  it('a shared-channel user from another tenant, granted by email, is bound on first contact and updates', async () => {
    await grantRole(bot.store.db, { partnership: P, who: 'NIA@nhs.example.net', role: 'lead', organisation: 'CST', now: bot.clock.now() });
    const shared = { ...TEAMS.channel, id: '19:shared-prevent@thread.tacv2' };
    const text = await updateAs(roster.nia, 'CoLC Community Safety Team', 'from the NHS', shared);
    expect(text).not.toContain("can't update");
    const nia = await bot.store.db.person.findFirst({ where: { chatId: roster.nia.id } });
    expect(nia).toMatchObject({ role: 'lead', tenantId: NHS_TENANT, email: 'nia@nhs.example.net' });
    const list = await say('who is in the partnership?', roster.cora);
    expect(list).toContain('Nia Health (lead for CoLC Community Safety Team, from another organisation’s tenant)');
    expect(list).toContain('Gus Police (Guest) (lead for City of London Police Prevent team, guest)');
  });
});

describe('the roster', () => {
  it('a member added to the team is bound to the grant waiting for their roster-confirmed address', async () => {
    const newcomer = member('29:newc', 'Noor Newcomer', 'noor@probation.example.gov.uk', {
      userPrincipalName: 'Noor@Probation.example.gov.uk',
    });
    await say('make noor@probation.example.gov.uk a lead for Probation', roster.cora);
    bot.connector.setMembers([...Object.values(roster), newcomer]);
    await bot.post({
      ...makeMessage(bot.connector.url),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [{ id: newcomer.id, aadObjectId: newcomer.objectId }],
      from: user(roster.cora),
    });
    const noor = await bot.store.db.person.findFirst({ where: { aadObjectId: newcomer.objectId }, include: { organisation: true } });
    expect(noor).toMatchObject({ role: 'lead', chatId: newcomer.id, userPrincipalName: 'noor@probation.example.gov.uk' });
    expect(noor?.organisation?.name).toBe('London Probation Service');
    expect(await bot.store.db.person.count({ where: { chatId: { startsWith: 'pending:noor' } } })).toBe(0);
    expect(await say('who changed roles?', roster.cora)).toContain('Teams roster role.bound Noor Newcomer');
  });

  it('on install the whole team is recorded; a removed member loses their role but keeps their history', async () => {
    await bot.post({
      ...makeMessage(bot.connector.url),
      type: 'conversationUpdate',
      text: undefined,
      membersAdded: [TEAMS.bot],
      from: user(roster.cora),
    });
    const list = await say('who is in the partnership?', roster.cora);
    for (const m of [roster.fakeBea, roster.evil, roster.cora]) expect(list).toContain(m.name);
    await bot.post({
      ...makeMessage(bot.connector.url),
      type: 'conversationUpdate',
      text: undefined,
      membersRemoved: [{ id: roster.gus.id, aadObjectId: roster.gus.objectId }],
      from: user(roster.cora),
    });
    expect(await say('who is in the partnership?', roster.cora)).not.toContain('Gus');
    expect(await bot.store.db.person.findFirst({ where: { chatId: roster.gus.id } })).toMatchObject({ role: 'member', panelMember: false });
    expect(await updateAs(roster.gus, 'City of London Police Prevent team', 'after leaving')).toContain("can't update");
    const history = await bot.store.db.actionUpdate.findMany({ where: { note: 'guest update' } });
    expect(history.map((h) => h.actorName)).toEqual(['Gus Police (Guest)']);
    expect(await say('who changed roles?', roster.cora)).toContain('roster.removed Gus Police (Guest)');
  });
});

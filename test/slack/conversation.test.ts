import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { slackWords } from '../support/fake-slack.js';
import { FORM_TYPE, JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';

let s: SlackBot;
const posts = (channel: string) => s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);

async function dm(user: string, text: string): Promise<{ words: string; args: Record<string, any> }> {
  const before = posts(`D0${user}`).length;
  await s.signed(s.dm(user, text), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', () => posts(`D0${user}`).length > before);
  const args = posts(`D0${user}`).at(-1)!.args;
  return { words: slackWords(args), args };
}

async function action(ref: number) {
  const plan = await loadPlanView(s.bot.store.db, 'City of London');
  return plan!.actions.find((a) => a.ref === ref)!;
}

beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'ali.burlington@cityoflondon.gov.uk' });
  await grantRole(s.bot.store.db, {
    partnership: 'City of London',
    who: 'ali.burlington@cityoflondon.gov.uk',
    role: 'lead',
    organisation: 'CST',
  });
  await s.signed(s.mention('U0ALI', 'help'), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
  s.slack.clear();
});
afterEach(async () => {
  await s.close();
});

describe('the typed update conversation in a Slack DM', () => {
  it('"update action 18", "amber", a note, "yes": saved once, announced in the Slack channel, attributed to Ali', async () => {
    const first = await dm('U0ALI', 'update action 18');
    expect(first.words).toContain('Action 18 · Engage with and support faith groups');
    expect(first.words).toContain('What is its RAG rating now?');
    // the rating buttons carry the same verbs as in Teams
    const buttons = (first.args.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    expect(buttons.map((b: any) => b.text.text)).toContain('AMBER – at risk');
    expect((await dm('U0ALI', 'amber')).words).toContain('What has happened since the last update?');
    const summary = await dm('U0ALI', 'Met three faith leaders; forum planned for January.');
    expect(summary.words).toContain('Save this update?');
    expect(summary.words).toContain('RAG: RED → AMBER');
    expect((await dm('U0ALI', 'yes')).words).toContain('Saved: action 18 is RED → AMBER. The partnership channel will be told.');
    const told = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
    expect(slackWords(told.args)).toContain('RED → AMBER, by Ali Burlington (CST)');
    expect((await action(18)).rag).toBe('AMBER');
    const [latest] = await s.bot.store.db.actionUpdate.findMany({
      where: { actionId: (await action(18)).id },
      orderBy: { id: 'desc' },
      take: 1,
    });
    expect(latest).toMatchObject({ ragTo: 'AMBER', source: 'chat', actorName: 'Ali Burlington' });
  });

  it('a rating button in the conversation answers it like typing', async () => {
    const first = await dm('U0ALI', 'update action 18');
    const buttons = (first.args.blocks as any[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const green = buttons.find((b: any) => b.text.text === 'GREEN – on track');
    const before = posts('D0U0ALI').length;
    await s.signed(s.press('U0ALI', { channel: 'D0U0ALI', ts: '1700000002.000100' }, green), FORM_TYPE);
    await s.slack.waitFor('chat.update', () => true).catch(() => null);
    const all = [...s.slack.callsOf('chat.update'), ...posts('D0U0ALI').slice(before)].map((c) => slackWords(c.args)).join('\n');
    expect(all).toContain('What has happened since the last update?');
  });
});

describe('the App Home tab', () => {
  it('opening it publishes the plan board: RAG counts and the actions behind, with buttons', async () => {
    await s.signed(s.eventBody({ type: 'app_home_opened', user: 'U0ALI', channel: 'D0U0ALI', tab: 'home' }), JSON_TYPE);
    const published = await s.slack.waitFor('views.publish');
    expect(published.args.user_id).toBe('U0ALI');
    const view = published.args.view;
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const words = slackWords(view);
    expect(words).toContain('24 actions in total');
    expect(words).toContain('14 actions are RED or AMBER');
  });
});

describe('people across platforms', () => {
  it('a person known in Teams by a roster-confirmed email is the same person in Slack when Slack confirms it too', async () => {
    const db = s.bot.store.db;
    const partnershipId = (await db.partnership.findUniqueOrThrow({ where: { name: 'City of London' } })).id;
    await db.person.create({
      data: {
        partnershipId,
        chatId: '29:jo',
        aadObjectId: '00000000-0000-0000-0000-00000000000a',
        displayName: 'Jo Teams',
        email: 'jo@example.org',
        role: 'coordinator',
        rosterSeenAt: new Date(),
      },
    });
    s.slack.addUser({ id: 'U0JO', name: 'jo', real_name: 'Jo Slack', email: 'JO@example.org' });
    expect((await dm('U0JO', 'who changed roles?')).words).not.toContain("can't");
    const jo = await db.person.findMany({ where: { email: 'jo@example.org' } });
    expect(jo).toHaveLength(1);
    expect(jo[0]).toMatchObject({ chatId: '29:jo', slackTeamId: s.slack.teamId, slackUserId: 'U0JO', role: 'coordinator' });
    // their Slack DM is filed under the same person, so reminders can reach them there
    const dmRef = await db.conversationRef.findUniqueOrThrow({ where: { conversationId: `slack:${s.slack.teamId}:D0U0JO` } });
    expect(dmRef.userChatId).toBe('29:jo');
  });

  it('an email Slack has not confirmed binds nothing, and a display name never identifies anyone', async () => {
    await grantRole(s.bot.store.db, { partnership: 'City of London', who: 'kim@example.org', role: 'coordinator' });
    s.slack.addUser({ id: 'U0KIM', name: 'kim', real_name: 'Ali Burlington', email: 'kim@example.org', is_email_confirmed: false });
    expect((await dm('U0KIM', 'who changed roles?')).words).toContain('coordinator');
    const kim = await s.bot.store.db.person.findFirstOrThrow({ where: { slackUserId: 'U0KIM' } });
    expect(kim).toMatchObject({ role: 'member', email: null });
    // same display name as Ali, but a different Slack user: not Ali, cannot update Ali's actions
    expect((await dm('U0KIM', 'update action 18')).words).toContain("You can't update action 18");
  });
});

describe('workspaces and partnerships', () => {
  it('a workspace linked to no partnership is told so once, and nothing is stored', async () => {
    await s.bot.store.slack.link('Riverside', 'T0OTHER');
    await s.signed(s.dm('U0ALI', "what's amber?"), JSON_TYPE);
    const told = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'D0U0ALI');
    expect(slackWords(told.args)).toContain('not linked to a Prevent partnership');
    await s.signed(s.dm('U0ALI', "what's red?"), JSON_TYPE);
    await new Promise((r) => setTimeout(r, 600));
    expect(posts('D0U0ALI')).toHaveLength(1);
    expect(await s.bot.store.db.conversationRef.count({ where: { conversationId: { contains: 'D0U0ALI' } } })).toBe(0);
  });
});

describe('buttons on the App Home tab', () => {
  it('Update on the board opens the form; the saved card comes by DM; no channel is recorded for the Home tab', async () => {
    await s.signed(s.eventBody({ type: 'app_home_opened', user: 'U0ALI', channel: 'D0U0ALI', tab: 'home' }), JSON_TYPE);
    const home = (await s.slack.waitFor('views.publish')).args.view;
    const update = (home.blocks as any[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements)
      .find((e: any) => e.text.text === 'Update' && JSON.parse(e.value).actionId === 18);
    expect(update).toBeDefined();
    const payload = new URLSearchParams(s.press('U0ALI', { channel: 'x', ts: 'x' }, update)).get('payload')!;
    const fromHome = { ...JSON.parse(payload), container: { type: 'view', view_id: 'VHOME' }, channel: undefined };
    await s.signed(s.interaction(fromHome), FORM_TYPE);
    const opened = (await s.slack.waitFor('views.open')).args.view;
    expect(JSON.parse(opened.private_metadata).channel).toBeUndefined();
    const values = {
      rag: { rag: { type: 'static_select', selected_option: { value: 'GREEN' } } },
      note: { note: { type: 'plain_text_input', value: 'Forum held.' } },
    };
    await s.signed(s.submit('U0ALI', opened, values), FORM_TYPE);
    const dmCard = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'U0ALI');
    expect(slackWords(dmCard.args)).toContain('Saved: action 18 is RED → GREEN');
    const kinds = await s.bot.store.db.conversationRef.findMany({
      where: { platform: 'slack' },
      select: { conversationId: true, kind: true },
    });
    expect(kinds.filter((k) => k.kind === 'channel').map((k) => k.conversationId)).toEqual([`slack:${s.slack.teamId}:C0PARTNERS`]);
  });
});

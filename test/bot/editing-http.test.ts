import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { asPerson, makeInstall, makeMessage, TEAMS } from '../support/activities.js';
import { startTestBot, textOf, type TestBot } from '../support/bot.js';

let bot: TestBot;
const P = 'City of London';
const cora = TEAMS.user('Cora Hale', '29:cora');
const ali = TEAMS.user('Ali Burlington', '29:ali');
const aliShah = TEAMS.user('Ali Shah', '29:alishah');
const jo = TEAMS.user('Jo Marsh', '29:jo');
const pat = TEAMS.user('Pat Evans', '29:pat');
const sam = TEAMS.user('Sam Member', '29:sam');

beforeEach(async () => {
  bot = await startTestBot();
  const db = bot.store.db;
  await grantRole(db, { partnership: P, person: asPerson(cora), role: 'coordinator' });
  await grantRole(db, { partnership: P, person: asPerson(ali), role: 'lead', organisation: 'CST' });
  await grantRole(db, { partnership: P, person: asPerson(jo), role: 'member', organisation: 'CST' });
  await grantRole(db, { partnership: P, person: asPerson(aliShah), role: 'lead', organisation: 'CoLP' });
  await grantRole(db, { partnership: P, person: asPerson(pat), role: 'lead', organisation: 'Probation' });
  await grantRole(db, { partnership: P, person: asPerson(sam), role: 'member' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function plan() {
  const view = await loadPlanView(bot.store.db, P);
  if (!view) throw new Error('no plan');
  return view;
}
async function action(label: string) {
  const found = (await plan()).actions.find((a) => a.label === label);
  if (!found) throw new Error(`no action ${label}`);
  return found;
}
async function history(label: string) {
  return bot.store.db.actionUpdate.findMany({ where: { actionId: (await action(label)).id }, orderBy: { id: 'desc' } });
}
/** Says something to the bot in the channel and returns the words of each reply. */
async function say(text: string, from = cora, extra: Record<string, unknown> = {}) {
  bot.connector.clear();
  const res = await bot.post(makeMessage(bot.connector.url, { text, mention: true, from, ...extra }));
  expect(res.status).toBe(200);
  return bot.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
}
async function personId(user: { aadObjectId: string }) {
  return (await bot.store.db.person.findFirstOrThrow({ where: { aadObjectId: user.aadObjectId.toLowerCase() } })).id;
}

describe('a coordinator edits the plan in chat', () => {
  it('moves a target date with the importer’s date words, recorded in the history with who (by person id) and from what', async () => {
    const before = await action('18');
    const [reply] = await say('move action 18 to end of March');
    expect(reply).toContain('Saved: action 18 target date moved from "Ongoing" to "end of March" (31 March 2027)');
    const after = await action('18');
    expect(after).toMatchObject({ deadlineText: 'end of March', dueDate: '2027-03-31', version: before.version + 1, rag: 'RED' });
    const [entry] = await history('18');
    expect(entry).toMatchObject({
      actorName: 'Cora Hale',
      actorPersonId: await personId(cora),
      source: 'chat',
      ragFrom: 'RED',
      ragTo: 'RED',
    });
    expect(JSON.parse(entry?.changes ?? '[]')).toEqual([
      {
        field: 'deadline',
        from: { text: 'Ongoing', dueDate: null, recurrence: null },
        to: { text: 'end of March', dueDate: '2027-03-31', recurrence: null },
      },
    ]);
    const shown = await say('history of action 18', sam);
    expect(shown[0]).toContain('Target date moved from "Ongoing" to "end of March" (31 March 2027)');
    expect(shown[0]).toContain('Cora Hale');
  });

  it.each([
    ['31/03/2027', '2027-03-31'],
    ['Sep-27', '2027-09-30'],
    ['Q3 2026/27', '2026-12-31'],
    ['Summer term 2027', '2027-07-31'],
    ['TBC', null],
  ])('reads "%s" as the importer does', async (words, due) => {
    await say(`move action 5 to ${words}`);
    expect(await action('5')).toMatchObject({ deadlineText: words, dueDate: due });
  });

  it('rewords an action; the export and the plan board show the new wording', async () => {
    const [reply] = await say('reword action 18: Engage with and support faith and community groups');
    expect(reply).toContain(
      'Saved: action 18 reworded to "Engage with and support faith and community groups" (was "Engage with and support faith groups")',
    );
    expect((await action('18')).title).toBe('Engage with and support faith and community groups');
    const { exportCsv } = await import('../../bot/plan/export.js');
    const { exportXlsx } = await import('../../bot/plan/export-xlsx.js');
    const { buildBoardData } = await import('../../bot/tab/board-data.js');
    const view = await plan();
    expect(exportCsv(view)).toContain('Engage with and support faith and community groups');
    expect(JSON.stringify(buildBoardData(view, [], '2026-11-22').actions.find((a) => a.ref === 18))).toContain(
      'Engage with and support faith and community groups',
    );
    const { parsePlanBytes } = await import('../../bot/import/index.js');
    const xlsx = await parsePlanBytes(await exportXlsx([view]), 'plan.xlsx', view.organisations);
    expect(xlsx.plan.actions.find((a) => a.label === '18')?.title).toBe('Engage with and support faith and community groups');
  });

  it('changes the leads, naming known organisations canonically and listing a new one', async () => {
    const [reply] = await say('action 18 is led by CoLP and Islington council');
    expect(reply).toContain(
      'leads changed from CoLC Community Safety Team, City of London Police Prevent team to City of London Police Prevent team, Islington council',
    );
    expect(reply).toContain('Islington council is new to the partnership');
    expect((await action('18')).leads).toEqual(['City of London Police Prevent team', 'Islington council']);
    const led = await say('what is Islington council leading?', sam);
    expect(led[0]).toContain('Engage with and support faith groups');
  });

  it('moves an action to another theme', async () => {
    const [reply] = await say('move action 18 to the Other theme');
    expect(reply).toContain('moved from theme "Awareness" to "Other"');
    expect((await action('18')).theme).toBe('Other');
  });

  it('adds an action after its neighbours in the theme, unrated, with leads, date and history', async () => {
    const [reply] = await say('add action 11a to Training: Deliver WRAP to youth workers, led by CoLP, due 31/03/2027');
    expect(reply).toContain('Added action 11a to "Training and engagement"');
    const view = await plan();
    const labels = view.actions.map((a) => a.label);
    expect(labels.indexOf('11a')).toBe(labels.indexOf('11') + 1);
    expect(labels.indexOf('12')).toBe(labels.indexOf('11a') + 1);
    expect(await action('11a')).toMatchObject({
      title: 'Deliver WRAP to youth workers',
      theme: 'Training and engagement',
      leads: ['City of London Police Prevent team'],
      deadlineText: '31/03/2027',
      dueDate: '2027-03-31',
      rag: 'UNRATED',
    });
    const [entry] = await history('11a');
    expect(entry).toMatchObject({ actorPersonId: await personId(cora), ragFrom: 'UNRATED', ragTo: 'UNRATED', source: 'chat' });
    expect(entry?.note).toContain('Added to the plan: "Deliver WRAP to youth workers"');
    const shown = await say('show action 11a', sam);
    expect(shown[0]).toContain('Action 11a · Deliver WRAP to youth workers');
    const again = await say('add action 11a to Training: Something else');
    expect(again[0]).toContain('Action 11a is already in the plan');
  });

  it('names an owner among the partnership’s people; "my actions" and "what does … own?" include it', async () => {
    const [reply] = await say('Sam Member owns action 22');
    expect(reply).toContain('Saved: action 22 named owner Sam Member (was nobody)');
    expect((await action('22')).owner).toEqual({ id: await personId(sam), name: 'Sam Member' });
    const mine = await say('my actions', sam);
    expect(mine[0]?.split('\n')[0]).toBe('1 action owned by you');
    expect(mine[0]).toContain('Enhance current working arrangement between Preven');
    await say('Jo Marsh owns action 6');
    const jos = await say('my actions', jo);
    expect(jos[0]?.split('\n')[0]).toBe('23 actions led by CoLC Community Safety Team or owned by you (your organisation)');
    const owns = await say('what does Sam own?', jo);
    expect(owns[0]?.split('\n')[0]).toBe('1 action owned by Sam Member');
    expect((await say('what do I own?', sam))[0]?.split('\n')[0]).toBe('1 action owned by you');
    const card = await say('show action 22', jo);
    expect(card[0]).toContain('Owner: Sam Member');
    const { buildBoardData } = await import('../../bot/tab/board-data.js');
    expect(buildBoardData(await plan(), [], '2026-11-22').actions.find((a) => a.ref === 22)?.owner).toBe('Sam Member');
  });

  it('never guesses an owner: an ambiguous or unknown name lists the candidates and changes nothing', async () => {
    const ambiguous = await say('Ali owns action 18');
    expect(ambiguous[0]).toContain(
      'More than one person is called "Ali": Ali Burlington (CoLC Community Safety Team); Ali Shah (City of London Police Prevent team)',
    );
    const unknown = await say('Alli Burlingtn owns action 18');
    expect(unknown[0]).toContain('I don\'t know anyone called "Alli Burlingtn" in the partnership. Did you mean: Ali Burlington');
    expect((await action('18')).owner).toBeUndefined();
    expect(await history('18')).toHaveLength(1);
  });

  it('closes and reopens an action through the update path, back to its rating before', async () => {
    const closed = await say('close action 18');
    expect(closed.join('\n')).toContain('Closed: action 18 is RED → COMPLETE');
    expect((await action('18')).rag).toBe('COMPLETE');
    const reopened = await say('reopen action 18');
    expect(reopened.join('\n')).toContain('Reopened: action 18 is COMPLETE → RED (its rating before it was closed)');
    expect((await history('18')).map((h) => `${h.ragFrom}>${h.ragTo}:${h.note}`).slice(0, 2)).toEqual([
      'COMPLETE>RED:Reopened',
      'RED>COMPLETE:Closed',
    ]);
  });
});

describe('bad input changes nothing and says why', () => {
  it.each([
    [
      'move action 99 to end of March',
      'There is no action 99 in City of London Prevent Strategic Action Plan. Actions are numbered 1 to 24.',
    ],
    [
      'move action 18 to the Finance theme',
      'The plan has no theme "Finance". Nothing was changed. Its themes are: "Training and engagement", "Policy/Processes", "Awareness", "Other".',
    ],
    [
      'move action 18 to next blursday',
      'I can\'t read "next blursday" as a target date. Nothing was changed. Try a date such as 31/03/2027',
    ],
    ['move action 18 to 31/02/2027', 'I can\'t read "31/02/2027" as a target date.'],
    ['action 18 is led by CoLPP', 'Did you mean City of London Police Prevent team rather than "CoLPP"?'],
    ['add action 30 to Finance: Budget review', 'The plan has no theme "Finance".'],
  ])('%s', async (text, expected) => {
    const before = await plan();
    const replies = await say(text);
    expect(replies.join('\n')).toContain(expected);
    const after = await plan();
    expect(after.actions).toEqual(before.actions);
  });
});

describe('leads and members', () => {
  it('a lead may move their own action’s date and name an owner from their organisation', async () => {
    expect((await say('move action 18 to Q4 2026/27', ali))[0]).toContain('Saved: action 18 target date moved');
    expect((await say('Jo Marsh owns action 18', ali))[0]).toContain('Saved: action 18 named owner Jo Marsh');
    expect((await say('close action 18', ali)).join('\n')).toContain('Closed: action 18');
  });

  it('a lead may not reword, change leads or theme, add actions, or name someone from another organisation', async () => {
    const before = await plan();
    expect((await say('reword action 18: Something else', ali))[0]).toContain(
      'Only a coordinator can change the wording of action 18. Nothing was changed.',
    );
    expect((await say('action 18 is led by CST', ali))[0]).toContain('Only a coordinator can change the leads of action 18');
    expect((await say('move action 18 to the Other theme', ali))[0]).toContain('Only a coordinator can change the theme of action 18');
    expect((await say('add action 25 to Other: New thing', ali))[0]).toContain('Only a coordinator can add actions');
    expect((await say('Ali Shah owns action 18', ali))[0]).toContain(
      'As a lead you can name an owner from CoLC Community Safety Team only',
    );
    expect((await say('move action 22 to end of March', ali))[0]).toContain(
      'Only the plan coordinator or a lead for City of London Police Prevent team, London Probation Service can change action 22',
    );
    expect((await plan()).actions).toEqual(before.actions);
  });

  it('a member may change nothing', async () => {
    const before = await plan();
    expect((await say('move action 18 to end of March', sam))[0]).toContain('Only the plan coordinator or a lead for');
    expect((await say('close action 18', sam))[0]).toContain("You can't update action 18");
    expect((await plan()).actions).toEqual(before.actions);
  });
});

describe('the confidentiality guard', () => {
  it('stops personal data in a new wording or a new action: nothing saved, nothing repeated', async () => {
    const before = await plan();
    const reworded = await say('reword action 18: Support Jamie Smith, aged 14, and his mother');
    expect(reworded.join('\n')).toMatch(/personal data|looked like/i);
    expect(reworded.join('\n')).not.toContain('Jamie');
    const added = await say('add action 25 to Other: Call 07700 900123 about the referral');
    expect(added.join('\n')).not.toContain('07700');
    expect((await plan()).actions).toEqual(before.actions);
  });
});

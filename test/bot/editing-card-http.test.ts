import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { asPerson, makeInstall, makeInvoke, makeMessage, makeSubmit, TEAMS } from '../support/activities.js';
import { cardOf, startTestBot, textOf, type TestBot } from '../support/bot.js';

let bot: TestBot;
const P = 'City of London';
const cora = TEAMS.user('Cora Hale', '29:cora');
const ali = TEAMS.user('Ali Burlington', '29:ali');
const jo = TEAMS.user('Jo Marsh', '29:jo');
const pat = TEAMS.user('Pat Evans', '29:pat');
const sam = TEAMS.user('Sam Member', '29:sam');

beforeEach(async () => {
  bot = await startTestBot();
  const db = bot.store.db;
  await grantRole(db, { partnership: P, person: asPerson(cora), role: 'coordinator' });
  await grantRole(db, { partnership: P, person: asPerson(ali), role: 'lead', organisation: 'CST' });
  await grantRole(db, { partnership: P, person: asPerson(jo), role: 'member', organisation: 'CST' });
  await grantRole(db, { partnership: P, person: asPerson(pat), role: 'lead', organisation: 'CoLP' });
  await grantRole(db, { partnership: P, person: asPerson(sam), role: 'member' });
  await bot.post(makeInstall(bot.connector.url));
  bot.connector.clear();
});
afterEach(async () => {
  await bot.close();
});

async function action(label: string) {
  const found = (await loadPlanView(bot.store.db, P))?.actions.find((a) => a.label === label);
  if (!found) throw new Error(`no action ${label}`);
  return found;
}
const personId = async (user: { aadObjectId: string }) =>
  (await bot.store.db.person.findFirstOrThrow({ where: { aadObjectId: user.aadObjectId.toLowerCase() } })).id;
/** Presses a card button (Action.Execute) and returns the card that replaces the one pressed. */
async function press(verb: string, data: Record<string, unknown>, from = cora) {
  const res = await bot.post(makeInvoke(bot.connector.url, verb, data, { from }));
  expect(res.status).toBe(200);
  const card = res.body.value;
  expect(validateCard(card)).toEqual([]);
  return { card, json: JSON.stringify(card), text: card.fallbackText ?? '' };
}
const inputIds = (card: unknown): string[] =>
  [...JSON.stringify(card).matchAll(/"type":"Input\.\w+","id":"(\w+)"/g)].map((m) => m[1] ?? '');
const hasEdit = (card: unknown) => JSON.stringify(card).includes(`"verb":"${VERBS.openEdit}"`);

async function cardFor(text: string, from = cora) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, mention: true, from }));
  return cardOf(bot.connector.to(TEAMS.channel.id)[0]!.activity);
}

describe('the Edit button on an action card', () => {
  it('shows for coordinators and the action’s leads, not for members', async () => {
    expect(hasEdit(await cardFor('show action 18', cora))).toBe(true);
    expect(hasEdit(await cardFor('show action 18', ali))).toBe(true);
    expect(hasEdit(await cardFor('show action 22', ali))).toBe(false);
    expect(hasEdit(await cardFor('show action 18', sam))).toBe(false);
  });

  it('opens a form with every field for a coordinator; Save changes several fields in one audited entry', async () => {
    const a18 = await action('18');
    const form = await press(VERBS.openEdit, { actionId: a18.id });
    expect(inputIds(form.card)).toEqual(['title', 'deadline', 'leads', 'theme', 'owner']);
    expect(form.json).toContain('Jo Marsh (CoLC Community Safety Team)');
    const saved = await press(VERBS.submitEdit, {
      actionId: a18.id,
      version: a18.version,
      title: 'Engage with and support faith and community groups',
      deadline: 'Q4 2026/27',
      leads: 'CoLC Community Safety Team, City of London Police Prevent team',
      theme: 'Awareness',
      owner: String(await personId(jo)),
    });
    expect(saved.json).toContain(
      'Saved: action 18 reworded to \\"Engage with and support faith and community groups\\" (was \\"Engage with and support faith groups\\"); target date moved from \\"Ongoing\\" to \\"Q4 2026/27\\" (31 March 2027); named owner Jo Marsh (was nobody)',
    );
    expect(saved.json).toContain('Owner');
    expect(await action('18')).toMatchObject({
      title: 'Engage with and support faith and community groups',
      dueDate: '2027-03-31',
      owner: { id: await personId(jo), name: 'Jo Marsh' },
      version: a18.version + 1,
    });
    const entries = await bot.store.db.actionUpdate.findMany({ where: { actionId: a18.id }, orderBy: { id: 'desc' } });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ source: 'card', actorPersonId: await personId(cora), actorChatId: '29:cora' });
    expect(JSON.parse(entries[0]!.changes).map((c: { field: string }) => c.field)).toEqual(['title', 'deadline', 'owner']);

    const stale = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, title: 'An older idea' });
    expect(stale.json).toContain('Someone else changed action 18 since you opened this form, so nothing was saved.');
    expect((await action('18')).title).toBe('Engage with and support faith and community groups');
  });

  it('gives a lead the target date and an owner from their organisation only; a forged wording is refused', async () => {
    const a18 = await action('18');
    const form = await press(VERBS.openEdit, { actionId: a18.id }, ali);
    expect(inputIds(form.card)).toEqual(['deadline', 'owner']);
    expect(form.json).toContain('Jo Marsh');
    expect(form.json).not.toContain('Pat Evans');
    const forged = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, title: 'Lead rewording' }, ali);
    expect(forged.json).toContain('Only a coordinator can change the wording of action 18. Nothing was changed.');
    const other = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, owner: String(await personId(pat)) }, ali);
    expect(other.json).toContain('As a lead you can name an owner from CoLC Community Safety Team only');
    expect((await action('18')).version).toBe(a18.version);
    const moved = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, deadline: '31/01/2027', owner: 'none' }, ali);
    expect(moved.json).toContain('Saved: action 18 target date moved from \\"Ongoing\\" to \\"31/01/2027\\" (31 January 2027)');
  });

  it('refuses a member who presses an old Edit button, and changes nothing', async () => {
    const a18 = await action('18');
    const refused = await press(VERBS.openEdit, { actionId: a18.id }, sam);
    expect(refused.json).toContain(
      'Only the plan coordinator or a lead for CoLC Community Safety Team, City of London Police Prevent team can change action 18.',
    );
    const forged = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, deadline: 'TBC' }, sam);
    expect(forged.json).toContain('Only the plan coordinator or a lead');
    expect((await action('18')).version).toBe(a18.version);
  });

  it('explains bad date words, an unknown organisation typo and an over-long wording on the form', async () => {
    const a18 = await action('18');
    const date = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, deadline: 'when pigs fly' });
    expect(date.json).toContain('I can\'t read \\"when pigs fly\\" as a target date');
    expect(inputIds(date.card)).toContain('deadline');
    const typo = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, leads: 'CoLPP' });
    expect(typo.json).toContain('Did you mean City of London Police Prevent team');
    const long = await press(VERBS.submitEdit, { actionId: a18.id, version: a18.version, title: 'x'.repeat(501) });
    expect(long.json).toContain('the wording is at most 500 characters');
    expect((await action('18')).version).toBe(a18.version);
  });

  it('stops personal data in any field: nothing saved, the count goes up, the text is not put back in a channel', async () => {
    const a18 = await action('18');
    const stopped = await press(VERBS.submitEdit, {
      actionId: a18.id,
      version: a18.version,
      title: 'Support Jamie Smith (DOB 12/03/2011) and his mother',
    });
    expect(stopped.json).toMatch(/date of birth/);
    expect(stopped.json).not.toContain('Jamie');
    expect((await action('18')).version).toBe(a18.version);
    expect(await bot.store.db.stoppedNoteCount.count()).toBe(1);
  });

  it('works from Action.Submit (Teams mobile) as well', async () => {
    const a18 = await action('18');
    bot.connector.clear();
    const res = await bot.post(
      makeSubmit(
        bot.connector.url,
        { verb: VERBS.submitEdit, actionId: a18.id, version: a18.version, deadline: 'Summer term 2027' },
        { from: cora },
      ),
    );
    expect(res.status).toBe(200);
    expect((await action('18')).dueDate).toBe('2027-07-31');
    const sent = bot.connector.to(TEAMS.channel.id).map((s) => textOf(s.activity));
    expect(sent.join('\n')).toContain('Saved: action 18 target date moved');
  });
});

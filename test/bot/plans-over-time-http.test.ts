import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { cardOf, startTestBot, textOf, type TestBot } from '../support/bot.js';

// One bot through the whole life of a plan: the demo plan (2020–24) is live; a coordinator starts next year's plan from it.
let bot: TestBot;
const cleo = TEAMS.user('Cleo Coordinator', '29:cleo');
const sam = TEAMS.user('Sam Member', '29:sam');
const dm = (user: { id: string }) => TEAMS.personalOf(user.id);
const OLD = 'City of London Prevent Strategic Action Plan';
const NEW = 'City of London Prevent Plan 2025–26';
/** the note Ali gave action 22 in the old plan: the latest note, carried over */
const NOTE = 'MAPPA training booked for January with the probation service';

beforeAll(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(cleo), role: 'coordinator' });
  const a22 = await bot.store.db.action.findFirstOrThrow({ where: { ref: 22, plan: { title: OLD } } });
  const applied = await applyUpdate(bot.store.db, {
    actionId: a22.id,
    expectedVersion: a22.version,
    rag: 'RED',
    note: NOTE,
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: 'plans-over-time-a22',
    at: new Date('2026-11-20T10:00:00Z'),
  });
  expect(applied.status).toBe('applied');
});
afterAll(async () => {
  await bot.close();
});

/** Says something to the bot in personal chat and returns the words of its one reply, and its card. */
async function say(text: string, from = cleo) {
  bot.connector.clear();
  const res = await bot.post(makeMessage(bot.connector.url, { text, from, conversation: dm(from) }));
  expect(res.status).toBe(200);
  const sent = bot.connector.to(dm(from).id);
  expect(sent).toHaveLength(1);
  const activity = sent[0]?.activity as never;
  const card = cardOf(activity);
  if (card) expect(validateCard(card)).toEqual([]);
  return { text: textOf(activity), card, first: textOf(activity).split('\n')[0] };
}

const press = (verb: string, data: Record<string, unknown>, from = cleo) =>
  bot.post(makeInvoke(bot.connector.url, verb, data, { from, conversation: dm(from) }));
const planCount = () => bot.store.db.plan.count();

describe("plans over time: start next year's plan, archived plans still answerable", () => {
  let startData: Record<string, unknown>;

  it('"list plans" names the one live plan', async () => {
    const r = await say('list plans');
    expect(r.text).toContain('1 plan for City of London');
    expect(r.text).toContain(`2020–24 · live · "${OLD}" · 24 actions`);
  });

  it('only a coordinator can start next year\'s plan, and "make … live" is theirs too', async () => {
    expect((await say("start next year's plan", sam)).text).toContain("Only a coordinator can start next year's plan.");
    expect((await say('make the 2020–24 plan live', sam)).text).toContain('Only a coordinator can choose the live plan.');
  });

  it("previews next year's plan first: what is carried over and what stays; nothing changes yet", async () => {
    const r = await say(`start next year's plan called ${NEW}`);
    expect(r.first).toBe(`Start the 2025–26 plan ("${NEW}") from 2020–24?`);
    expect(r.text).toContain('22 open actions (all but COMPLETE) will be carried over');
    expect(r.text).toContain('2 complete actions stay in 2020–24.');
    expect(r.text).toContain('RED: 2');
    expect(r.text).toContain('When you press Start, 2025–26 becomes the live plan');
    expect(await planCount()).toBe(1);
    const start = JSON.stringify(r.card).match(/"verb":"plan\.startNext"[^}]*\}/);
    expect(start).toBeTruthy();
    startData = { fromPlanId: (await bot.store.plans.current('City of London'))?.planId, title: NEW, period: '2025–26' };
  });

  it('Start carries the open actions over with refs, themes, leads, RAG and latest note, linked back; the old plan is archived', async () => {
    const res = await press(VERBS.startNextPlan, startData);
    expect(res.status).toBe(200);
    const words = JSON.stringify(res.body.value);
    expect(words).toContain(`\\"${NEW}\\" is now the live plan: 22 open actions carried over`);
    expect(words).toContain('2 complete actions stayed');
    const [old, fresh] = await Promise.all([
      bot.store.db.plan.findFirstOrThrow({ where: { title: OLD } }),
      bot.store.db.plan.findFirstOrThrow({ where: { title: NEW } }),
    ]);
    expect([old.status, fresh.status]).toEqual(['archived', 'live']);
    const [before, after] = await Promise.all(
      [old.id, fresh.id].map((planId) =>
        bot.store.db.action.findMany({
          where: { planId },
          include: { theme: true, leads: { include: { organisation: true }, orderBy: { position: 'asc' } } },
          orderBy: { ref: 'asc' },
        }),
      ),
    );
    const open = (before ?? []).filter((a) => a.rag !== 'COMPLETE');
    expect(
      (after ?? []).map((a) => [a.label, a.theme.name, a.rag, a.leads.map((l) => l.organisation.name), a.carriedFromActionId]),
    ).toEqual(open.map((a) => [a.label, a.theme.name, a.rag, a.leads.map((l) => l.organisation.name), a.id]));
    const live = await bot.store.plans.current('City of London');
    expect(live?.title).toBe(NEW);
    expect(live?.actions.find((a) => a.label === '22')?.lastUpdate).toMatchObject({ by: 'Ali Burlington', note: NOTE });
  });

  it('a second press of Start starts nothing more', async () => {
    const again = await press(VERBS.startNextPlan, startData);
    expect(JSON.stringify(again.body.value)).toContain('The 2025–26 plan was already started');
    expect(await planCount()).toBe(2);
  });

  it('"what\'s red?" is answered from the live plan; "in the 2020–24 plan, what was red?" from the archived one, saying so first', async () => {
    const live = await say("what's red?");
    expect(live.first).toBe('2 actions are RED');
    for (const q of ['in the 2020–24 plan, what was red?', "what was red in last year's plan?", 'In the 2020 to 2024 plan what was red']) {
      const r = await say(q);
      expect(r.first, q).toBe(`From the archived 2020–24 plan ("${OLD}"), kept as a record. The live plan is 2025–26.`);
      expect(r.text, q).toContain('2 actions are RED');
      expect(r.text, q).not.toContain('Update');
    }
  });

  it('"show action 22 in the 2020–24 plan" shows it read-only, saying which plan', async () => {
    const r = await say('show action 22 in the 2020-24 plan');
    expect(r.first).toContain('From the archived 2020–24 plan');
    expect(r.text).toContain('Action 22 · ');
    expect(r.text).toContain('This plan is archived: it is kept as a record and its actions are not updated.');
    expect(JSON.stringify(r.card)).not.toContain(VERBS.submitUpdate);
    const complete = await bot.store.db.action.findFirstOrThrow({ where: { rag: 'COMPLETE', plan: { title: OLD } } });
    const shown = await say(`show action ${complete.label} in last year's plan`);
    expect(shown.text).toContain(`Action ${complete.label} · `);
  });

  it('no plan matches: a clear answer that lists the plans', async () => {
    const r = await say('in the 2012 plan, what was red?');
    expect(r.first).toBe('No plan matches "2012". The plans are:');
    expect(r.text).toContain(`2025–26 · live · "${NEW}" · 22 actions`);
    expect(r.text).toContain(`2020–24 · archived · "${OLD}" · 24 actions`);
  });

  it('"history of action 22" in the new plan shows its history in the 2020–24 plan too', async () => {
    const r = await say('history of action 22');
    expect(r.text).toContain('Carried over from the 2020–24 plan, where it was action 22');
    expect(r.text).toContain(NOTE);
    const archived = await say('history of action 22 in the 2020–24 plan');
    expect(archived.first).toContain('From the archived 2020–24 plan');
    expect(archived.text).toContain(NOTE);
  });

  it("refuses updates to an archived plan's actions, typed or from an old card, and saves nothing", async () => {
    for (const q of ['update 22 in the 2020–24 plan to amber', 'update action 22 to amber in the 2020-24 plan']) {
      const typed = await say(q);
      expect(typed.text, q).toContain('Action 22 is in the archived 2020–24 plan, so nothing was saved');
      expect(typed.text, q).toContain('make the 2020–24 plan live');
    }
    const old22 = await bot.store.db.action.findFirstOrThrow({ where: { ref: 22, plan: { title: OLD } } });
    const res = await press(VERBS.submitUpdate, { actionId: old22.id, version: old22.version, rag: 'GREEN', note: '' });
    expect(JSON.stringify(res.body.value)).toContain('Action 22 is in the archived 2020–24 plan, so nothing was saved');
    const after = await bot.store.db.action.findUniqueOrThrow({ where: { id: old22.id } });
    expect([after.rag, after.version]).toEqual([old22.rag, old22.version]);
    const direct = await applyUpdate(bot.store.db, {
      actionId: old22.id,
      expectedVersion: old22.version,
      rag: 'GREEN',
      note: '',
      progress: null,
      actor: { name: 'Cleo Coordinator', chatId: cleo.id },
      source: 'card',
      idempotencyKey: 'archived-direct',
      at: bot.clock.now(),
    });
    expect(direct.status).toBe('closed');
  });

  it('"list plans" shows both; a coordinator makes the 2020–24 plan live again and back, audited', async () => {
    const listed = await say('list plans');
    expect(listed.text).toContain('2 plans for City of London');
    expect(listed.text.indexOf('2025–26 · live')).toBeLessThan(listed.text.indexOf('2020–24 · archived'));
    const back = await say('make the 2020-24 plan live');
    expect(back.text).toContain('The 2020–24 plan is now live');
    expect(back.text).toContain('The 2025–26 plan is archived');
    expect((await say("what's red?")).first).toBe('2 actions are RED');
    expect((await say('make the 2020–24 plan live')).text).toContain('is already the live plan');
    expect((await say("make next year's plan live")).text).toContain('No plan matches');
    expect((await say('make the 2025–26 plan live')).text).toContain('The 2025–26 plan is now live');
    const audit = await bot.store.audit.list('City of London', { prefix: 'plan.' });
    expect(audit.map((a) => a.action)).toEqual(['plan.live', 'plan.live', 'plan.start-next']);
    expect(audit[2]?.actor).toBe('Cleo Coordinator');
  });
});

import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { readPlanFile } from '../../bot/import/index.js';
import { DEFAULT_ORGANISATIONS } from '../../bot/import/known-organisations.js';
import { grantRole } from '../../bot/store/people.js';
import { linkPartnershipToTenant } from '../../bot/store/partnerships.js';
import { loadPlanView, savePlan } from '../../bot/store/plans.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';

const RIVERSIDE_TENANT = '0b9f2f43-1f55-4c4e-a7c2-6a1d8b6f0d2e';
const UNKNOWN_TENANT = 'ffffffff-1111-2222-3333-444444444444';
const riversideChannel = {
  id: '19:riverside-prevent@thread.tacv2',
  conversationType: 'channel',
  tenantId: RIVERSIDE_TENANT,
  isGroup: true,
};
const riversideData = { tenant: { id: RIVERSIDE_TENANT } };
const ali = TEAMS.user('Ali Burlington', '29:ali');
const rio = TEAMS.user('Rio Lead', '29:rio');

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  const plan = await readPlanFile(path.resolve('test/fixtures/plans/riverside-training-plan.csv'), DEFAULT_ORGANISATIONS);
  await savePlan(bot.store.db, { partnership: 'Riverside', plan, sourceFile: 'riverside.csv', actor: 'test', at: bot.clock.now() });
  await linkPartnershipToTenant(bot.store.db, 'City of London', TEAMS.tenantId);
  await linkPartnershipToTenant(bot.store.db, 'Riverside', RIVERSIDE_TENANT);
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(ali), role: 'lead', organisation: 'CST' });
  await grantRole(bot.store.db, { partnership: 'Riverside', person: asPerson(rio), role: 'lead', organisation: 'Businesses' });
});
afterAll(async () => {
  await bot.close();
});
beforeEach(() => bot.connector.clear());

async function firstReply(activity: Record<string, unknown>) {
  await bot.post(activity);
  return textOf(bot.connector.to((activity.conversation as { id: string }).id)[0]?.activity);
}

const riversideAction = async (ref: number) => (await loadPlanView(bot.store.db, 'Riverside'))!.actions.find((a) => a.ref === ref)!;
const cityAction = async (ref: number) => (await loadPlanView(bot.store.db, 'City of London'))!.actions.find((a) => a.ref === ref)!;

describe('several partnerships in one database', () => {
  it('each channel answers from its own partnership’s plan', async () => {
    const city = await firstReply(makeMessage(bot.connector.url, { text: "what's red?", mention: true }));
    expect(city.split('\n')[0]).toBe('2 actions are RED');
    expect(city).toContain('faith groups');
    const riverside = await firstReply(
      makeMessage(bot.connector.url, {
        text: "what's red?",
        mention: true,
        conversation: riversideChannel,
        channelData: riversideData,
        from: rio,
      }),
    );
    expect(riverside.split('\n')[0]).toBe('1 action is RED');
    expect(riverside).toContain('Engage businesses in the square mile');
    expect(riverside).not.toContain('faith groups');
  });

  it('a lead in one partnership cannot update another partnership’s action from their own channel', async () => {
    const target = await riversideAction(10);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: target.id, version: target.version, rag: 'GREEN', note: 'cross-partnership' },
        { from: ali },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('not in your partnership');
    expect((await riversideAction(10)).rag).toBe('RED');
    expect((await riversideAction(10)).version).toBe(target.version);
  });

  it('nor from the other partnership’s channel, where they hold no role', async () => {
    const target = await riversideAction(10);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: target.id, version: target.version, rag: 'GREEN', note: '' },
        { from: ali, conversation: riversideChannel, channelData: riversideData },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain("You can't update action 10");
    expect((await riversideAction(10)).rag).toBe('RED');
  });

  it('a Riverside lead cannot reach a City of London action, even by its id', async () => {
    const target = await cityAction(18);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: target.id, version: target.version, rag: 'GREEN', note: '' },
        { from: rio, conversation: riversideChannel, channelData: riversideData },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('not in your partnership');
    expect((await cityAction(18)).rag).toBe('RED');
    const shown = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.showAction,
        { actionId: target.id },
        { from: rio, conversation: riversideChannel, channelData: riversideData },
      ),
    );
    expect(JSON.stringify(shown.body)).not.toContain('faith groups');
  });

  it('the Riverside lead updates their own action, and only Riverside’s channel hears of it', async () => {
    await firstReply(
      makeMessage(bot.connector.url, {
        text: 'help',
        mention: true,
        conversation: riversideChannel,
        channelData: riversideData,
        from: rio,
      }),
    );
    bot.connector.clear();
    const target = await riversideAction(10);
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: target.id, version: target.version, rag: 'AMBER', note: 'Ten businesses engaged' },
        { from: rio, conversation: riversideChannel, channelData: riversideData },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('Saved: action 10 is RED → AMBER');
    expect(bot.connector.to(riversideChannel.id).some((s) => textOf(s.activity).includes('RED → AMBER, by Rio Lead'))).toBe(true);
    expect(bot.connector.to(TEAMS.channelId)).toHaveLength(0);
  });

  it('a tenant linked to no partnership is told so, and nothing is stored', async () => {
    const stranger = { id: '19:elsewhere@thread.tacv2', conversationType: 'channel', tenantId: UNKNOWN_TENANT };
    const text = await firstReply(
      makeMessage(bot.connector.url, { text: "what's red?", conversation: stranger, channelData: { tenant: { id: UNKNOWN_TENANT } } }),
    );
    expect(text).toContain('not linked to a Prevent partnership');
    expect(await bot.store.db.conversationRef.count({ where: { conversationId: stranger.id } })).toBe(0);
  });
});

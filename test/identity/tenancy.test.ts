import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPartnershipToTenant, partnershipForTenant } from '../../bot/store/partnerships.js';
import { startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { VERBS } from '../../cards/verbs.js';
import { grantRole } from '../../bot/store/people.js';

const UNLINKED = 'ffffffff-1111-2222-3333-444444444444';
const OWN = TEAMS.tenantId;

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
  await linkPartnershipToTenant(bot.store.db, 'City of London', OWN);
});
afterAll(() => bot.close());

const counts = async () => ({
  conversations: await bot.store.db.conversationRef.count(),
  people: await bot.store.db.person.count(),
  audit: await bot.store.db.auditEntry.count(),
  updates: await bot.store.db.actionUpdate.count(),
});

describe('a tenant linked to no partnership', () => {
  const outsider = { id: '29:outsider', name: 'Ali Burlington', aadObjectId: 'aad-outsider' };
  const conversation = { id: '19:elsewhere@thread.tacv2', conversationType: 'channel', tenantId: UNLINKED, isGroup: true };
  const channelData = { tenant: { id: UNLINKED }, team: { id: '19:elsewhere-team@thread.tacv2' } };

  it('is told once that the conversation is not linked, and nothing is stored or changed', async () => {
    await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(TEAMS.user()), role: 'coordinator' });
    const before = await counts();
    bot.connector.clear();
    for (const text of ["what's red?", 'make <at>Ali Burlington</at> a coordinator']) {
      const res = await bot.post(
        makeMessage(bot.connector.url, { text, mention: true, from: outsider, conversation, channelData, mentions: [outsider] }),
      );
      expect(res.status).toBe(200);
    }
    const told = bot.connector.to(conversation.id);
    expect(told).toHaveLength(1);
    expect(textOf(told[0]?.activity)).toContain('not linked to a Prevent partnership');
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        VERBS.submitUpdate,
        { actionId: 1, version: 1, rag: 'GREEN', note: 'x' },
        { from: outsider, conversation, channelData },
      ),
    );
    expect(JSON.stringify(res.body.value)).toContain('not linked to a Prevent partnership');
    expect(await counts()).toEqual(before);
  });
});

describe('the default partnership in production', () => {
  it('serves the bot’s own tenant only, never an unlinked one', async () => {
    const production = { production: true, ownTenantId: 'own-tenant' };
    const db = bot.store.db;
    await db.partnership.updateMany({ data: { tenantId: null } });
    expect(await partnershipForTenant(db, UNLINKED, 'City of London', production)).toBeNull();
    expect(await partnershipForTenant(db, undefined, 'City of London', production)).toBeNull();
    expect(await partnershipForTenant(db, 'own-tenant', 'City of London', production)).toBe('City of London');
    // outside production a single-partnership deployment with nothing linked still serves everyone (local development)
    expect(await partnershipForTenant(db, UNLINKED, 'City of London')).toBe('City of London');
    await linkPartnershipToTenant(db, 'City of London', OWN);
  });
});

import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import { validateCard } from '../../cards/validate.js';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';

const P = 'City of London';
const ali = TEAMS.user('Ali Burlington', '29:ali');
const sam = TEAMS.user('Sam Member', '29:sam');
const personal = TEAMS.personalOf('29:ali');
let bot: TestBot;

beforeEach(async () => {
  bot = await startTestBot({ now: '2026-11-25T12:00:00Z' });
  await grantRole(bot.store.db, { partnership: P, person: asPerson(ali), role: 'coordinator' });
  const plan = await loadPlanView(bot.store.db, P);
  const a18 = plan?.actions.find((a) => a.ref === 18);
  if (!a18) throw new Error('no action 18');
  await applyUpdate(bot.store.db, {
    actionId: a18.id,
    expectedVersion: a18.version,
    rag: 'AMBER',
    note: 'Met three faith leaders; forum planned for January.',
    progress: null,
    actor: { name: 'Ali Burlington', chatId: '29:ali' },
    source: 'card',
    idempotencyKey: 'a18-1',
    at: new Date('2026-11-20T10:00:00Z'),
  });
});
afterEach(() => bot.close());

async function say(text: string, options: { from?: object; conversation?: object } = {}) {
  bot.connector.clear();
  await bot.post(makeMessage(bot.connector.url, { text, from: ali, conversation: personal, ...options }));
  return bot.connector.sent.map((s) => ({ conversationId: s.conversationId, ...s.activity }));
}

interface Consent {
  contentType: string;
  name?: string;
  content: { sizeInBytes: number; acceptContext: { reportId: number }; declineContext: { reportId: number } };
}
/** The item at an index, or a failed test when there is none. */
function nth<T>(list: T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`expected at least ${index + 1} item(s), got ${list.length}`);
  return item;
}

const consentOf = (activity: { attachments?: unknown[] }) =>
  (activity.attachments as Consent[] | undefined)?.find((a) => a.contentType === 'application/vnd.microsoft.teams.card.file.consent');

describe('the board report in chat, over HTTP', () => {
  it('a coordinator gets the summary card and a file consent card; accepting uploads the .docx and shows a file card; approving makes it immutable', async () => {
    const sent = await say(
      'draft the board report for the 4 December board since 1 September with 0 Channel referrals, 4 training sessions and 55 attendees',
    );
    expect(sent.map((s) => s.conversationId)).toEqual([personal.id, personal.id]);
    const card = cardOf(nth(sent, 0));
    expect(validateCard(card)).toEqual([]);
    expect(textOf(nth(sent, 0))).toContain('Draft board report 1: Community Safety Partnership, 4 December 2026');
    expect(textOf(nth(sent, 0))).toContain('Action 18 (Engage with and support faith groups) improved, from RED to AMBER');
    const consent = consentOf(nth(sent, 1));
    expect(consent).toMatchObject({
      name: 'Prevent-Update-2026-12-04-v1.docx',
      content: { acceptContext: { reportId: expect.any(Number) } },
    });
    expect(consent?.content.sizeInBytes).toBeGreaterThan(5000);

    bot.connector.clear();
    const uploadInfo = {
      name: consent?.name,
      uploadUrl: `${bot.connector.url}/uploads/${consent?.name}`,
      contentUrl: 'https://contoso-my.sharepoint.com/personal/ali/Documents/Applications/Prevent-Update-2026-12-04-v1.docx',
      uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D',
      fileType: 'docx',
    };
    const accepted = await bot.post(
      makeInvoke(
        bot.connector.url,
        '',
        {},
        {
          name: 'fileConsent/invoke',
          from: ali,
          conversation: personal,
          value: { type: 'fileUpload', action: 'accept', context: consent?.content.acceptContext, uploadInfo },
        },
      ),
    );
    expect(accepted.status).toBe(200);
    const upload = bot.connector.uploads.get(consent?.name ?? '');
    expect(upload?.body.length).toBe(consent?.content.sizeInBytes);
    expect(upload?.contentRange).toBe(`bytes 0-${(upload?.body.length ?? 0) - 1}/${upload?.body.length}`);
    const { value: text } = await mammoth.extractRawText({ buffer: upload?.body ?? Buffer.alloc(0) });
    expect(text).toContain('There have been no new Channel cases since the Community Safety Partnership meeting of 1 September 2026.');
    expect(text).toContain('Action 18 (Engage with and support faith groups) improved, from RED to AMBER, on 20 November 2026');
    const fileCard = nth(bot.connector.to(personal.id), 0).activity.attachments?.[0];
    expect(fileCard).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      contentUrl: uploadInfo.contentUrl,
      content: { uniqueId: uploadInfo.uniqueId, fileType: 'docx' },
    });

    const reportId = consent?.content.acceptContext.reportId;
    const approved = await bot.post(
      makeInvoke(bot.connector.url, VERBS.approveReport, { reportId }, { from: ali, conversation: personal }),
    );
    expect(approved.status).toBe(200);
    expect(JSON.stringify(approved.body.value)).toContain('Approved board report 1');
    expect(JSON.stringify(approved.body.value)).not.toContain('Approve this draft');
    await expect(bot.store.db.boardReport.update({ where: { id: reportId }, data: { content: '{}' } })).rejects.toThrow();
    const again = await say('approve board report 1');
    expect(textOf(nth(again, 0))).toContain('Approved by Ali Burlington on 25 November 2026');

    const listed = await say('list board reports');
    expect(textOf(nth(listed, 0))).toContain(
      'Version 1 · Community Safety Partnership, 4 December 2026 · 1 September 2026 to 25 November 2026 · approved by Ali Burlington',
    );

    bot.clock.set('2027-02-20T12:00:00Z');
    const next = await say('draft the board report for the 5 March board');
    expect(textOf(nth(next, 0))).toContain('Draft board report 2');
    expect(textOf(nth(next, 0))).toContain('Period: 25 November 2026 to 20 February 2027');
  });

  it('a coordinator asking in the channel gets the card there and the file offer in personal chat only', async () => {
    await say('help');
    const sent = await say('draft the board report for the 4 December board', { conversation: TEAMS.channel });
    const inChannel = sent.filter((s) => s.conversationId === TEAMS.channel.id);
    const inPersonal = sent.filter((s) => s.conversationId === personal.id);
    expect(inChannel.some((s) => consentOf(s))).toBe(false);
    expect(textOf(nth(inChannel, 0))).toContain('Draft board report 1');
    expect(textOf(nth(inChannel, 1))).toContain('I have sent you the Word file in our personal chat.');
    expect(inPersonal.map((s) => consentOf(s)?.name)).toEqual(['Prevent-Update-2026-12-04-v1.docx']);
  });

  it('refuses someone who is not a coordinator, a date it cannot read, and typed text that looks like a Channel case', async () => {
    expect(
      textOf(nth(await say('draft the board report for the 4 December board', { from: sam, conversation: TEAMS.personalOf('29:sam') }), 0)),
    ).toContain('Only a coordinator can draft the board report');
    expect(textOf(nth(await say('draft the board report for the next board'), 0))).toContain('I could not read “next” as a date');
    const refused = await say('draft the board report for the 4 December board with 1 Channel referral CH-2026-014');
    expect(textOf(nth(refused, 0))).toContain('looks like a Channel case reference');
    expect(await bot.store.db.boardReport.count()).toBe(0);
  });

  it('a retried request (same activity id) makes one draft, not two, and is answered once', async () => {
    const activity = makeMessage(bot.connector.url, {
      text: 'draft the board report for the 4 December board',
      from: ali,
      conversation: personal,
    });
    await bot.post(activity);
    await bot.post(activity);
    expect(await bot.store.db.boardReport.count()).toBe(1);
    const texts = bot.connector.to(personal.id).map((s) => textOf(s.activity));
    expect(texts.filter((t) => t.startsWith('Draft board report 1'))).toHaveLength(1);
  });

  it('a declined file offer is acknowledged and nothing is uploaded', async () => {
    const sent = await say('draft the board report for the 4 December board');
    const consent = consentOf(nth(sent, 1));
    bot.connector.clear();
    const res = await bot.post(
      makeInvoke(
        bot.connector.url,
        '',
        {},
        {
          name: 'fileConsent/invoke',
          from: ali,
          conversation: personal,
          value: { type: 'fileUpload', action: 'decline', context: consent?.content.declineContext },
        },
      ),
    );
    expect(res.status).toBe(200);
    expect(bot.connector.uploads.size).toBe(0);
    expect(textOf(nth(bot.connector.to(personal.id), 0).activity)).toContain('I have not sent the Word file');
  });
});

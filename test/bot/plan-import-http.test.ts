import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateCard } from '../../cards/validate.js';
import { VERBS } from '../../cards/verbs.js';
import { TEAMS_FILE_DOWNLOAD_INFO } from '../../bot/import/teams-file.js';
import { grantRole } from '../../bot/store/people.js';
import { applyUpdate } from '../../bot/store/updates.js';
import { northshireXlsx } from '../import/partner-plans.js';
import { asPerson, makeInvoke, makeMessage, TEAMS } from '../support/activities.js';
import { cardOf, startTestBot, type TestBot, textOf } from '../support/bot.js';

let bot: TestBot;
let files: Server;
let filesUrl: string;
let downloads = 0;
const cleo = TEAMS.user('Cleo Coordinator', '29:cleo');
const sam = TEAMS.user('Sam Member', '29:sam');
const dm = (user: { id: string }) => TEAMS.personalOf(user.id);

beforeEach(async () => {
  bot = await startTestBot();
  await grantRole(bot.store.db, { partnership: 'City of London', person: asPerson(cleo), role: 'coordinator' });
  const workbook = await northshireXlsx();
  downloads = 0;
  // The file as OneDrive serves it to the bot: a plain GET on the pre-authorised download URL.
  files = createServer((req, res) => {
    if (req.url !== '/download/northshire') return void res.writeHead(404).end();
    downloads++;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': workbook.length }).end(workbook);
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => files.close(resolve));
  await bot.close();
});

/** A file sent to the bot in personal chat, shaped as Teams sends it (Microsoft Learn, "Send and receive files using bot"). */
function sendFile(from: { id: string; name: string }, path = '/download/northshire') {
  bot.connector.clear();
  return bot.post(
    makeMessage(bot.connector.url, {
      text: '',
      from,
      conversation: dm(from),
      channelData: { tenant: { id: TEAMS.tenantId } },
      attachments: [
        {
          contentType: TEAMS_FILE_DOWNLOAD_INFO,
          contentUrl: 'https://contoso.sharepoint.com/personal/cleo_contoso_org/Documents/Applications/Northshire plan.xlsx',
          name: 'Northshire plan.xlsx',
          content: { downloadUrl: `${filesUrl}${path}`, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: 'xlsx', etag: '123' },
        },
      ],
    }),
  );
}

const replies = (user: { id: string }) => bot.connector.to(dm(user).id).map((s) => s.activity);
const planCount = () => bot.store.db.plan.count({ where: { title: 'Northshire Prevent Action Plan 2025/26' } });

function press(verb: string, importId: number, from = cleo, extra: Record<string, unknown> = {}) {
  return bot.post(makeInvoke(bot.connector.url, verb, { importId, ...extra }, { from, conversation: dm(from) }));
}

function importIdOf(activity: { attachments?: unknown[] }): number {
  const card = JSON.stringify(cardOf(activity as never));
  return Number(card.match(/"importId":(\d+)/)?.[1]);
}

describe('a coordinator imports a plan by sending the file in personal chat', () => {
  it('previews it, changes nothing until Import, imports on the button, and a second send reports no changes', async () => {
    expect((await sendFile(cleo)).status).toBe(200);
    expect(downloads).toBe(1);
    const [preview] = replies(cleo);
    expect(textOf(preview)).toContain('Import "Northshire Prevent Action Plan 2025/26" from Northshire plan.xlsx?');
    expect(textOf(preview)).toContain('5 actions in 2 themes');
    expect(textOf(preview)).toContain('Objective 2: Training: 3');
    expect(textOf(preview)).toContain('GREEN: 1');
    expect(textOf(preview)).toContain('A new plan: 5 actions to create.');
    // another plan is live: the file's plan does not silently replace it
    expect(textOf(preview)).toContain('This will be a new plan, 2025–26; the live plan stays 2020–24 unless you make it live.');
    expect(textOf(preview)).toContain('Import and make it live');
    expect(textOf(preview)).toContain('"Start" is not one the importer maps');
    expect(validateCard(cardOf(preview as never))).toEqual([]);
    expect(await planCount()).toBe(0);

    const imported = await press(VERBS.importPlan, importIdOf(preview as never));
    expect(imported.status).toBe(200);
    expect(JSON.stringify(imported.body.value)).toContain('Imported \\"Northshire Prevent Action Plan 2025/26\\"');
    expect(JSON.stringify(imported.body.value)).toContain('New plan: 5 actions created.');
    expect(JSON.stringify(imported.body.value)).toContain('The 2025–26 plan is not live yet');
    expect((await bot.store.plans.current('City of London'))?.title).toBe('City of London Prevent Strategic Action Plan');
    expect(await planCount()).toBe(1);
    const labels = await bot.store.db.action.findMany({
      where: { plan: { title: 'Northshire Prevent Action Plan 2025/26' } },
      orderBy: { ref: 'asc' },
    });
    expect(labels.map((a) => a.label)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3a']);

    const again = await press(VERBS.importPlan, importIdOf(preview as never));
    expect(JSON.stringify(again.body.value)).toContain('expired or was already used');

    await sendFile(cleo);
    const [second] = replies(cleo);
    expect(textOf(second)).toContain('Against the current plan: 0 new, 0 changed, 5 unchanged.');
    expect(textOf(second)).toContain('No changes.');
    const cancelled = await press(VERBS.cancelImport, importIdOf(second as never));
    expect(JSON.stringify(cancelled.body.value)).toContain('Cancelled: nothing was imported from Northshire plan.xlsx.');
  });

  it("lists a RAG changed in chat since as a conflict; Import keeps it, the second button takes the file's", async () => {
    await sendFile(cleo);
    await press(VERBS.importPlan, importIdOf(replies(cleo)[0] as never), cleo, { makeLive: true });
    const a11 = await bot.store.db.action.findFirstOrThrow({
      where: { label: '1.1', plan: { title: 'Northshire Prevent Action Plan 2025/26' } },
    });
    const applied = await applyUpdate(bot.store.db, {
      actionId: a11.id,
      expectedVersion: a11.version,
      rag: 'RED',
      note: 'Partners pulled out of the review',
      progress: null,
      actor: { name: 'Cleo Coordinator', chatId: cleo.id },
      source: 'chat',
      idempotencyKey: 'conflict-test',
      at: new Date(bot.clock.now().getTime() + 60_000),
    });
    expect(applied.status).toBe('applied');
    const rag = async () => (await bot.store.db.action.findUniqueOrThrow({ where: { id: a11.id } })).rag;

    await sendFile(cleo);
    const [preview] = replies(cleo);
    expect(textOf(preview)).toContain('Conflict, action 1.1: changed in chat since it was imported; the plan says RED');
    expect(textOf(preview)).toContain("Import, taking the file's ratings");
    const kept = await press(VERBS.importPlan, importIdOf(preview as never));
    expect(JSON.stringify(kept.body.value)).toContain('Action 1.1 was changed in chat since it was imported: it keeps its RED rating');
    expect(await rag()).toBe('RED');

    await sendFile(cleo);
    const id = importIdOf(replies(cleo)[0] as never);
    const taken = await bot.post(
      makeInvoke(bot.connector.url, VERBS.importPlan, { importId: id, prefer: 'file' }, { from: cleo, conversation: dm(cleo) }),
    );
    expect(JSON.stringify(taken.body.value)).toContain("it now has the file's GREEN rating");
    expect(await rag()).toBe('GREEN');
  });

  it('asks in chat "show action 2.3a" and gets that action (the plan imported and made live)', async () => {
    await sendFile(cleo);
    const made = await press(VERBS.importPlan, importIdOf(replies(cleo)[0] as never), cleo, { makeLive: true });
    expect(JSON.stringify(made.body.value)).toContain(
      'The 2025–26 plan is now live; \\"City of London Prevent Strategic Action Plan\\" is archived',
    );
    bot.connector.clear();
    await bot.post(makeMessage(bot.connector.url, { text: 'show action 2.3a', from: cleo, conversation: dm(cleo) }));
    expect(textOf(replies(cleo)[0])).toContain('Action 2.3a · Run the monthly referral clinic');
  });

  it('refuses someone who is not a coordinator, without downloading the file', async () => {
    await sendFile(sam);
    expect(textOf(replies(sam)[0])).toContain('Only a coordinator can import a plan.');
    expect(downloads).toBe(0);
    expect(await planCount()).toBe(0);
  });

  it('says so when the download fails, and saves nothing', async () => {
    await sendFile(cleo, '/download/gone');
    expect(textOf(replies(cleo)[0])).toContain('could not be downloaded from Teams (HTTP 404)');
    expect(await bot.store.db.pendingImport.count()).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantRole } from '../../bot/store/people.js';
import { loadPlanView } from '../../bot/store/plans.js';
import { slackWords, type SlackCall } from '../support/fake-slack.js';
import { FORM_TYPE, JSON_TYPE, startSlackBot, type SlackBot } from '../support/slack.js';

let s: SlackBot;
const settle = () => new Promise((r) => setTimeout(r, 600));

beforeEach(async () => {
  s = await startSlackBot();
  s.slack.addUser({ id: 'U0ALI', name: 'ali', real_name: 'Ali Burlington', email: 'Ali.Burlington@cityoflondon.gov.uk' });
  s.slack.addUser({ id: 'U0SAM', name: 'sam', real_name: 'Sam Member', email: 'sam@example.org' });
  // granted by email before Ali ever used Slack: bound when users.info confirms the address
  await grantRole(s.bot.store.db, {
    partnership: 'City of London',
    who: 'ali.burlington@cityoflondon.gov.uk',
    role: 'lead',
    organisation: 'CST',
  });
  // the partnership's Slack channel: the bot has been asked something there
  await s.signed(s.mention('U0SAM', 'help'), JSON_TYPE);
  await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
  s.slack.clear();
});
afterEach(async () => {
  await s.close();
});

async function action(ref: number) {
  const plan = await loadPlanView(s.bot.store.db, 'City of London');
  return plan!.actions.find((a) => a.ref === ref)!;
}
const historyCount = async (ref: number) => s.bot.store.db.actionUpdate.count({ where: { actionId: (await action(ref)).id } });

/** The action card Ali gets in a DM for "show action 18". */
async function cardInDm(user = 'U0ALI'): Promise<SlackCall> {
  await s.signed(s.dm(user, 'show action 18'), JSON_TYPE);
  return s.slack.waitFor('chat.postMessage', (a) => a.channel === `D0${user}`);
}

function buttonTitled(call: SlackCall, title: string) {
  for (const block of call.args.blocks as any[]) {
    if (block.type !== 'actions') continue;
    const found = block.elements.find((e: any) => e.text.text === title);
    if (found) return found;
  }
  throw new Error(`No button "${title}" in ${slackWords(call.args)}`);
}

/** Presses a button of a posted message and returns the modal it opened. */
async function openForm(call: SlackCall, title: string, user = 'U0ALI') {
  const message = { channel: call.args.channel, ts: '1700000001.000100', blocks: call.args.blocks };
  const res = await s.signed(s.press(user, message, buttonTitled(call, title)), FORM_TYPE);
  expect(res.status).toBe(200);
  return s.slack.waitFor('views.open');
}

const formValues = (rag: string, note: string) => ({
  rag: { rag: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: rag }, value: rag } } },
  note: { note: { type: 'plain_text_input', value: note } },
});

describe('a lead updates an action from Slack: RAG button, then a modal', () => {
  it('RED → AMBER with a note: modal preset, saved once, the DM card updated, the Slack channel told', async () => {
    const card = await cardInDm();
    const words = slackWords(card.args);
    expect(words).toContain('RAG: RED');
    expect(words).not.toContain("You can't update");
    const opened = await openForm(card, 'AMBER – at risk');
    const view = opened.args.view;
    expect(view.type).toBe('modal');
    expect(view.callback_id).toBe('prevent.form');
    const rag = view.blocks.find((b: any) => b.block_id === 'rag');
    expect(rag.element.initial_option.value).toBe('AMBER');
    expect(view.blocks.some((b: any) => b.block_id === 'note' && b.element.type === 'plain_text_input')).toBe(true);

    const res = await s.signed(
      s.submit('U0ALI', view, formValues('AMBER', 'Met three faith leaders; forum planned for January.')),
      FORM_TYPE,
    );
    expect(res.status).toBe(200);
    expect(res.body).toBeNull(); // acknowledged with an empty body: the modal closes
    const updated = await s.slack.waitFor('chat.update');
    expect(updated.args.channel).toBe('D0U0ALI');
    expect(slackWords(updated.args)).toContain('Saved: action 18 is RED → AMBER');
    const told = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
    expect(slackWords(told.args)).toContain('Action 18 · Engage with and support faith groups: RED → AMBER, by Ali Burlington (CST)');
    expect(slackWords(told.args)).not.toContain('Met three faith leaders'); // notes stay out of the channel by default
    expect((await action(18)).rag).toBe('AMBER');
    expect(await historyCount(18)).toBe(2);

    // the same modal saved again (a double click): one update
    await s.signed(s.submit('U0ALI', view, formValues('AMBER', 'Met three faith leaders; forum planned for January.')), FORM_TYPE);
    await settle();
    expect(await historyCount(18)).toBe(2);
    expect(s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0PARTNERS')).toHaveLength(1);
  });

  it('a stale version keeps the modal open with the note and the current rating; nothing saved', async () => {
    const card = await cardInDm();
    const opened = await openForm(card, 'GREEN – on track');
    const a18 = await action(18);
    await s.bot.store.actions.applyUpdate({
      actionId: a18.id,
      expectedVersion: a18.version,
      rag: 'AMBER',
      note: 'Someone else first',
      progress: null,
      actor: { name: 'Coordinator', chatId: null },
      source: 'cli',
      idempotencyKey: 'someone-else-first',
      at: new Date(),
    });
    const res = await s.signed(
      s.submit('U0ALI', opened.args.view, formValues('GREEN', 'My careful note that must not be lost')),
      FORM_TYPE,
    );
    expect(res.status).toBe(200);
    expect(res.body.response_action).toBe('update');
    const words = slackWords(res.body.view);
    expect(words).toContain('Someone else updated action 18');
    expect(words).toContain('It is now AMBER');
    expect(JSON.stringify(res.body.view)).toContain('My careful note that must not be lost');
    expect((await action(18)).rag).toBe('AMBER');
  });

  it('a note with personal data is stopped in the modal: told what, text kept, nothing saved or posted', async () => {
    const card = await cardInDm();
    const opened = await openForm(card, 'AMBER – at risk');
    const res = await s.signed(s.submit('U0ALI', opened.args.view, formValues('AMBER', 'Spoke to her mum on 07700 900123')), FORM_TYPE);
    expect(res.body.response_action).toBe('update');
    expect(slackWords(res.body.view)).toMatch(/phone number/);
    await settle();
    expect((await action(18)).rag).toBe('RED');
    expect(s.slack.callsOf('chat.postMessage').filter((c) => c.args.channel === 'C0PARTNERS')).toHaveLength(0);
  });

  it('a member pressing a RAG button in the channel gets no form: told, only to them, who can update', async () => {
    await s.signed(s.mention('U0SAM', 'show action 18'), JSON_TYPE);
    const card = await s.slack.waitFor('chat.postMessage', (a) => a.channel === 'C0PARTNERS');
    expect(slackWords(card.args)).toContain("You can't update this action");
    expect((card.args.blocks as any[]).some((b) => b.block_id?.startsWith('update:'))).toBe(false);
    // a forged press (an old card, or a hand-made payload) is refused the same way
    const forged = {
      action_id: 'form:2',
      value: JSON.stringify({ verb: 'action.refresh', actionId: (await action(18)).id, form: true, preset: { rag: 'GREEN' } }),
    };
    await s.signed(s.press('U0SAM', { channel: 'C0PARTNERS', ts: '1700000001.000100' }, forged), FORM_TYPE);
    const told = await s.slack.waitFor('chat.postEphemeral');
    expect(told.args.user).toBe('U0SAM');
    expect(slackWords(told.args)).toContain("You can't update this action");
    expect(s.slack.callsOf('views.open')).toHaveLength(0);
    // and a forged modal submission saves nothing
    const view = {
      callback_id: 'prevent.form',
      private_metadata: JSON.stringify({
        verb: 'action.update',
        data: { verb: 'action.update', actionId: (await action(18)).id, version: 1 },
        channel: 'C0PARTNERS',
      }),
    };
    await s.signed(s.submit('U0SAM', view, formValues('GREEN', 'sneaky')), FORM_TYPE);
    await settle();
    expect((await action(18)).rag).toBe('RED');
  });
});

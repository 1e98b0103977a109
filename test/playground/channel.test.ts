import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cards, chooseRag, type Rig, screenshot, SLOW, startRig } from './playground.js';

// The bot in a team channel of the Microsoft 365 Agents Playground, which keeps threads as Teams does (a post and its
// replies; a reply's conversation id ends ";messageid=<post>"). "post updates here" said in a thread is answered in
// that thread; RAG changes after it are new posts in the channel, not replies under that old thread.

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 300_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(rig.page, `channel-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await rig?.stop();
}, 60_000);

describe('a team channel in the Agents Playground', () => {
  it('"post updates here" in a thread; a later RAG change arrives as a new channel post', { timeout: 180_000 }, async () => {
    const { page } = rig;
    await page.getByRole('treeitem', { name: 'General' }).click();
    const newPost = page.getByRole('group').filter({ hasText: 'Start a new post' }).locator('[data-lexical-editor="true"]');
    await newPost.click();
    // in a channel the bot hears only messages that @mention it (the Playground, like Teams, delivers no others)
    await page.keyboard.type('@Test');
    await page.getByRole('menuitem', { name: 'Test Bot' }).click();
    await page.keyboard.type(' post updates here');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    // the answer is a reply in the thread the coordinator started
    // (the bot's welcome post also mentions "post updates here": the thread is the one with the answer in it)
    const thread = page
      .getByRole('group')
      .filter({ hasText: 'post updates here' })
      .filter({ hasText: 'From now on I will post RAG changes in this channel' });
    await thread.waitFor();
    await screenshot(page, 'channel-post-updates-here');

    // a RAG change made elsewhere (action 22 from its card in personal chat)
    await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
    const box = page.locator('[data-lexical-editor="true"]').last();
    await box.click();
    await page.keyboard.type('show action 22');
    await page.keyboard.press('Enter');
    const card = cards(page)
      .filter({ hasText: 'Action 22' })
      .filter({ has: page.getByRole('button', { name: 'Save update' }) })
      .last();
    await card.waitFor();
    await chooseRag(page, card, 'AMBER');
    await card.getByRole('button', { name: 'Save update' }).click();
    await cards(page).filter({ hasText: 'Saved: action 22 is RED → AMBER' }).waitFor();

    // back in the channel: a new post from the bot with the change, and nothing new under the old thread
    await page.getByRole('treeitem', { name: 'General' }).click();
    const announcement = page.getByRole('group').filter({ hasText: 'RED → AMBER' });
    await announcement.first().waitFor();
    await expect.poll(() => announcement.count(), { timeout: SLOW }).toBe(1);
    expect(await announcement.textContent()).not.toContain('post updates here');
    expect(await thread.textContent()).not.toContain('RED → AMBER');
    await screenshot(page, 'channel-announcement-new-post');
  });
});

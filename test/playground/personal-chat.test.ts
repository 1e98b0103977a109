import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cards, chooseRag, type Rig, screenshot, send, sendAndSee, startRig, wordsOutsideCards } from './playground.js';

// The bot in a real Teams-like client (the Microsoft 365 Agents Playground) in personal chat: what a person sees.
// Budget: the rig takes up to a minute or two on a loaded machine; each step waits for what it expects, never a fixed time.

let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
}, 300_000);
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') await screenshot(rig.page, `personal-failed-${task.name.slice(0, 40).replace(/\W+/g, '-')}`);
});
afterAll(async () => {
  await rig?.stop();
}, 60_000);

describe('personal chat in the Agents Playground', () => {
  it('"what\'s amber?" shows one card and no paragraph of text beside it', { timeout: 180_000 }, async () => {
    const { page } = rig;
    await send(page, "what's amber?");
    const answer = cards(page).filter({ hasText: '12 actions are AMBER' });
    await answer.waitFor();
    await expect(answer.count()).resolves.toBe(1);
    // the card carries the answer; Teams would show any activity text as a paragraph above it
    expect(await wordsOutsideCards(page, '12 actions are AMBER')).toEqual([]);
    expect(await wordsOutsideCards(page, 'Utilise the CoLC Counter Terrorism Local Profile')).toEqual([]);
    await screenshot(page, 'personal-whats-amber');
  });

  it('updating action 18 from its card refreshes that card in place with the new rating and note', { timeout: 180_000 }, async () => {
    const { page } = rig;
    await send(page, 'show action 18');
    const card = cards(page)
      .filter({ hasText: 'Action 18' })
      .filter({ has: page.getByRole('button', { name: 'Save update' }) })
      .last();
    await card.waitFor();
    const count = await cards(page).count();
    await chooseRag(page, card, 'AMBER');
    await card.getByLabel('What has happened since the last update?').fill('Met three faith leaders in the Playground.');
    await card.getByRole('button', { name: 'Save update' }).click();
    const refreshed = cards(page).filter({ hasText: 'Saved: action 18 is RED → AMBER' });
    await refreshed.waitFor();
    // in place: no new card, the clicked one now shows the saved update and its note
    expect(await cards(page).count()).toBe(count);
    await expect(refreshed.textContent()).resolves.toContain('Met three faith leaders in the Playground.');
    await screenshot(page, 'personal-card-update');
  });

  it('a typed update in personal chat is saved and the plan changes', { timeout: 180_000 }, async () => {
    const { page } = rig;
    await sendAndSee(page, 'update action 19', 'What is its RAG rating now?');
    await sendAndSee(page, 'green', 'What has happened since the last update?');
    await sendAndSee(page, 'Twelve businesses signed the pledge.', /How many so far\?/);
    await sendAndSee(page, '12', 'Save this update?');
    await sendAndSee(page, 'yes', /Saved: action 19 is AMBER → GREEN/);
    await sendAndSee(page, 'show action 19', /Twelve businesses signed the pledge\./);
    await screenshot(page, 'personal-typed-update');
  });
});

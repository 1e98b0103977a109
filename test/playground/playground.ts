import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadDemoPlanIfEmpty } from '../../bot/demo.js';
import { openStore } from '../../bot/store/database.js';
import { grantRole } from '../../bot/store/people.js';
import { launchChromium } from '../browser/chromium.js';
import { createTestDatabase } from '../support/database.js';
import { freePort, startBotProcess } from '../support/processes.js';

// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground), a Teams-like web client for a local
// bot, started against the real bot in its own process and driven in Debian's chromium. Each test file gets its own
// Playground on a free port (its -p flag; it falls back to a random port when that one is taken, and says which in
// "Listening on N"), in its own working folder, so files, and the SQLite and PostgreSQL tiers CI runs side by side,
// never share one.

const PARTNERSHIP = 'City of London';
/** The user every Playground window speaks as (its default mock user), and its Entra object id. */
export const PLAYGROUND_USER = { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' };
/** Generous waits: CI runs this beside a second tier on two cores, and the Playground's page is a 15 MB bundle. */
export const SLOW = 120_000;
export const ARTIFACTS = path.resolve('test-artifacts/playground');

/** The Playground's command-line entry point, from node_modules (a devDependency). */
function playgroundCli(): string {
  return createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
}

/** Starts the Playground against a bot's /api/messages on a free port; resolves once it is listening. */
export async function startPlayground(botUrl: string): Promise<{ url: string; output(): string; stop(): Promise<void> }> {
  const home = mkdtempSync(path.join(tmpdir(), 'playground-'));
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  // started without a desktop it tries to open a browser with xdg-open and exits when there is none
  writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  const port = await freePort();
  const args = [playgroundCli(), '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: home,
    env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start in 60 s:\n${output}`)), 60_000);
    const read = (d: Buffer) => {
      output += d;
      const m = /Listening on (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited (${code}) before listening:\n${output}`));
    });
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        rmSync(home, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  try {
    const actual = await listening;
    return { url: `http://127.0.0.1:${actual}`, output: () => output, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The whole rig for one test file: a fresh database with the demo plan, the Playground's user a coordinator, the bot
 * in its own process (`npm start`'s entry point, local mode), the Playground against it, and chromium on its page.
 */
export async function startRig() {
  const database = await createTestDatabase();
  const store = await openStore(database.url);
  await loadDemoPlanIfEmpty(store, PARTNERSHIP, new Date());
  await grantRole(store.db, {
    partnership: PARTNERSHIP,
    role: 'coordinator',
    person: { chatId: PLAYGROUND_USER.id, displayName: PLAYGROUND_USER.name, aadObjectId: PLAYGROUND_USER.aadObjectId },
  });
  await store.close();
  const stops: (() => Promise<unknown>)[] = [() => database.drop()];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
  try {
    const bot = await startBotProcess({ DATABASE_URL: database.url, DEMO_PLAN: 'on', LOG_LEVEL: 'warn' }, { startTimeoutMs: SLOW });
    stops.push(() => bot.stop());
    const playground = await startPlayground(bot.url);
    stops.push(() => playground.stop());
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const page = await browser.context.newPage();
    // wide enough for the Playground's side bar (narrower, it folds into a menu)
    await page.setViewportSize({ width: 1400, height: 1000 });
    page.setDefaultTimeout(SLOW);
    await page.goto(playground.url, { waitUntil: 'domcontentloaded', timeout: SLOW });
    await page.getByRole('treeitem', { name: 'Personal Chat' }).waitFor();
    // the log panel repeats every payload; it is a developer's tool, not what a person reads, so it is closed
    await page.getByTitle('Toggle Log Panel').click();
    await page.getByText('Log Panel', { exact: true }).waitFor({ state: 'hidden' });
    mkdirSync(ARTIFACTS, { recursive: true });
    return { bot, playground, context: browser.context as BrowserContext, page, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

export type Rig = Awaited<ReturnType<typeof startRig>>;

/** The message box at the foot of a chat (the Playground's editor, not a card's text input). */
export function composer(page: Page): Locator {
  return page.locator('[data-lexical-editor="true"]').last();
}

/**
 * Types a message in the open chat and sends it with Enter, as a person would, and waits until the chat shows it. On a
 * loaded machine the Playground can still be opening the chat and drop what was typed (seen once in CI: the page still
 * on its start screen, nothing sent): then, as a person would, the message is typed again, at most twice more.
 */
export async function send(page: Page, text: string): Promise<void> {
  const box = composer(page);
  const shown = page.getByText(text, { exact: true });
  const before = await shown.count();
  for (let attempt = 1; ; attempt++) {
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    try {
      await expect
        .poll(() => shown.count(), { timeout: attempt < 3 ? SLOW / 4 : SLOW, message: `waiting for the chat to show "${text}"` })
        .toBeGreaterThan(before);
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
      await box.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    }
  }
}

/** Sends a message and waits until one more element than before shows these words (a new reply, not an old one). */
export async function sendAndSee(page: Page, text: string, expected: string | RegExp): Promise<void> {
  const seen = page.getByText(expected);
  const before = await seen.count();
  await send(page, text);
  await expect.poll(() => seen.count(), { timeout: SLOW, message: `waiting for a reply showing ${expected}` }).toBeGreaterThan(before);
}

/** Chooses a RAG rating in a card's "RAG rating" choice set (the Playground draws it as a Fluent combobox). */
export async function chooseRag(page: Page, card: Locator, rag: string): Promise<void> {
  await card.getByRole('combobox', { name: 'RAG rating' }).click();
  await page.getByRole('option', { name: new RegExp(`^${rag}\\b`) }).click();
}

/** Every Adaptive Card on the page. */
export function cards(page: Page): Locator {
  return page.locator('.ac-adaptiveCard');
}

/**
 * Text on the page outside any card that contains these words: what Teams would show as a paragraph of activity
 * text beside (above) a card. Empty when the card carries the words alone.
 */
export function wordsOutsideCards(page: Page, words: string): Promise<string[]> {
  return page.evaluate((w) => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent?.includes(w) || !el) continue;
      if (el.closest('.ac-adaptiveCard')) continue;
      found.push(el.textContent ?? '');
    }
    return found;
  }, words);
}

/** Saves a screenshot of the page under test-artifacts/playground/ (gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

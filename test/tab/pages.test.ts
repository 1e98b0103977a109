import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBoardData, type BoardData } from '../../bot/tab/board-data.js';
import { makeAction, makePlan } from '../factories/demo-plan.js';
import { serveTab, type TestServer } from './serve.js';

const board = buildBoardData(makePlan([makeAction({ ref: 1 })]), [], '2025-03-10');
const asked: (string | null)[] = [];
const loadBoard = async (partnership: string | null): Promise<BoardData> => (asked.push(partnership), board);

describe('the tab in local mode', () => {
  let server: TestServer;
  beforeAll(async () => (server = await serveTab({ loadBoard, auth: { localMode: true, host: 'localhost:3978' } })));
  afterAll(() => server.close());

  it('serves /api/plan without a token', async () => {
    const res = await fetch(`${server.url}/api/plan`);
    expect(res.status).toBe(200);
    expect(asked.at(-1)).toBeNull();
  });

  it('serves the board and config pages with a CSP that lets Teams frame them', async () => {
    for (const path of ['/tab', '/tab/config', '/tab/privacy', '/tab/terms']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
      expect(await res.text()).toContain('lang="en-GB"');
    }
  });

  it('serves the page scripts, styles and the teams-js browser bundle', async () => {
    const js = await fetch(`${server.url}/tab/static/board.js`);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${server.url}/tab/static/board.css`)).headers.get('content-type')).toMatch(/text\/css/);
    const teams = await fetch(`${server.url}/tab/static/teams-js/MicrosoftTeams.min.js`);
    expect(teams.status).toBe(200);
    expect(await teams.text()).toMatch(/microsoftTeams/);
  });

  it('the config page registers a save handler that sets the tab configuration', async () => {
    const config = await (await fetch(`${server.url}/tab/static/config.js`)).text();
    expect(config).toContain('registerOnSaveHandler');
    expect(config).toContain('setConfig');
  });
});

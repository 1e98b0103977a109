// The plan board page: connects to Teams when inside it, loads /api/plan and renders the board.

import { renderChart } from './chart.js';
import { connectToTeams, getSsoToken, userName, useTeamsTheme } from './teams-host.js';
import { filterActions, renderActions, renderCounts, renderFilterOptions } from './render.js';
import { showReports } from './reports.js';
import { applyTheme, themeFromUrl } from './theme.js';
import { byId, field } from './dom.js';

/** @typedef {import('../browser-types.js').BoardData} BoardData */
/** @typedef {import('../browser-types.js').TeamsHost} TeamsHost */

/** @param {string} id */
const $ = (id) => byId(id, HTMLElement);

/**
 * @param {string} text
 * @param {boolean} [isError]
 */
function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
  status.hidden = !text;
}

/**
 * The error message in a JSON error body, or an empty string.
 * @param {unknown} body
 */
function errorIn(body) {
  return typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string' ? body.error : '';
}

/**
 * @param {TeamsHost | null} host
 * @returns {Promise<BoardData>}
 */
async function loadPlan(host) {
  const partnership = new URLSearchParams(window.location.search).get('partnership');
  const url = partnership ? `/api/plan?partnership=${encodeURIComponent(partnership)}` : '/api/plan';
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (host) {
    const token = await getSsoToken(host.teams).catch((err) => {
      throw new Error(
        `Teams could not sign you in to the plan board (${err instanceof Error ? err.message : err}). Your Teams administrator may need to approve the app.`,
      );
    });
    headers.Authorization = `Bearer ${token}`;
  }
  const res = await fetch(url, { headers });
  /** @type {unknown} */
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(errorIn(body) || `The plan could not be loaded (error ${res.status}).`);
  return /** @type {BoardData} */ (body);
}

/** @param {BoardData} data */
function showBoard(data) {
  document.title = `${data.planTitle} – Prevent plan board`;
  $('plan-title').textContent = data.planTitle;
  $('plan-meta').textContent = [data.partnership, data.period].filter(Boolean).join(' · ');
  renderCounts($('counts'), data.counts);
  const form = byId('filters', HTMLFormElement);
  renderFilterOptions(form, data);
  const update = () => {
    const shown = filterActions(data.actions, {
      theme: field(form, 'theme', HTMLSelectElement).value,
      lead: field(form, 'lead', HTMLSelectElement).value,
      rag: field(form, 'rag', HTMLSelectElement).value,
    });
    renderActions($('actions'), shown);
    $('showing').textContent = `Showing ${shown.length} of ${data.actions.length} actions.`;
  };
  form.addEventListener('change', update);
  form.addEventListener('reset', () => setTimeout(update));
  form.addEventListener('submit', (event) => event.preventDefault());
  update();
  renderChart($('chart'), data.timeline);
}

async function main() {
  applyTheme(themeFromUrl() ?? 'default');
  const host = await connectToTeams();
  if (host) {
    if (!themeFromUrl()) useTeamsTheme(host.context);
    const name = userName(host.context);
    $('signed-in').textContent = name ? `Signed in as ${name}` : '';
  }
  document.body.dataset.host = host ? 'teams' : 'browser';
  try {
    showBoard(await loadPlan(host));
    setStatus('');
    await showReports($('reports'), host).catch(() => undefined);
    if (host) host.teams.app.notifySuccess().catch(() => undefined);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    setStatus(host ? message : `${message} Outside Teams the board only works on a bot running in local mode.`, true);
  }
  document.body.dataset.ready = 'true';
}

main();

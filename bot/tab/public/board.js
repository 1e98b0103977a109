// The plan board page: connects to Teams when inside it, loads /api/plan and renders the board.

import { renderChart } from './chart.js';
import { connectToTeams, getSsoToken, userName, useTeamsTheme } from './teams-host.js';
import { filterActions, renderActions, renderCounts, renderFilterOptions } from './render.js';
import { showReports } from './reports.js';
import { applyTheme, themeFromUrl } from './theme.js';

const $ = (id) => document.getElementById(id);

function setStatus(text, isError = false) {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
  status.hidden = !text;
}

async function loadPlan(host) {
  const partnership = new URLSearchParams(window.location.search).get('partnership');
  const url = partnership ? `/api/plan?partnership=${encodeURIComponent(partnership)}` : '/api/plan';
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
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `The plan could not be loaded (error ${res.status}).`);
  return body;
}

function showBoard(data) {
  document.title = `${data.planTitle} – Prevent plan board`;
  $('plan-title').textContent = data.planTitle;
  $('plan-meta').textContent = [data.partnership, data.period].filter(Boolean).join(' · ');
  renderCounts($('counts'), data.counts);
  const form = $('filters');
  renderFilterOptions(form, data);
  const update = () => {
    const shown = filterActions(data.actions, {
      theme: form.elements.theme.value,
      lead: form.elements.lead.value,
      rag: form.elements.rag.value,
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

// The channel tab's configuration page: Teams calls the save handler when the user selects Save.

import { connectToTeams, useTeamsTheme } from './teams-host.js';
import { applyTheme, themeFromUrl } from './theme.js';
import { byId, field } from './dom.js';

const form = byId('config-form', HTMLFormElement);
const status = byId('status', HTMLElement);

/** @param {string} name */
const text = (name) => field(form, name, HTMLInputElement).value.trim();

/**
 * The tab's content URL for a partnership (blank means the bot's default).
 * @param {string} partnership
 */
function boardUrl(partnership) {
  const url = new URL('/tab', window.location.origin);
  if (partnership) url.searchParams.set('partnership', partnership);
  return url.toString();
}

async function main() {
  applyTheme(themeFromUrl() ?? 'default');
  const host = await connectToTeams();
  if (!host) {
    status.textContent = 'This page is used inside Microsoft Teams when you add the plan board to a channel or chat.';
    return;
  }
  useTeamsTheme(host.context);
  const config = host.teams.pages.config;
  const isValid = () => text('tabName') !== '';
  config.registerOnSaveHandler((saveEvent) => {
    const partnership = text('partnership');
    const url = boardUrl(partnership);
    config
      .setConfig({
        entityId: `plan-board:${partnership || 'default'}`,
        contentUrl: url,
        websiteUrl: url,
        suggestedDisplayName: text('tabName'),
      })
      .then(
        () => saveEvent.notifySuccess(),
        (err) => saveEvent.notifyFailure(err instanceof Error ? err.message : String(err)),
      );
  });
  form.addEventListener('input', () => config.setValidityState(isValid()));
  form.addEventListener('submit', (event) => event.preventDefault());
  config.setValidityState(isValid());
  host.teams.app.notifySuccess().catch(() => undefined);
}

main();

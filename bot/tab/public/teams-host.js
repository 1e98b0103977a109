// Talks to the Teams host through @microsoft/teams-js; outside Teams the page works on its own.

import { applyTheme } from './theme.js';

/** @typedef {import('../browser-types.js').Teams} Teams */
/** @typedef {import('../browser-types.js').TeamsHost} TeamsHost */
/** @typedef {TeamsHost['context']} TeamsContext */

const INITIALISE_TIMEOUT_MS = 1500;

/**
 * The promise's outcome, or a rejection if it takes longer than ms.
 * @template T
 * @param {Promise<T>} promise
 * @param {number} ms
 * @returns {Promise<T>}
 */
function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err) => {
        clearTimeout(timer);
        reject(err);
      },
    );
  });
}

/**
 * Connects to Teams; returns { teams, context } inside Teams, or null on a plain page.
 * @returns {Promise<TeamsHost | null>}
 */
export async function connectToTeams() {
  const teams = window.microsoftTeams;
  if (!teams) return null;
  try {
    await withTimeout(
      Promise.resolve().then(() => teams.app.initialize()),
      INITIALISE_TIMEOUT_MS,
    );
    const context = await withTimeout(teams.app.getContext(), INITIALISE_TIMEOUT_MS);
    teams.app.registerOnThemeChangeHandler((theme) => window.__setTheme(theme));
    return { teams, context };
  } catch {
    return null;
  }
}

/**
 * Follows the theme Teams reports in its context.
 * @param {TeamsContext | undefined} context
 */
export function useTeamsTheme(context) {
  applyTheme(context?.app?.theme ?? 'default');
}

/**
 * The signed-in person's name as Teams gives it, or an empty string.
 * @param {TeamsContext | undefined} context
 */
export function userName(context) {
  return context?.user?.displayName || context?.user?.userPrincipalName || '';
}

/**
 * A Teams SSO token for the bot's API.
 * @param {Teams} teams
 */
export async function getSsoToken(teams) {
  return teams.authentication.getAuthToken();
}

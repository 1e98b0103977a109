// The board reports section of the tab: lists the partnership's board reports and downloads their Word files.

import { el, formatDay } from './dom.js';
import { getSsoToken } from './teams-host.js';

/** @typedef {import('../browser-types.js').TeamsHost} TeamsHost */
/** @typedef {{ id: number, version: number, committee: string, meetingDate: string, periodFrom: string, periodTo: string, status: string, download: string }} TabReport */

/**
 * The Authorization header inside Teams; none in a browser (local mode).
 * @param {TeamsHost | null} host
 * @returns {Promise<Record<string, string>>}
 */
async function authHeaders(host) {
  return host ? { Authorization: `Bearer ${await getSsoToken(host.teams)}` } : {};
}

function query() {
  const partnership = new URLSearchParams(window.location.search).get('partnership');
  return partnership ? `?partnership=${encodeURIComponent(partnership)}` : '';
}

/**
 * Fetches a report's Word file and saves it through a temporary link.
 * @param {TeamsHost | null} host
 * @param {TabReport} report
 * @param {HTMLButtonElement} button
 */
async function download(host, report, button) {
  button.disabled = true;
  try {
    const res = await fetch(`${report.download}${query()}`, { headers: await authHeaders(host) });
    if (!res.ok) throw new Error(`error ${res.status}`);
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: `Prevent-Update-${report.meetingDate}-v${report.version}.docx` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    button.after(el('span', { class: 'error', role: 'alert' }, ` The file could not be downloaded (${reason}).`));
  } finally {
    button.disabled = false;
  }
}

/**
 * Fills the list with the partnership's board reports, each with a download button for its Word file.
 * @param {HTMLElement} list
 * @param {TeamsHost | null} host
 */
export async function showReports(list, host) {
  const res = await fetch(`/api/reports${query()}`, { headers: { Accept: 'application/json', ...(await authHeaders(host)) } });
  /** @type {TabReport[]} */
  const reports = res.ok ? await res.json() : [];
  list.replaceChildren(
    ...(reports.length
      ? reports.map((r) => {
          const button = /** @type {HTMLButtonElement} */ (
            el('button', { type: 'button', 'data-testid': `download-report-${r.version}` }, 'Download the Word file')
          );
          button.addEventListener('click', () => download(host, r, button));
          const status = r.status === 'approved' ? 'Approved' : 'Draft';
          return el(
            'li',
            {},
            `${status} ${r.version}: ${r.committee}, ${formatDay(r.meetingDate)} (${formatDay(r.periodFrom)} to ${formatDay(r.periodTo)}) `,
            button,
          );
        })
      : [el('li', {}, 'No board reports yet. A coordinator can ask the bot: “draft the board report for the 4 December board”.')]),
  );
}

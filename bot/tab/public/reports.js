// The board reports section of the tab: lists the partnership's board reports and downloads their Word files.

import { el, formatDay } from './dom.js';
import { getSsoToken } from './teams-host.js';

async function authHeaders(host) {
  return host ? { Authorization: `Bearer ${await getSsoToken(host.teams)}` } : {};
}

function query() {
  const partnership = new URLSearchParams(window.location.search).get('partnership');
  return partnership ? `?partnership=${encodeURIComponent(partnership)}` : '';
}

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
    button.after(el('span', { class: 'error', role: 'alert' }, ` The file could not be downloaded (${err.message}).`));
  } finally {
    button.disabled = false;
  }
}

/** Fills the list with the partnership's board reports, each with a download button for its Word file. */
export async function showReports(list, host) {
  const res = await fetch(`/api/reports${query()}`, { headers: { Accept: 'application/json', ...(await authHeaders(host)) } });
  const reports = res.ok ? await res.json() : [];
  list.replaceChildren(
    ...(reports.length
      ? reports.map((r) => {
          const button = el('button', { type: 'button', 'data-testid': `download-report-${r.version}` }, 'Download the Word file');
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

/** What the fake Teams host tells the tab. */
export interface FakeHostOptions {
  /** the tab URL to frame */
  tabUrl: string;
  /** 'content' for a tab, 'settings' for a configuration page */
  frameContext: 'content' | 'settings';
  theme: 'default' | 'dark' | 'contrast';
  /** the SSO token getAuthToken returns */
  token: string;
  tenantId: string;
}

/**
 * A page that frames the tab and answers the teams-js postMessage protocol the
 * way Teams does (initialize, getContext, authentication.getAuthToken,
 * settings.*), recording every call in window.hostCalls. Served by the browser
 * test at https://teams.microsoft.com/ so teams-js accepts its origin.
 */
export function fakeTeamsHostPage(options: FakeHostOptions): string {
  const context = {
    frameContext: options.frameContext,
    theme: options.theme,
    userDisplayName: 'Sam Lead',
    userPrincipalName: 'sam.lead@example.org',
    userObjectId: '0b1c2d3e-0000-4000-8000-000000000001',
    tid: options.tenantId,
    locale: 'en-gb',
    entityId: 'planBoard',
  };
  const script = `
    const frame = document.getElementById('tab');
    const context = ${JSON.stringify(context)};
    const token = ${JSON.stringify(options.token)};
    window.hostCalls = [];
    window.savedConfig = null;
    window.validity = null;
    window.addEventListener('message', (evt) => {
      const msg = evt.data;
      if (evt.source !== frame.contentWindow || !msg || typeof msg.func !== 'string') return;
      window.hostCalls.push(msg.func);
      const reply = (args) => frame.contentWindow.postMessage({ id: msg.id, uuid: msg.uuid, args }, '*');
      switch (msg.func) {
        case 'initialize': return reply([context.frameContext, 'web']);
        case 'getContext': return reply([context]);
        case 'authentication.getAuthToken': return reply([true, token]);
        case 'settings.setValidityState': window.validity = msg.args[0]; return;
        case 'settings.setSettings': window.savedConfig = msg.args[0]; return reply([true]);
        case 'settings.save.success': window.saved = true; return;
        case 'registerHandler': return;
        default: return reply([]);
      }
    });
    window.sendToTab = (func, args) => frame.contentWindow.postMessage({ func, args }, '*');
  `;
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Fake Teams</title></head>
<body><iframe id="tab" title="Tab" src="${options.tabUrl}" width="1100" height="880"></iframe>
<script>${script}</script></body></html>`;
}

import {
  APP_EVENTS,
  APP_METHODS,
  APP_MODAL_SIZE,
  APP_PERMISSIONS,
  APP_PERMISSION_LABELS,
  BEFORE_SEND_TIMEOUT_MS,
  FETCH_INFO_KEYS,
  MAX_NOTIFY_PER_MINUTE,
} from '@bevatel/protocol';
import { PAGE_SCRIPT } from './page-script';
import { LEVEL2_SCRIPT } from './page-script-level2';
import { SAMPLE_CONVERSATION_KEYS, SAMPLE_CONVERSATION_LABELS } from './sample-context';

export interface SimulatorPageOptions {
  appUrl: string;
  /** The iframe `allow` list, e.g. "clipboard-write". */
  allow: string;
  /** After this many ms without fetch-info, the page hints at a late listener. */
  lateAfterMs: number;
  secretHint: string;
}

// PROTOCOL.md rule 5: the dashboard's own sandbox and referrer policy.
const SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
:root { color-scheme: light dark; font: 14px/1.45 system-ui, "Segoe UI", Tahoma, sans-serif; }
body { margin: 0; height: 100vh; display: grid; grid-template-rows: auto 1fr; background: var(--bg); color: var(--fg); }
body[data-theme="light"] { --bg: #f5f6f8; --fg: #1d2330; --panel: #fff; --line: #d9dde5; --muted: #667085; --warn: #b54708; --warnbg: #fffaeb; --accent: #1f6feb; }
body[data-theme="dark"] { --bg: #0f141b; --fg: #e6e9ef; --panel: #171d26; --line: #2b3442; --muted: #98a2b3; --warn: #fdb022; --warnbg: #2b2112; --accent: #58a6ff; }
header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; padding: 8px 16px; border-block-end: 1px solid var(--line); background: var(--panel); }
header h1 { font-size: 15px; margin: 0; margin-inline-end: auto; }
label { display: inline-flex; gap: 6px; align-items: center; }
main { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(360px, 38%); min-height: 0; }
.frame-wrap { display: grid; grid-template-rows: auto auto 1fr auto; min-height: 0; border-inline-end: 1px solid var(--line); }
.conv-header { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 6px 12px; border-block-end: 1px solid var(--line); background: var(--panel); font-size: 12px; }
.pill { border: 1px solid var(--line); border-radius: 999px; padding: 1px 8px; }
.chip { background: var(--bg); border-radius: 999px; padding: 1px 8px; }
#composer { display: grid; gap: 4px; padding: 8px 12px; border-block-start: 1px solid var(--line); background: var(--panel); }
#composer textarea { margin: 0; min-height: 56px; font: inherit; direction: auto; }
#composer[data-mode="note"] textarea { background: var(--warnbg); }
#objection { border-inline-start: 3px solid var(--warn); background: var(--warnbg); padding: 4px 8px; }
#level2 { padding: 0 12px 8px; font-size: 12px; }
#level2 label { display: flex; gap: 6px; align-items: flex-start; margin-block: 2px; }
#level2 code { color: var(--muted); }
#toasts { position: fixed; inset-block-end: 12px; inset-inline-start: 12px; display: grid; gap: 6px; z-index: 5; }
.toast { background: var(--panel); border: 1px solid var(--line); border-inline-start: 4px solid var(--accent); padding: 6px 10px; border-radius: 6px; }
.toast strong { display: block; font-size: 11px; color: var(--muted); }
dialog#app-modal { padding: 0; border: 1px solid var(--line); background: var(--panel); color: var(--fg); }
dialog#app-modal header { display: flex; padding: 6px 10px; }
dialog#app-modal iframe { display: block; }
.frame-bar { padding: 6px 12px; color: var(--muted); font-size: 12px; display: flex; gap: 12px; }
iframe { width: 100%; height: 100%; border: 0; background: #fff; }
aside { display: grid; grid-template-rows: auto minmax(120px, 32%) auto auto auto 1fr; min-height: 0; background: var(--panel); overflow: auto; }
aside h2 { font-size: 13px; margin: 8px 12px 4px; display: flex; gap: 8px; align-items: center; }
textarea { margin: 0 12px; font: 12px/1.4 ui-monospace, monospace; background: var(--bg); color: var(--fg); border: 1px solid var(--line); resize: none; direction: ltr; }
.row { display: flex; flex-wrap: wrap; gap: 6px; padding: 6px 12px; }
#log { list-style: none; margin: 0; padding: 0 12px 12px; overflow: auto; font-size: 12px; }
#log li { border-block-end: 1px solid var(--line); padding: 4px 0; display: grid; grid-template-columns: auto auto 1fr; gap: 2px 8px; }
#log li code { grid-column: 1 / -1; color: var(--muted); direction: ltr; text-align: start; word-break: break-all; }
#log .dir { font-weight: 600; white-space: nowrap; }
#log .dir-host-to-app .dir { color: var(--accent); }
#log .level-warn { background: var(--warnbg); }
#log .level-warn .text { color: var(--warn); }
#warn-count { color: var(--warn); font-weight: 400; }
button, select, input { font: inherit; }
`;

export function renderSimulatorPage(options: SimulatorPageOptions): string {
  const appOrigin = new URL(options.appUrl).origin;
  const conversations = SAMPLE_CONVERSATION_KEYS.map((key) => ({
    key,
    label: SAMPLE_CONVERSATION_LABELS[key],
  }));
  const config = {
    appUrl: options.appUrl,
    appOrigin,
    fetchInfoKeys: FETCH_INFO_KEYS,
    level2: {
      methods: APP_METHODS,
      events: APP_EVENTS,
      beforeSendMs: BEFORE_SEND_TIMEOUT_MS,
      maxNotify: MAX_NOTIFY_PER_MINUTE,
      modal: APP_MODAL_SIZE,
    },
    lateAfterMs: options.lateAfterMs,
    conversations,
  };
  const grants = APP_PERMISSIONS.map(
    (name) =>
      `<label><input type="checkbox" class="grant" value="${name}" checked> <span>${escapeHtml(APP_PERMISSION_LABELS[name].en.long)} <code>${name}</code></span></label>`,
  ).join('');
  const conversationOptions = conversations
    .map((c) => `<option value="${escapeHtml(c.key)}">${escapeHtml(c.label)}</option>`)
    .join('');
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Bevatel Dashboard App simulator</title>
<style>${STYLE}</style>
</head>
<body data-theme="light">
<header>
  <h1>Bevatel dashboard (simulator)</h1>
  <label>Conversation <select id="conversation">${conversationOptions}</select></label>
  <label><input type="checkbox" id="reload-on-switch" checked> reload app on switch</label>
  <label>Language <select id="locale"><option value="en">English</option><option value="ar">العربية</option></select></label>
  <label>Theme <select id="theme"><option value="light">Light</option><option value="dark">Dark</option></select></label>
  <form id="add-message" class="row"><input id="message-text" placeholder="Incoming message text"><button>Add incoming message</button></form>
</header>
<main>
  <section class="frame-wrap">
    <div class="frame-bar"><span>App: ${escapeHtml(options.appUrl)}</span><a href="${escapeHtml(options.appUrl)}" target="_blank" rel="noopener">Open in new tab</a><button id="reload" type="button">Reload app</button></div>
    <div id="conv-header" class="conv-header" aria-label="Stand-in conversation header"></div>
    <iframe id="app-frame" title="Dashboard app" sandbox="${SANDBOX}" allow="${escapeHtml(options.allow)}" referrerpolicy="strict-origin-when-cross-origin"></iframe>
    <form id="composer" data-mode="reply" aria-label="Stand-in composer">
      <div class="row" style="padding:0"><button type="button" id="mode-reply" aria-pressed="true">Reply</button><button type="button" id="mode-note" aria-pressed="false">Private note</button></div>
      <textarea id="composer-text" aria-label="Stand-in reply box" placeholder="The agent's reply box: composer.insert puts text here"></textarea>
      <div id="objection" hidden></div>
      <div class="row" style="padding:0"><button id="composer-send">Send (runs composer.beforeSend)</button></div>
    </form>
  </section>
  <aside>
    <h2>Context JSON <small>(token signed with ${escapeHtml(options.secretHint)})</small></h2>
    <textarea id="context-json" spellcheck="false" aria-label="Context JSON"></textarea>
    <div class="row"><button id="apply-json" type="button">Apply JSON &amp; push</button><button id="push" type="button">Push context</button><button id="reset" type="button">Reset sample</button></div>
    <section id="level2" aria-label="Level 2">
      <h2>Level 2 <span id="level2-status">no hello yet</span></h2>
      <p>Granted to the app (applies at its next hello; <button type="button" id="reload-grants">reload app</button>):</p>
      ${grants}
    </section>
    <h2>Messages <span id="warn-count"></span><button id="clear-log" type="button">Clear</button></h2>
    <ol id="log" aria-live="polite"></ol>
  </aside>
</main>
<div id="toasts" role="status" aria-live="polite"></div>
<dialog id="app-modal" aria-labelledby="app-modal-title"><header><strong id="app-modal-title"></strong><button type="button" id="app-modal-close" style="margin-inline-start:auto">Close</button></header><iframe id="app-modal-frame" title="Dashboard app dialog" sandbox="${SANDBOX}" referrerpolicy="strict-origin-when-cross-origin"></iframe></dialog>
<script type="application/json" id="sim-config">${scriptJson(config)}</script>
<script>${LEVEL2_SCRIPT}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

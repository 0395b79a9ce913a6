/* global BevatelDashboardApp -- defined by /sdk.js, the SDK's script-tag bundle */
// Renders the dashboard's context. Names and messages are customer input: textContent only.
const origins = document.querySelector('meta[name="dashboard-origins"]').content.split(' ');
const app = BevatelDashboardApp.connect({ trustedOrigins: origins.filter(Boolean) });
const $ = (id) => document.getElementById(id);
// @if:backend
let sessionKey = '';
let latestRequest = 0;

/** Asks the backend only when the conversation or contact changes; drops stale answers. */
async function verifyWithBackend(context) {
  const key = `${context.conversation.id}:${context.contact.id}`;
  if (!context.token || key === sessionKey) return;
  sessionKey = key;
  const request = ++latestRequest;
  const response = await fetch('/api/session', {
    headers: { authorization: `Bearer ${context.token}` },
  });
  if (request !== latestRequest) return; // a newer context asked meanwhile
  const body = await response.json();
  $('verified').textContent = response.ok
    ? `Verified by the backend: agent ${body.agent_id}, conversation #${body.conversation_id}`
    : `The backend refused the token (${body.error})`;
  $('verified').dataset.state = response.ok ? 'verified' : 'refused';
}
// @end:backend

app.onContext((context) => {
  document.documentElement.lang = context.locale ?? 'en';
  document.documentElement.dir = context.dir ?? 'ltr';
  document.documentElement.dataset.theme = context.theme ?? 'light';
  $('status').textContent = '';
  $('context').hidden = false;
  $('contact-name').textContent = context.contact.name ?? 'Unknown contact';
  $('conversation').textContent =
    `Conversation #${context.conversation.id} · ${context.conversation.status} · ` +
    `${context.conversation.messages.length} messages`;
  // @if:backend
  verifyWithBackend(context).catch((error) => {
    $('verified').textContent = `The backend is unreachable (${error.message})`;
  });
  // @end:backend
});

// In case the context posted on load arrived before this script ran.
app.fetchContext().catch(() => {
  if (!BevatelDashboardApp.isInsideDashboard()) {
    $('status').textContent = 'Open this app inside the Bevatel dashboard (or `npm run simulate`).';
  }
});

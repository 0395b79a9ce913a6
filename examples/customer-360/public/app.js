// Wires the SDK (loaded by the script tag as the global BevatelDashboardApp) to the view.
import { browserLocale, stringsFor } from './i18n.js';
import { h } from './dom.js';
import { renderContext } from './render.js';
import { createSummaryLoader } from './summary.js';

/** @typedef {import('@bevatel/dashboard-app-sdk').AppContextData} AppContextData */

const REFRESH_TIMEOUT_MS = 5000;

const root = /** @type {HTMLElement} */ (document.getElementById('app'));
const sdk = window.BevatelDashboardApp;
const app = sdk.connect({ trustedOrigins: readTrustedOrigins() });

/** @type {AppContextData | null} */
let current = null;
// The CRM figures load beside the context; each answer redraws the view.
const summary = createSummaryLoader(() => render());
let refreshing = false;
let refreshFailed = false;

applyPresentation(browserLocale(), browserLocale() === 'ar' ? 'rtl' : 'ltr', 'light');
if (sdk.isInsideDashboard()) {
  showState(stringsFor(browserLocale()).waiting);
} else {
  const t = stringsFor(browserLocale());
  showState(t.outside, t.outsideHint);
}

app.onContext((context) => {
  current = context;
  refreshFailed = false;
  summary.update(context);
  render();
});
if (app.context) {
  current = app.context;
  summary.update(app.context);
  render();
}

function render() {
  if (!current) return;
  const t = stringsFor(current.locale);
  applyPresentation(current.locale, current.dir, current.theme);
  document.title = t.title;
  const button = h(
    'button',
    { className: 'refresh', testid: 'refresh', attrs: { type: 'button' } },
    [refreshing ? t.refreshing : t.refresh],
  );
  button.disabled = refreshing;
  button.addEventListener('click', refresh);
  const hadFocus = document.activeElement?.getAttribute('data-testid') === 'refresh';
  root.replaceChildren(
    h('header', { className: 'toolbar' }, [
      h('h1', {}, [t.title]),
      refreshFailed &&
        h('p', { className: 'notice', testid: 'notice', attrs: { role: 'alert' } }, [
          t.refreshFailed,
        ]),
      button,
    ]),
    renderContext(t, current, summary.current()),
  );
  // The view is rebuilt on every context; keep the keyboard where the agent left it.
  if (hadFocus) button.focus();
}

async function refresh() {
  refreshing = true;
  refreshFailed = false;
  render();
  try {
    current = await app.fetchContext({ timeoutMs: REFRESH_TIMEOUT_MS });
    summary.update(current, true);
  } catch (error) {
    if (!(error instanceof sdk.FetchContextTimeoutError)) console.error(error);
    refreshFailed = true;
  } finally {
    refreshing = false;
    render();
  }
}

/**
 * @param {string} text
 * @param {string} [hint]
 */
function showState(text, hint) {
  root.replaceChildren(
    h('div', { className: 'state', testid: 'state' }, [
      h('p', { className: 'state-title' }, [text]),
      hint && h('p', { className: 'muted' }, [hint]),
    ]),
  );
}

/**
 * @param {string} locale
 * @param {string} dir
 * @param {string} theme
 */
function applyPresentation(locale, dir, theme) {
  const html = document.documentElement;
  html.lang = locale === 'ar' ? 'ar' : 'en';
  html.dir = dir === 'rtl' ? 'rtl' : 'ltr';
  html.dataset.theme = theme === 'dark' ? 'dark' : 'light';
}

/**
 * The dashboard origins the server was configured with. Exact origins become the SDK's
 * trustedOrigins; a wildcard (or no configuration) leaves the check to the browser, which only
 * lets those origins frame the app (CSP frame-ancestors).
 * @returns {string[] | undefined}
 */
function readTrustedOrigins() {
  const content =
    document.querySelector('meta[name="dashboard-origins"]')?.getAttribute('content') ?? '';
  const origins = content.split(/\s+/).filter(Boolean);
  const exact = origins.every((origin) => /^https?:\/\/[^*\s/]+$/.test(origin));
  return origins.length > 0 && exact ? origins : undefined;
}

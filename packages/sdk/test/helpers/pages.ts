/** Pages for the cross-origin browser tests: a stand-in host and apps built on the SDK. */

/** JSON safe to inline in a <script>. */
export const inline = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * A minimal host: embeds `?app=` and, unless `?noload`, posts a context on every load;
 * answers fetch-info while `window.answerFetch`; records what the app posts in `hostLog`.
 * A second frame, `?sibling=` (a foreign window), sits beside the app.
 */
export function hostPage(sampleData: unknown): string {
  return `<!doctype html><meta charset="utf-8"><title>host</title><body><script>
  var sample = ${inline(sampleData)};
  var params = new URLSearchParams(location.search);
  var appUrl = params.get('app');
  var appOrigin = new URL(appUrl).origin;
  window.hostLog = [];
  window.answerFetch = !params.has('silent');
  window.loads = 0;
  var frame = document.createElement('iframe');
  frame.name = 'app';
  window.makeContext = function (marker) {
    return JSON.stringify({ event: 'appContext', data: Object.assign({}, sample, { marker: marker }) });
  };
  window.post = function (message) { frame.contentWindow.postMessage(message, appOrigin); };
  frame.addEventListener('load', function () {
    window.loads += 1;
    if (!params.has('noload')) window.post(window.makeContext('load'));
  });
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow) return;
    window.hostLog.push({ type: typeof event.data, data: event.data, origin: event.origin });
    if (event.data === 'bevatel-dashboard-app:fetch-info' && window.answerFetch) {
      window.post(window.makeContext('fetch'));
    }
  });
  frame.src = appUrl;
  document.body.append(frame);
  if (params.get('sibling')) {
    var sibling = document.createElement('iframe');
    sibling.name = 'sibling';
    sibling.src = params.get('sibling');
    document.body.append(sibling);
  }
  </script></body>`;
}

/** An app that loads the script-tag bundle and connects at once (options from `?trusted=`). */
export const appPage = `<!doctype html><meta charset="utf-8"><title>app</title>
<script src="/sdk.js"></script>
<script>
  window.raw = [];
  // Registered before connect(): when raw has a message, the SDK has handled it too.
  window.addEventListener('message', function (event) {
    window.raw.push(typeof event.data === 'string' ? event.data : '[' + typeof event.data + ']');
  });
  var trusted = new URLSearchParams(location.search).get('trusted');
  window.conn = BevatelDashboardApp.connect(trusted ? { trustedOrigins: JSON.parse(trusted) } : {});
  window.received = [];
  window.conn.onContext(function (context) { window.received.push(context.marker); });
  window.markersInRaw = function () {
    return window.raw.map(function (text) {
      try { return JSON.parse(text).data.marker; } catch (e) { return undefined; }
    });
  };
</script>`;

/** A foreign window (sibling frame) that posts valid-looking context into the app frame. */
export const siblingPage = `<!doctype html><meta charset="utf-8"><title>sibling</title><script>
  window.attack = function (message) { parent.frames['app'].postMessage(message, '*'); };
</script>`;

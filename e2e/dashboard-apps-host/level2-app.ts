/**
 * A level-2 dashboard app written by hand from PROTOCOL.md (no SDK): the raw envelope, so
 * these tests check the host's side of the wire, not the SDK's. Served from the test apps'
 * origin at `/level2`. The page keeps what it received for the test to read:
 * `window.messages` (every string, in order), `window.received` (appContext events, as the
 * level-1 test app keeps them), `window.readies`, `window.events`; `window.hello(subscribe)`
 * and `window.call(method, params, extra)` (a promise of the response's data) drive it;
 * `window.beforeSend` is how it answers composer.beforeSend (null: it stays silent).
 */
export const LEVEL2_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Level 2 test app</title></head>
<body>
<h1 id="name">Level 2 test app</h1>
<p id="status">waiting</p>
<script>
  window.instanceId = Math.random().toString(36).slice(2);
  window.messages = [];
  window.received = [];
  window.readies = [];
  window.events = [];
  window.responses = [];
  window.beforeSend = { allow: true };
  var pending = {};
  var seq = 0;
  function send(event, data) {
    window.parent.postMessage(JSON.stringify({ event: event, data: data }), '*');
  }
  window.addEventListener('message', function (event) {
    if (event.source !== window.parent) return;
    window.messages.push(typeof event.data === 'string' ? event.data : '[' + typeof event.data + ']');
    var message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    var data = message.data;
    if (message.event === 'appContext') {
      window.received.push({ at: Date.now(), perf: performance.now(), t: performance.timeOrigin + performance.now(), origin: event.origin, raw: event.data.length, data: message });
    } else if (message.event === 'bevatel-dashboard-app:ready') {
      window.readies.push(data);
    } else if (message.event === 'bevatel-dashboard-app:response') {
      window.responses.push(data);
      var resolve = pending[data.id];
      if (resolve) { delete pending[data.id]; resolve(data); }
    } else if (message.event === 'bevatel-dashboard-app:event') {
      window.events.push(Object.assign({ t: performance.timeOrigin + performance.now() }, data));
      if (data.name === 'composer.beforeSend' && window.beforeSend) {
        send('bevatel-dashboard-app:response', { id: data.id, result: window.beforeSend });
      }
    }
    document.getElementById('status').textContent = 'messages ' + window.messages.length;
  });
  window.hello = function (subscribe) {
    send('bevatel-dashboard-app:hello', { protocol: 2, sdk: 'e2e-by-hand', subscribe: subscribe || [] });
  };
  window.call = function (method, params, extra) {
    seq += 1;
    var id = 'req-' + seq;
    return new Promise(function (resolve) {
      pending[id] = resolve;
      send('bevatel-dashboard-app:request', Object.assign({ id: id, method: method, params: params }, extra || {}));
    });
  };
  document.getElementById('name').textContent = new URLSearchParams(location.search).get('name') || 'Level 2 test app';
</script>
</body>
</html>`;

/**
 * The stand-in dashboard's browser script, as text: it runs in the simulator page, which has
 * no bundler. Plain ES2020, no template literals (this file is itself a template literal).
 */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('sim-config').textContent);
  var FETCH_KEYS = config.fetchInfoKeys;
  var appOrigin = config.appOrigin;
  var frame = document.getElementById('app-frame');
  var editor = document.getElementById('context-json');
  var logList = document.getElementById('log');
  var state = {
    context: null,
    loads: 0,
    loadedAt: 0,
    lastFetchAt: 0,
    fetchSinceLoad: false,
    lateTimer: 0,
    conversation: config.conversations[0].key,
  };
  var entries = [];
  // data.reason of each post, from why the simulator posts it.
  var REASONS = {
    'frame load': 'load',
    'answer to fetch-info': 'fetch-info',
    'new incoming message': 'message.created',
    'locale changed': 'locale',
    'theme changed': 'theme',
    'token refresh': 'token.refreshed',
    'conversation switched': 'conversation.changed',
    'message added': 'message.created',
    'contact changed by the app': 'contact.updated',
  };
  function level2() {
    return window.__simulatorLevel2;
  }

  function $(id) {
    return document.getElementById(id);
  }

  function preview(data) {
    var text;
    if (typeof data === 'string') text = data;
    else {
      try {
        text = JSON.stringify(data);
      } catch (error) {
        text = String(data);
      }
    }
    if (text === undefined) text = String(data);
    return text.length > 400 ? text.slice(0, 400) + '… (' + text.length + ' chars)' : text;
  }

  function log(direction, level, text, detail) {
    var entry = { time: Date.now(), direction: direction, level: level, text: text, detail: detail || '' };
    entries.push(entry);
    var item = document.createElement('li');
    item.className = 'level-' + level + ' dir-' + direction;
    var time = document.createElement('time');
    time.textContent = new Date(entry.time).toLocaleTimeString();
    var dir = document.createElement('span');
    dir.className = 'dir';
    dir.textContent = { 'host-to-app': 'host → app', 'app-to-host': 'app → host', note: 'note' }[direction];
    var body = document.createElement('span');
    body.className = 'text';
    body.textContent = (level === 'warn' ? '⚠ ' : level === 'hint' ? 'Hint: ' : '') + text;
    item.append(time, dir, body);
    if (entry.detail) {
      var code = document.createElement('code');
      code.textContent = entry.detail;
      item.append(code);
    }
    logList.append(item);
    logList.scrollTop = logList.scrollHeight;
    var counts = { warn: 0 };
    entries.forEach(function (e) {
      if (e.level === 'warn') counts.warn += 1;
    });
    $('warn-count').textContent = counts.warn ? counts.warn + ' warning(s)' : '';
  }

  function setContext(context) {
    state.context = context;
    editor.value = JSON.stringify(context, null, 2);
    applyChrome();
  }

  function applyChrome() {
    var context = state.context || {};
    document.documentElement.dir = context.dir === 'rtl' ? 'rtl' : 'ltr';
    document.documentElement.lang = context.locale === 'ar' ? 'ar' : 'en';
    document.body.dataset.theme = context.theme === 'dark' ? 'dark' : 'light';
    $('locale').value = context.locale === 'ar' ? 'ar' : 'en';
    $('theme').value = context.theme === 'dark' ? 'dark' : 'light';
  }

  function loadSample() {
    var context = state.context || {};
    var query =
      '?conversation=' + encodeURIComponent(state.conversation) +
      '&locale=' + encodeURIComponent(context.locale || '') +
      '&theme=' + encodeURIComponent(context.theme || '');
    return fetch('/__simulator/sample' + query)
      .then(function (response) {
        return response.json();
      })
      .then(setContext);
  }

  function mintToken(data) {
    return fetch('/__simulator/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
    })
      .then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) throw new Error(body.message || 'token endpoint failed');
          return body.token;
        });
      })
      .catch(function (error) {
        log('note', 'warn', 'No token in this context: ' + error.message);
        return undefined;
      });
  }

  function summary(data, size) {
    var conversation = data.conversation || {};
    var messages = Array.isArray(conversation.messages) ? conversation.messages.length : '?';
    return (
      'conversation #' + conversation.id + ', ' + messages + ' messages, contact "' +
      (data.contact && data.contact.name) + '", locale ' + data.locale + ', theme ' + data.theme +
      ', token ' + (data.token ? 'yes' : 'no') + ', ' + size + ' bytes'
    );
  }

  // Every post goes to the app's origin only (never '*'): if the frame navigated elsewhere,
  // the browser drops it, as the dashboard's does.
  function push(reason) {
    if (!state.context) return Promise.resolve();
    var data = Object.assign({}, state.context);
    delete data.token;
    return mintToken(data).then(function (token) {
      if (token) data.token = token;
      data.reason = REASONS[reason] || 'conversation.updated';
      var message = JSON.stringify({ event: 'appContext', data: data });
      if (!frame.contentWindow) return;
      frame.contentWindow.postMessage(message, appOrigin);
      log('host-to-app', 'info', 'appContext (' + reason + ')', summary(data, message.length));
      if (level2()) level2().afterPush(message, data);
    });
  }

  function levenshtein(a, b) {
    var row = [];
    for (var j = 0; j <= b.length; j += 1) row.push(j);
    for (var i = 1; i <= a.length; i += 1) {
      var previous = row[0];
      row[0] = i;
      for (var k = 1; k <= b.length; k += 1) {
        var saved = row[k];
        row[k] = Math.min(row[k] + 1, row[k - 1] + 1, previous + (a[i - 1] === b[k - 1] ? 0 : 1));
        previous = saved;
      }
    }
    return row[b.length];
  }

  function looksLikeFetchInfo(text) {
    var lower = String(text).toLowerCase();
    var letters = lower.replace(/[^a-z]/g, '');
    return (
      /fetch|info|dashboardapp|dashboard-app/.test(lower) ||
      letters.indexOf('fetchinfo') !== -1 ||
      FETCH_KEYS.some(function (key) {
        return levenshtein(lower, key) <= 8;
      })
    );
  }

  function diagnose(data) {
    if (typeof data !== 'string') {
      var kind =
        data === null ? 'null' : Array.isArray(data) ? 'an array' : typeof data === 'object' ? 'an object' : 'a ' + typeof data;
      var wrapped =
        data && typeof data === 'object' &&
        Object.keys(data).some(function (key) {
          return typeof data[key] === 'string' && looksLikeFetchInfo(data[key]);
        });
      return {
        level: 'warn',
        text:
          'The app posted ' + kind + ', not a string: the dashboard ignores it. Post the bare string "' +
          FETCH_KEYS[0] + '"' + (wrapped ? ' (it looks like a fetch-info request wrapped in an object).' : '.'),
      };
    }
    if (FETCH_KEYS.indexOf(data.trim()) !== -1) {
      return { level: 'warn', text: 'fetch-info with extra whitespace: the dashboard accepts only the exact string.' };
    }
    var parsed = null;
    try {
      parsed = JSON.parse(data);
    } catch (error) {
      parsed = null;
    }
    if (parsed && typeof parsed === 'object' && typeof parsed.event === 'string') {
      if (FETCH_KEYS.indexOf(parsed.event) !== -1) {
        return { level: 'warn', text: 'fetch-info sent as JSON: the dashboard expects the bare string "' + FETCH_KEYS[0] + '", not {"event": …}.' };
      }
      if (parsed.event.indexOf('bevatel-dashboard-app:') === 0) {
        return { level: 'warn', text: 'Level 2 message "' + parsed.event + '" the dashboard does not understand (is its data an object with the fields of PROTOCOL.md?): ignored.' };
      }
      if (parsed.event === 'appContext') {
        return { level: 'warn', text: 'The app posted an appContext to the host: the host ignores it (did the app post to window.parent instead of handling it?).' };
      }
    }
    if (looksLikeFetchInfo(data)) {
      return { level: 'warn', text: 'Unknown key "' + data.slice(0, 80) + '": did you mean "' + FETCH_KEYS[0] + '"? The dashboard ignores it.' };
    }
    return { level: 'warn', text: 'Unknown message: the dashboard ignores anything but "' + FETCH_KEYS[0] + '".' };
  }

  window.addEventListener('message', function (event) {
    if (level2() && level2().receive(event)) return;
    if (event.source !== frame.contentWindow) {
      log('note', 'info', 'Ignored a message from another window (not the app frame)', preview(event.data));
      return;
    }
    if (event.origin !== appOrigin) {
      log('app-to-host', 'warn', 'Message from ' + event.origin + ', not the app origin ' + appOrigin + ': the dashboard ignores it (did the frame navigate away?).', preview(event.data));
      return;
    }
    var data = event.data;
    if (typeof data === 'string' && FETCH_KEYS.indexOf(data) !== -1) {
      var since = Date.now() - state.loadedAt;
      log('app-to-host', 'info', 'fetch-info' + (data === FETCH_KEYS[0] ? '' : ' (Chatwoot key, accepted)'), data);
      if (!state.fetchSinceLoad && state.loads > 0 && since > config.lateAfterMs) {
        log('note', 'warn',
          'Listener registered too late? The first fetch-info came ' + (since / 1000).toFixed(1) +
          ' s after the frame loaded. The context posted on load is lost if no listener was registered then: add the "message" listener (or SDK connect()) at startup, before the page finishes loading.');
      }
      state.fetchSinceLoad = true;
      state.lastFetchAt = Date.now();
      push('answer to fetch-info');
      return;
    }
    var problem = diagnose(data);
    log('app-to-host', problem.level, problem.text, preview(data));
  });

  frame.addEventListener('load', function () {
    state.loads += 1;
    // A fetch-info posted while this page was still loading (before its load event) counts.
    state.fetchSinceLoad = state.lastFetchAt > state.loadedAt;
    state.loadedAt = Date.now();
    log('note', 'info', 'App frame load #' + state.loads);
    if (level2()) level2().frameLoaded();
    push('frame load');
    clearTimeout(state.lateTimer);
    state.lateTimer = setTimeout(function () {
      if (state.fetchSinceLoad) return;
      log('note', 'hint',
        'No fetch-info within ' + config.lateAfterMs / 1000 + ' s of load. Fine if your listener was registered before the load event (it got the context above). If your app shows no data, it registered its listener too late: post "' +
        FETCH_KEYS[0] + '" right after registering it (the SDK\u2019s fetchContext() does).');
    }, config.lateAfterMs);
  });

  function reloadFrame(reason) {
    log('note', 'info', 'Reloading the app (' + reason + ')');
    state.loadedAt = Date.now();
    state.fetchSinceLoad = false;
    if (level2()) level2().expectLoad();
    frame.src = config.appUrl;
  }

  $('conversation').addEventListener('change', function (event) {
    state.conversation = event.target.value;
    loadSample().then(function () {
      if (level2() && level2().handlesSwitches()) {
        log('note', 'info', 'The app subscribed to conversation.changed: not reloaded, it gets the new context');
        level2().emit('conversation.changed', { context: state.context });
        push('conversation switched');
      } else if ($('reload-on-switch').checked) reloadFrame('conversation switched');
      else push('conversation switched');
    });
  });

  $('locale').addEventListener('change', function (event) {
    if (!state.context) return;
    state.context.locale = event.target.value;
    state.context.dir = event.target.value === 'ar' ? 'rtl' : 'ltr';
    setContext(state.context);
    push('locale changed');
    if (level2()) level2().emit('locale.changed', { locale: state.context.locale, dir: state.context.dir });
  });

  $('theme').addEventListener('change', function (event) {
    if (!state.context) return;
    state.context.theme = event.target.value;
    setContext(state.context);
    push('theme changed');
    if (level2()) level2().emit('theme.changed', { theme: state.context.theme });
  });

  $('add-message').addEventListener('submit', function (event) {
    event.preventDefault();
    var context = state.context;
    if (!context || !context.conversation || !Array.isArray(context.conversation.messages)) {
      log('note', 'warn', 'The context has no conversation.messages array to add to.');
      return;
    }
    var conversation = context.conversation;
    var sender = (conversation.meta && conversation.meta.sender) || context.contact || {};
    var now = Math.floor(Date.now() / 1000);
    var input = $('message-text');
    var content = input.value.trim() || (context.locale === 'ar' ? 'هل من جديد بخصوص طلبي؟' : 'Any news on my order?');
    var maxId = conversation.messages.reduce(function (max, message) {
      return message && message.id > max ? message.id : max;
    }, 0);
    var message = {
      id: maxId + 1,
      content: content,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      account_id: conversation.account_id,
      message_type: 0,
      content_type: 'text',
      content_attributes: {},
      created_at: now,
      private: false,
      status: 'sent',
      source_id: null,
      sender_type: 'Contact',
      sender_id: sender.id,
      sender: {
        id: sender.id,
        name: sender.name,
        email: sender.email,
        phone_number: sender.phone_number,
        identifier: sender.identifier,
        thumbnail: sender.thumbnail,
        additional_attributes: sender.additional_attributes,
        custom_attributes: sender.custom_attributes,
        type: 'contact',
      },
    };
    conversation.messages.push(message);
    conversation.timestamp = now;
    conversation.last_activity_at = now;
    conversation.unread_count = (conversation.unread_count || 0) + 1;
    conversation.last_non_activity_message = message;
    conversation.waiting_since = conversation.waiting_since || now;
    if (context.contact) context.contact.last_activity_at = now;
    input.value = '';
    setContext(context);
    push('new incoming message');
    if (level2()) {
      level2().emit('message.created', { message: message });
      level2().emit('conversation.updated', { conversation: conversation });
    }
  });

  $('apply-json').addEventListener('click', function () {
    var parsed;
    try {
      parsed = JSON.parse(editor.value);
    } catch (error) {
      log('note', 'warn', 'The context JSON does not parse: ' + error.message);
      return;
    }
    if (!parsed || typeof parsed !== 'object' || !parsed.conversation || !parsed.contact || !parsed.currentAgent) {
      log('note', 'warn', 'The edited context lacks conversation, contact or currentAgent: apps (and the SDK) will ignore it. Sending it anyway.');
    }
    setContext(parsed);
    push('context edited');
    if (level2() && parsed && parsed.conversation) {
      level2().emit('conversation.updated', { conversation: parsed.conversation });
      if (parsed.contact) level2().emit('contact.updated', { contact: parsed.contact });
    }
  });

  $('push').addEventListener('click', function () {
    push('manual push');
  });
  $('reload').addEventListener('click', function () {
    reloadFrame('reload button');
  });
  $('reset').addEventListener('click', function () {
    loadSample().then(function () {
      push('sample reset');
    });
  });
  $('clear-log').addEventListener('click', function () {
    entries.length = 0;
    logList.textContent = '';
    $('warn-count').textContent = '';
  });

  // The dashboard re-issues the token before it expires (5 minutes).
  setInterval(function () {
    push('token refresh');
  }, 240000);

  window.__simulator = {
    log: entries,
    push: push,
    get context() {
      return state.context;
    },
  };
  // What the level-2 part of the page (page-script-level2) works with.
  window.__simulatorHost = {
    config: config,
    frame: frame,
    appOrigin: appOrigin,
    log: log,
    push: push,
    mintToken: mintToken,
    setContext: setContext,
    reloadFrame: reloadFrame,
    get context() {
      return state.context;
    },
  };
  if (level2()) level2().start();

  fetch('/__simulator/check')
    .then(function (response) {
      return response.json();
    })
    .then(function (findings) {
      findings.forEach(function (finding) {
        log('note', finding.level, finding.text);
      });
    })
    .catch(function () {
      /* the check is advisory */
    });

  loadSample().then(function () {
    if (level2()) level2().expectLoad();
    frame.src = config.appUrl;
  });
})();
`;

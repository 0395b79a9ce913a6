/**
 * Level 2 in the stand-in dashboard, as text for the simulator page (plain ES2020, no template
 * literals): hello → ready, requests checked by the simulator server with the protocol's own
 * schemas (`/__simulator/level2/check`) then applied to the sample conversation (a stand-in
 * composer, header chips, notes, toasts, a dialog), events to what the app subscribed to, and
 * composer.beforeSend when the stand-in Send is pressed. Every message is logged.
 */
export const LEVEL2_SCRIPT = String.raw`
(function () {
  'use strict';
  var host = null;
  var config = null;
  var sessions = [];
  var notifications = [];
  var asks = {};
  var askSeq = 0;
  var mode = 'reply';
  // Set when the simulator itself (re)loads the frame: a hello that comes before that load is
  // the loading document's own, and stays. On a navigation by the app, the load starts over.
  var loadExpectedSince = 0;

  function $(id) {
    return document.getElementById(id);
  }

  function newSession(frame, location) {
    return { frame: frame, location: location, said: false, subscribed: [], helloAt: 0 };
  }

  function sessionOf(source) {
    for (var i = 0; i < sessions.length; i += 1) {
      if (sessions[i].frame.contentWindow === source) return sessions[i];
    }
    return null;
  }

  function granted() {
    return Array.prototype.slice
      .call(document.querySelectorAll('.grant'))
      .filter(function (box) {
        return box.checked;
      })
      .map(function (box) {
        return box.value;
      });
  }

  function send(session, event, data) {
    if (!session.frame.contentWindow) return;
    var text = JSON.stringify({ event: event, data: data });
    session.frame.contentWindow.postMessage(text, host.appOrigin);
    var label = event.replace('bevatel-dashboard-app:', '');
    if (event === 'bevatel-dashboard-app:event') label = 'event ' + data.name;
    if (event === 'bevatel-dashboard-app:response') label = 'response ' + data.id + (data.error ? ' (' + data.error.code + ')' : '');
    host.log('host-to-app', data.error ? 'warn' : 'info', label + (session.location === 'modal' ? ' [dialog]' : ''), text.length > 400 ? text.slice(0, 400) + '…' : text);
  }

  function status() {
    var main = sessions[0];
    $('level2-status').textContent = !main || !main.said
      ? 'no hello yet (level 1)'
      : 'connected, subscribed to: ' + (main.subscribed.join(', ') || 'nothing');
  }

  function ready(session) {
    var context = host.context || {};
    var methods = config.level2.methods.filter(function (method) {
      if (method === 'ui.resize') return session.location === 'modal';
      if (method === 'ui.modal.open') return session.location !== 'modal';
      return true;
    });
    send(session, 'bevatel-dashboard-app:ready', {
      protocol: 2,
      methods: methods,
      events: config.level2.events,
      permissions: granted(),
      subscribed: session.subscribed,
      location: session.location,
      locale: context.locale,
      dir: context.dir,
      theme: context.theme,
      context: context,
    });
  }

  function emit(name, payload) {
    sessions.forEach(function (session) {
      if (session.said && session.subscribed.indexOf(name) !== -1) {
        send(session, 'bevatel-dashboard-app:event', { name: name, payload: payload });
      }
    });
  }

  // ---- the sample conversation, as the stand-in dashboard shows it ----

  function renderHeader() {
    var conversation = (host.context && host.context.conversation) || {};
    var header = $('conv-header');
    header.textContent = '';
    function pill(text) {
      var span = document.createElement('span');
      span.className = 'pill';
      span.textContent = text;
      header.append(span);
    }
    pill('status: ' + conversation.status);
    pill('priority: ' + (conversation.priority || 'none'));
    var assignee = conversation.meta && conversation.meta.assignee;
    pill('assignee: ' + (assignee ? assignee.name : 'none'));
    (conversation.labels || []).forEach(function (label) {
      var chip = document.createElement('span');
      chip.className = 'chip';
      chip.textContent = label;
      header.append(chip);
    });
  }

  function changed(events, why) {
    host.setContext(host.context);
    renderHeader();
    host.push(why || 'conversation changed by the app');
    events.forEach(function (event) {
      emit(event[0], event[1]);
    });
  }

  function conversationUpdated() {
    return ['conversation.updated', { conversation: host.context.conversation }];
  }

  function addMessage(content, isPrivate, extra) {
    var context = host.context;
    var conversation = context.conversation;
    var agent = context.currentAgent || {};
    var now = Math.floor(Date.now() / 1000);
    var maxId = (conversation.messages || []).reduce(function (max, m) {
      return m && m.id > max ? m.id : max;
    }, 0);
    var message = {
      id: maxId + 1,
      content: content,
      inbox_id: conversation.inbox_id,
      conversation_id: conversation.id,
      account_id: conversation.account_id,
      message_type: 1,
      content_type: 'text',
      content_attributes: extra || {},
      created_at: now,
      private: isPrivate,
      status: 'sent',
      source_id: null,
      sender_type: 'User',
      sender_id: agent.id,
      sender: {
        id: agent.id, name: agent.name, email: agent.email, phone_number: null, identifier: null,
        thumbnail: null,
        additional_attributes: { description: null, company_name: null, social_profiles: { github: null, twitter: null, facebook: null, linkedin: null } },
        custom_attributes: {}, type: 'user',
      },
    };
    conversation.messages.push(message);
    conversation.last_activity_at = now;
    if (!isPrivate) conversation.last_non_activity_message = message;
    changed([['message.created', { message: message }], conversationUpdated()], 'message added');
    return message;
  }

  function insertText(text, insertMode, target) {
    var box = $('composer-text');
    var start = box.selectionStart;
    var end = box.selectionEnd;
    if (insertMode === 'replace') box.value = text;
    else if (insertMode === 'append') box.value = box.value + text;
    else box.value = box.value.slice(0, start) + text + box.value.slice(end);
    setMode(target);
    var caret = insertMode === 'insert' ? start + text.length : box.value.length;
    box.setSelectionRange(caret, caret);
  }

  function setMode(next) {
    mode = next;
    $('composer').dataset.mode = next;
    $('mode-reply').setAttribute('aria-pressed', String(next === 'reply'));
    $('mode-note').setAttribute('aria-pressed', String(next === 'note'));
  }

  function toast(message, kind) {
    var item = document.createElement('div');
    item.className = 'toast toast-' + kind;
    var who = document.createElement('strong');
    who.textContent = 'Your app (' + kind + ')';
    item.append(who, document.createTextNode(message));
    $('toasts').append(item);
    setTimeout(function () {
      item.remove();
    }, 6000);
  }

  function failure(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function openModal(params) {
    var url;
    try {
      url = new URL(params.url, host.appOrigin + '/');
    } catch (e) {
      throw failure('invalid_params', 'ui.modal.open: url is not a URL');
    }
    if (url.origin !== host.appOrigin) {
      throw failure('invalid_params', "ui.modal.open: url must be on the app's own origin (" + host.appOrigin + ')');
    }
    var dialog = $('app-modal');
    var frame = $('app-modal-frame');
    var size = config.level2.modal;
    frame.style.width = Math.min(params.width || size.width.default, window.innerWidth - 40) + 'px';
    frame.style.height = (params.height || size.height.default) + 'px';
    $('app-modal-title').textContent = params.title;
    sessions = sessions.slice(0, 1).concat([newSession(frame, 'modal')]);
    frame.src = url.href;
    if (!dialog.open) dialog.showModal();
  }

  function closeModal() {
    var dialog = $('app-modal');
    if (!dialog.open) return false;
    dialog.close();
    $('app-modal-frame').src = 'about:blank';
    sessions = sessions.slice(0, 1);
    return true;
  }

  // ---- methods ----

  function merge(target, patch) {
    Object.keys(patch).forEach(function (key) {
      target[key] = patch[key];
    });
    return target;
  }

  var METHODS = {
    'context.get': function () {
      return host.context;
    },
    'token.get': function () {
      var data = merge({}, host.context);
      delete data.token;
      return host.mintToken(data).then(function (token) {
        if (!token) throw failure('not_available', 'The simulator could not sign a token');
        return { token: token, expires_at: Math.floor(Date.now() / 1000) + 300 };
      });
    },
    'composer.insert': function (params) {
      insertText(params.text, params.mode || 'insert', params.target || 'reply');
      return { target: params.target || 'reply', placed: 'composer' };
    },
    'note.create': function (params) {
      return { message: addMessage(params.content, true, { app_id: 1 }) };
    },
    'labels.add': function (params) {
      var conversation = host.context.conversation;
      params.labels.forEach(function (label) {
        if (conversation.labels.indexOf(label) === -1) conversation.labels.push(label);
      });
      conversation.labels.sort();
      changed([conversationUpdated()]);
      return { labels: conversation.labels };
    },
    'labels.remove': function (params) {
      var conversation = host.context.conversation;
      conversation.labels = conversation.labels.filter(function (label) {
        return params.labels.indexOf(label) === -1;
      });
      changed([conversationUpdated()]);
      return { labels: conversation.labels };
    },
    'conversation.attributes.set': function (params) {
      var conversation = host.context.conversation;
      conversation.custom_attributes = merge(conversation.custom_attributes || {}, params.attributes);
      changed([conversationUpdated()]);
      return { custom_attributes: conversation.custom_attributes };
    },
    'contact.attributes.set': function (params) {
      var contact = host.context.contact;
      contact.custom_attributes = merge(contact.custom_attributes || {}, params.attributes);
      var sender = host.context.conversation.meta && host.context.conversation.meta.sender;
      if (sender) sender.custom_attributes = contact.custom_attributes;
      changed([['contact.updated', { contact: contact }]], 'contact changed by the app');
      return { custom_attributes: contact.custom_attributes };
    },
    'conversation.status.set': function (params) {
      if (params.snoozed_until !== undefined && params.status !== 'snoozed') {
        throw failure('invalid_params', 'conversation.status.set: snoozed_until goes only with status "snoozed"');
      }
      var conversation = host.context.conversation;
      conversation.status = params.status;
      conversation.snoozed_until = params.status === 'snoozed' ? params.snoozed_until || null : null;
      changed([conversationUpdated()]);
      return { status: conversation.status, snoozed_until: conversation.snoozed_until };
    },
    'conversation.priority.set': function (params) {
      host.context.conversation.priority = params.priority;
      changed([conversationUpdated()]);
      return { priority: params.priority };
    },
    'conversation.assign': function (params) {
      var meta = host.context.conversation.meta;
      var agent = host.context.currentAgent;
      if ('assignee_id' in params) {
        meta.assignee = params.assignee_id === null ? null : merge(merge({}, meta.assignee || {}), { id: params.assignee_id, name: params.assignee_id === agent.id ? agent.name : 'Agent #' + params.assignee_id });
      } else {
        meta.team = params.team_id === null ? null : { id: params.team_id, name: 'Team #' + params.team_id };
      }
      changed([conversationUpdated()]);
      return params;
    },
    'ui.notify': function (params) {
      var now = Date.now();
      notifications = notifications.filter(function (at) {
        return now - at < 60000;
      });
      if (notifications.length >= config.level2.maxNotify) {
        throw failure('rate_limited', 'ui.notify: at most ' + config.level2.maxNotify + ' notifications a minute');
      }
      notifications.push(now);
      toast(params.message, params.kind || 'info');
      return { shown: true };
    },
    'ui.resize': function (params, session) {
      if (session.location !== 'modal') {
        throw failure('not_available', 'ui.resize: the conversation.tab location has a fixed height');
      }
      var height = Math.min(params.height, window.innerHeight - 120);
      session.frame.style.height = height + 'px';
      return { height: height };
    },
    'ui.openUrl': function (params) {
      window.open(params.url, '_blank', 'noopener,noreferrer');
      return { opened: true };
    },
    'ui.modal.open': function (params, session) {
      if (session.location === 'modal') throw failure('not_available', 'ui.modal.open: not from inside a modal');
      openModal(params);
      return { opened: true };
    },
    'ui.modal.close': function () {
      return { closed: closeModal() };
    },
  };

  function request(session, data) {
    host.log('app-to-host', 'info', 'request ' + data.method + ' (' + data.id + ')' + (session.location === 'modal' ? ' [dialog]' : ''), JSON.stringify(data.params === undefined ? {} : data.params));
    var expected = data.conversation_id;
    fetch('/__simulator/level2/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: data.method, params: data.params, granted: granted() }),
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (verdict) {
        if (verdict.error) throw failure(verdict.error.code, verdict.error.message);
        var id = host.context && host.context.conversation && host.context.conversation.id;
        if (typeof expected === 'number' && expected !== id) {
          throw failure('conflict', 'The agent now shows conversation ' + id + ', not ' + expected);
        }
        return METHODS[data.method](data.params || {}, session);
      })
      .then(function (result) {
        send(session, 'bevatel-dashboard-app:response', { id: data.id, result: result });
      })
      .catch(function (error) {
        send(session, 'bevatel-dashboard-app:response', {
          id: data.id,
          error: { code: error.code || 'internal', message: error.message || String(error) },
        });
      });
  }

  // ---- composer.beforeSend, from the stand-in Send ----

  function submit(event) {
    event.preventDefault();
    var text = $('composer-text').value.trim();
    if (!text) return;
    var objection = $('objection');
    objection.hidden = true;
    var askers = sessions.filter(function (s) {
      return s.said && s.subscribed.indexOf('composer.beforeSend') !== -1;
    });
    if (askers.length === 0) return deliver(text);
    askSeq += 1;
    var id = 'sim-' + askSeq;
    var session = askers[0];
    var done = false;
    asks[id] = function (result) {
      if (done) return;
      done = true;
      delete asks[id];
      if (result && result.allow === false) {
        objection.hidden = false;
        objection.textContent = 'Held back by the app: ' + (result.reason || '(no reason given)') + ' ';
        var anyway = document.createElement('button');
        anyway.type = 'button';
        anyway.textContent = 'Send anyway';
        anyway.addEventListener('click', function () {
          objection.hidden = true;
          deliver(text);
        });
        objection.append(anyway);
      } else {
        deliver(text);
      }
    };
    send(session, 'bevatel-dashboard-app:event', { name: 'composer.beforeSend', id: id, payload: { text: text, kind: mode } });
    setTimeout(function () {
      if (done) return;
      host.log('note', 'warn', 'No answer to composer.beforeSend within ' + config.level2.beforeSendMs / 1000 + ' s: the dashboard sends anyway');
      asks[id]({ allow: true });
    }, config.level2.beforeSendMs);
  }

  function deliver(text) {
    addMessage(text, mode === 'note');
    $('composer-text').value = '';
    host.log('note', 'info', (mode === 'note' ? 'Note added: ' : 'Reply sent: ') + text);
  }

  window.__simulatorLevel2 = {
    start: function () {
      host = window.__simulatorHost;
      config = host.config;
      sessions = [newSession(host.frame, 'conversation.tab')];
      $('composer').addEventListener('submit', submit);
      $('mode-reply').addEventListener('click', function () {
        setMode('reply');
      });
      $('mode-note').addEventListener('click', function () {
        setMode('note');
      });
      $('reload-grants').addEventListener('click', function () {
        host.reloadFrame('grants changed');
      });
      $('app-modal-close').addEventListener('click', closeModal);
      $('app-modal').addEventListener('close', function () {
        sessions = sessions.slice(0, 1);
      });
      $('app-modal-frame').addEventListener('load', function () {
        var modal = sessions[1];
        if (!modal || !host.context) return;
        modal.said = false;
        var text = JSON.stringify({ event: 'appContext', data: merge(merge({}, host.context), { reason: 'load' }) });
        modal.frame.contentWindow.postMessage(text, host.appOrigin);
        host.log('host-to-app', 'info', 'appContext (dialog frame load)');
      });
      setInterval(renderHeader, 1000);
      status();
    },
    /** A message from one of the app's frames, if it is level 2 (or any, from the dialog). */
    receive: function (event) {
      var session = sessionOf(event.source);
      if (!session || event.origin !== host.appOrigin) return false;
      var message = null;
      if (typeof event.data === 'string' && event.data.indexOf('{"event":"bevatel-dashboard-app:') === 0) {
        try {
          message = JSON.parse(event.data);
        } catch (e) {
          message = null;
        }
      }
      if (!message || !message.data || typeof message.data !== 'object') {
        if (session.location !== 'modal') return false;
        if (config.fetchInfoKeys.indexOf(event.data) !== -1) {
          var text = JSON.stringify({ event: 'appContext', data: merge(merge({}, host.context), { reason: 'fetch-info' }) });
          session.frame.contentWindow.postMessage(text, host.appOrigin);
          host.log('host-to-app', 'info', 'appContext (answer to fetch-info) [dialog]');
        }
        return true;
      }
      var data = message.data;
      if (message.event === 'bevatel-dashboard-app:hello') {
        if (typeof data.protocol !== 'number' || data.protocol < 2) return false;
        session.said = true;
        session.helloAt = Date.now();
        session.subscribed = (Array.isArray(data.subscribe) ? data.subscribe : []).filter(function (name) {
          return config.level2.events.indexOf(name) !== -1;
        });
        host.log('app-to-host', 'info', 'hello (sdk ' + (data.sdk || '?') + ', subscribe: ' + (session.subscribed.join(', ') || 'nothing') + ')' + (session.location === 'modal' ? ' [dialog]' : ''), event.data);
        ready(session);
        status();
        return true;
      }
      if (message.event === 'bevatel-dashboard-app:request' && typeof data.id === 'string') {
        if (!session.said) {
          host.log('app-to-host', 'warn', 'Request before hello: the dashboard ignores it (say hello first)', event.data);
          return true;
        }
        request(session, data);
        return true;
      }
      if (message.event === 'bevatel-dashboard-app:response' && typeof data.id === 'string') {
        host.log('app-to-host', 'info', 'answer to ' + data.id, event.data);
        if (asks[data.id]) asks[data.id](data.result);
        return true;
      }
      return false;
    },
    afterPush: function (message) {
      renderHeader();
      var modal = sessions[1];
      if (modal && modal.frame.contentWindow) modal.frame.contentWindow.postMessage(message, host.appOrigin);
    },
    expectLoad: function () {
      loadExpectedSince = Date.now();
    },
    frameLoaded: function () {
      var main = sessions[0];
      var own = loadExpectedSince > 0 && main && main.said && main.helloAt >= loadExpectedSince;
      loadExpectedSince = 0;
      if (!own) sessions[0] = newSession(host.frame, 'conversation.tab');
      status();
    },
    handlesSwitches: function () {
      var main = sessions[0];
      return Boolean(main && main.said && main.subscribed.indexOf('conversation.changed') !== -1);
    },
    emit: emit,
  };
})();
`;

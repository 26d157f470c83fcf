// Agent console: plain DOM, no framework. Borrower text is only ever set with textContent, never as HTML.
(function () {
  'use strict';

  var state = { agent: null, csrf: '', queue: null, queueFetchedAt: 0, selected: null, lastSeq: 0, events: null, typingTimer: null, lastTypingSent: 0 };

  function $(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function api(method, url, body) {
    var headers = { Accept: 'application/json' };
    if (method !== 'GET') { headers['X-CSRF-Token'] = state.csrf; }
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = text ? JSON.parse(text) : {};
          if (res.status === 401 && url !== '/agent/api/session') { showSignIn(); }
          if (!res.ok) { var err = new Error(data.message || res.statusText); err.status = res.status; err.code = data.error; throw err; }
          return data;
        });
      });
  }

  function formatWait(seconds) {
    var s = Math.max(0, Math.floor(seconds));
    var m = Math.floor(s / 60);
    return m + ':' + String(s % 60).padStart(2, '0');
  }

  // ---------------------------------------------------------------- session
  function showSignIn() {
    if (state.events) { state.events.close(); state.events = null; }
    state.agent = null;
    $('app').hidden = true;
    $('signin').hidden = false;
  }

  function showApp(me) {
    state.agent = me.agent;
    state.csrf = me.csrfToken;
    $('agent-name').textContent = me.agent.displayName + ' (' + me.agent.id + ')';
    $('signin').hidden = true;
    $('app').hidden = false;
    connectEvents();
    refreshQueue();
  }

  $('signin-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    $('signin-error').textContent = '';
    api('POST', '/agent/api/session', { agentId: $('agent-id').value, password: $('password').value })
      .then(function (me) { $('password').value = ''; showApp(me); })
      .catch(function (err) { $('signin-error').textContent = err.message; });
  });

  $('signout').addEventListener('click', function () {
    api('DELETE', '/agent/api/session').catch(function () {}).then(showSignIn);
  });

  // ---------------------------------------------------------------- live updates
  function connectEvents() {
    if (state.events) state.events.close();
    var es = new EventSource('/agent/api/events');
    state.events = es;
    es.addEventListener('ready', function () { $('live-status').textContent = 'live'; });
    es.addEventListener('error', function () { $('live-status').textContent = 'reconnecting…'; });
    es.addEventListener('queue_changed', function () { refreshQueue(); });
    es.addEventListener('ticket_changed', function (e) {
      var data = JSON.parse(e.data);
      refreshQueue();
      if (state.selected && data.ticketId === state.selected) loadTicket(state.selected);
    });
    es.addEventListener('message', function (e) {
      var data = JSON.parse(e.data);
      if (data.ticketId === state.selected) addMessage(data.message);
    });
    es.addEventListener('borrower_typing', function (e) {
      var data = JSON.parse(e.data);
      if (data.ticketId !== state.selected) return;
      $('borrower-typing').hidden = false;
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(function () { $('borrower-typing').hidden = true; }, 4000);
    });
    es.addEventListener('session_ended', function () { showSignIn(); });
  }

  // ---------------------------------------------------------------- queue
  function refreshQueue() {
    return api('GET', '/agent/api/queue').then(function (q) {
      state.queue = q;
      state.queueFetchedAt = Date.now();
      renderQueue();
    }).catch(function () {});
  }

  function renderQueue() {
    var q = state.queue;
    if (!q) return;
    var elapsed = (Date.now() - state.queueFetchedAt) / 1000;
    $('agents-online').textContent = q.agentsOnline + (q.agentsOnline === 1 ? ' agent online' : ' agents online');
    var box = $('queue');
    clear(box);
    [1, 2, 3].forEach(function (p) {
      var items = q.waiting.filter(function (t) { return t.priority === p; });
      var section = el('div', 'priority p' + p);
      section.appendChild(el('h3', null, 'P' + p + ' · ' + items.length + ' waiting'));
      var ul = el('ul');
      items.forEach(function (t) {
        var li = el('li');
        li.setAttribute('data-ticket', t.ticketId);
        li.appendChild(el('span', 'wait', formatWait(t.waitingSeconds + elapsed)));
        li.appendChild(el('strong', null, t.ticketId));
        if (t.kind === 'message') li.appendChild(el('span', 'tag', 'left a message'));
        li.appendChild(document.createTextNode(' ' + t.reason + (t.skills.length ? ' [' + t.skills.join(', ') + ']' : '') + (t.claimable ? '' : ' (needs skills)')));
        ul.appendChild(li);
      });
      section.appendChild(ul);
      box.appendChild(section);
    });
    var mine = $('mine');
    clear(mine);
    q.mine.forEach(function (t) {
      var li = el('li', t.id === state.selected ? 'selected' : '');
      li.setAttribute('data-ticket', t.id);
      li.appendChild(el('strong', null, t.id));
      li.appendChild(document.createTextNode(' ' + t.reason));
      li.addEventListener('click', function () { selectTicket(t.id); });
      mine.appendChild(li);
    });
  }
  setInterval(renderQueue, 1000);

  $('claim').addEventListener('click', function () {
    $('claim-message').textContent = '';
    api('POST', '/agent/api/claim')
      .then(function (r) { selectTicket(r.ticket.id); return refreshQueue(); })
      .catch(function (err) { $('claim-message').textContent = err.message; });
  });

  // ---------------------------------------------------------------- ticket
  function selectTicket(id) {
    state.selected = id;
    state.lastSeq = 0;
    clear($('messages'));
    loadTicket(id);
    renderQueue();
  }

  function loadTicket(id) {
    return api('GET', '/agent/api/tickets/' + encodeURIComponent(id)).then(function (d) {
      if (state.selected !== id) return;
      var t = d.ticket;
      $('ticket').hidden = false;
      $('ticket-error').textContent = '';
      $('ticket-title').textContent = t.id + ' · P' + t.priority + ' · ' + t.language;
      $('ticket-state').textContent = t.state + (t.outcome ? ' (' + t.outcome + ')' : '');
      $('ticket-reason').textContent = t.reason + (t.kind === 'message' ? ' (left a message while nobody was available)' : '');
      var intents = $('ticket-intents');
      clear(intents);
      (t.intents || []).forEach(function (i) { intents.appendChild(el('li', null, i.intent.replace(/_/g, ' ') + ' ' + Math.round(i.confidence * 100) + '%')); });
      var records = $('ticket-records');
      clear(records);
      (t.records || []).forEach(function (r) { records.appendChild(el('li', null, r.kind + ': ' + r.reference)); });
      if (!(t.records || []).length) records.appendChild(el('li', 'muted', 'none'));
      renderAccount($('ticket-account'), t.accountSnapshot);
      var tr = $('transcript');
      clear(tr);
      d.transcript.forEach(function (turn) {
        var li = el('li', 'from-' + turn.from);
        li.appendChild(el('span', 'who', turn.from + ' · ' + new Date(turn.at).toLocaleTimeString()));
        li.appendChild(document.createTextNode(turn.text));
        tr.appendChild(li);
      });
      // The latest turns are what the agent needs first; earlier ones are a scroll up.
      tr.scrollTop = tr.scrollHeight;
      d.messages.forEach(addMessage);
      var open = t.state === 'assigned' && t.agentId === state.agent.id;
      $('reply-button').disabled = !open;
      $('close-button').disabled = !open;
    }).catch(function (err) { $('ticket-error').textContent = err.message; });
  }

  // ---------------------------------------------------------------- account snapshot
  function yuan(fen) { return '¥' + (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }); }

  var LEGAL = { none: 'no legal action', lawyer_letter: "lawyer's letter", mediation: 'pre-litigation mediation', filed: 'court case filed', judgment: 'judgment', enforcement: 'court enforcement' };

  /** The lender's account (accountSchemas.ts) as lines an agent reads at a glance; any other shape as JSON. */
  function accountLines(a) {
    if (!a || typeof a !== 'object' || !a.borrower || !Array.isArray(a.loans)) return null;
    var lines = [a.borrower.name + ' · ' + a.borrower.maskedMobile + ' · ' + a.borrower.id];
    a.loans.forEach(function (l) {
      var line = l.productName + ' (' + l.loanId + '): ' + l.status.replace('_', ' ');
      if (l.daysOverdue > 0) line += ', ' + l.daysOverdue + (l.daysOverdue === 1 ? ' day' : ' days') + ' overdue';
      line += ' · overdue ' + yuan(l.overdueAmountFen) + ' · principal left ' + yuan(l.outstandingPrincipalFen) + ' · penalty ' + yuan(l.penaltyInterestFen) + ' · fees ' + yuan(l.feesFen);
      if (l.nextDueDate) line += ' · next due ' + l.nextDueDate + (l.nextDueAmountFen !== null ? ' ' + yuan(l.nextDueAmountFen) : '');
      lines.push(line);
    });
    if (a.legal) {
      var legal = 'Legal: ' + (LEGAL[a.legal.stage] || a.legal.stage);
      if (a.legal.court) legal += ' · ' + a.legal.court + ' ' + a.legal.caseNumber;
      lines.push(legal);
    }
    lines.push('Collection: ' + (a.collection ? a.collection.name + ' (' + a.collection.kind.replace('_', ' ') + ')' : 'none assigned'));
    var open = function (list, done) { return (list || []).filter(function (x) { return done.indexOf(x.status) < 0; }).length; };
    lines.push('Open: ' + open(a.complaints, ['resolved', 'closed']) + ' complaints, ' + open(a.planRequests, ['approved', 'rejected', 'withdrawn']) + ' plan requests, ' + open(a.hardshipReviews, ['decided']) + ' hardship reviews');
    return lines;
  }

  function renderAccount(node, snapshot) {
    clear(node);
    if (snapshot === undefined) { node.appendChild(el('p', 'muted', 'not verified')); return; }
    var raw = el('pre', null, JSON.stringify(snapshot, null, 2));
    var lines = accountLines(snapshot);
    if (!lines) { node.appendChild(raw); return; }
    var ul = el('ul');
    lines.forEach(function (line) { ul.appendChild(el('li', null, line)); });
    node.appendChild(ul);
    var details = el('details');
    details.appendChild(el('summary', null, 'Raw snapshot'));
    details.appendChild(raw);
    node.appendChild(details);
  }

  function addMessage(m) {
    if (m.seq <= state.lastSeq) return;
    state.lastSeq = m.seq;
    var li = el('li', 'from-' + m.from);
    li.setAttribute('data-seq', m.seq);
    li.appendChild(el('span', 'who', (m.from === 'agent' ? m.agentName || 'agent' : 'borrower') + ' · ' + new Date(m.at).toLocaleTimeString()));
    var text = m.text;
    if (text === undefined && m.value !== undefined) text = '[card] ' + JSON.stringify(m.value);
    if (text === undefined && m.attachments) text = '[attachment] ' + m.attachments.map(function (a) { return a.name || a.contentType; }).join(', ');
    li.appendChild(document.createTextNode(text || ''));
    $('messages').appendChild(li);
    $('messages').scrollTop = $('messages').scrollHeight;
    if (m.from === 'borrower') $('borrower-typing').hidden = true;
  }

  $('reply-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text || !state.selected) return;
    $('reply-button').disabled = true;
    api('POST', '/agent/api/tickets/' + encodeURIComponent(state.selected) + '/messages', { text: text })
      .then(function (r) { $('reply-text').value = ''; addMessage(r.message); })
      .catch(function (err) { $('ticket-error').textContent = err.message; })
      .then(function () { $('reply-button').disabled = false; });
  });

  $('reply-text').addEventListener('input', function () {
    if (!state.selected || Date.now() - state.lastTypingSent < 3000) return;
    state.lastTypingSent = Date.now();
    api('POST', '/agent/api/tickets/' + encodeURIComponent(state.selected) + '/typing', {}).catch(function () {});
  });

  $('close-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!state.selected) return;
    api('POST', '/agent/api/tickets/' + encodeURIComponent(state.selected) + '/close', { outcome: $('close-outcome').value, note: $('close-note').value })
      .then(function () { $('close-note').value = ''; return loadTicket(state.selected); })
      .then(refreshQueue)
      .catch(function (err) { $('ticket-error').textContent = err.message; });
  });

  // ---------------------------------------------------------------- start
  api('GET', '/agent/api/me').then(showApp).catch(showSignIn);
})();

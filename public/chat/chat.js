/*
 * The lender's support widget: Bot Framework Web Chat (served by this server from /vendor/webchat) talking to
 * the bot through the server's built-in Direct Line endpoint, by polling.
 *
 * - Token: POST /api/webchat/token (no secret in the page). A signed borrower token from the host page comes in
 *   the URL fragment (#borrowerToken=...); the server forwards it to the bot on every activity's
 *   channelData.borrowerToken. The fragment is removed from the address bar at once.
 * - Reload: the conversation id and token are kept in sessionStorage; a reload refreshes the token and
 *   reconnects to the same conversation (Web Chat shows the history again).
 * - Language: 简体 / 繁體 / English sets Web Chat's `locale` (its own texts and every later activity's
 *   `locale`) and sends the bot an event activity { name: 'webchat/language', value: 'zh-CN' | 'zh-TW' | 'en-US' }
 *   so it answers in that language from then on. The first language also goes in the token request, so the
 *   bot's greeting (conversationUpdate.locale) is already in it.
 */
(function () {
  'use strict';

  var SESSION_KEY = 'bsb.webchat.session';
  var LOCALE_KEY = 'bsb.webchat.locale';
  var LOCALES = ['zh-CN', 'zh-TW', 'en-US'];
  var TEXT = {
    'zh-CN': { subtitle: '在线客服', connecting: '正在连接…', failed: '暂时无法连接客服，请稍后刷新页面重试。', htmlLang: 'zh-CN' },
    'zh-TW': { subtitle: '線上客服', connecting: '正在連線…', failed: '暫時無法連線客服，請稍後重新整理頁面再試。', htmlLang: 'zh-TW' },
    'en-US': { subtitle: 'Customer support', connecting: 'Connecting…', failed: 'We cannot connect right now. Please reload the page later.', htmlLang: 'en' },
  };

  var el = {
    chat: document.getElementById('webchat'),
    status: document.getElementById('status'),
    lender: document.getElementById('lender-name'),
    subtitle: document.getElementById('subtitle'),
    buttons: Array.prototype.slice.call(document.querySelectorAll('[data-locale]')),
  };

  var state = { config: null, locale: 'zh-CN', directLine: null, store: null, connected: false };

  function storageGet(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (e) {
      return null; // storage blocked (some embedded contexts): no resume, still works
    }
  }

  function storageSet(key, value) {
    try {
      if (value === null) window.sessionStorage.removeItem(key);
      else window.sessionStorage.setItem(key, value);
    } catch (e) {
      /* ignore */
    }
  }

  function takeBorrowerToken() {
    var params = new URLSearchParams(window.location.hash.slice(1));
    var token = params.get('borrowerToken');
    if (token) window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return token || undefined;
  }

  function postJson(url, body, bearer) {
    var headers = { 'Content-Type': 'application/json' };
    if (bearer) headers.Authorization = 'Bearer ' + bearer;
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}), credentials: 'omit' }).then(function (res) {
      if (!res.ok) throw new Error(url + ' answered ' + res.status);
      return res.json();
    });
  }

  function showStatus(kind) {
    if (!kind) {
      el.status.hidden = true;
      return;
    }
    el.status.hidden = false;
    el.status.textContent = TEXT[state.locale][kind];
    el.status.classList.toggle('widget__status--error', kind === 'failed');
  }

  /** A session for this page: the saved conversation (reload) or a new one. */
  function getSession(borrowerToken) {
    var saved = null;
    try {
      saved = JSON.parse(storageGet(SESSION_KEY) || 'null');
    } catch (e) {
      saved = null;
    }
    // A borrower token from the host always starts a fresh conversation under that identity.
    if (saved && saved.conversationId && saved.token && !borrowerToken) {
      return postJson('/v3/directline/tokens/refresh', {}, saved.token)
        .then(function (r) {
          return { conversationId: saved.conversationId, token: r.token, resumed: true };
        })
        .catch(function () {
          return newSession(borrowerToken);
        });
    }
    return newSession(borrowerToken);
  }

  function newSession(borrowerToken) {
    var body = { locale: state.locale };
    if (borrowerToken) body.borrowerToken = borrowerToken;
    return postJson('/api/webchat/token', body).then(function (r) {
      return { conversationId: r.conversationId, token: r.token, resumed: false };
    });
  }

  function saveSession() {
    var dl = state.directLine;
    if (dl && dl.conversationId && dl.token) {
      storageSet(SESSION_KEY, JSON.stringify({ conversationId: dl.conversationId, token: dl.token }));
    }
  }

  function styleOptions(brand) {
    return {
      accent: brand,
      primaryFont: getComputedStyle(document.documentElement).fontFamily,
      backgroundColor: '#FFFFFF',
      bubbleBackground: '#F2F3F5',
      bubbleBorderWidth: 0,
      bubbleBorderRadius: 12,
      bubbleFromUserBackground: brand,
      bubbleFromUserTextColor: '#FFFFFF',
      bubbleFromUserBorderWidth: 0,
      bubbleFromUserBorderRadius: 12,
      bubbleMaxWidth: 560,
      bubbleMinWidth: 60,
      botAvatarInitials: undefined,
      userAvatarInitials: undefined,
      hideUploadButton: true,
      sendBoxButtonColor: brand,
      sendBoxButtonColorOnHover: brand,
      // Suggested actions: wrap onto several lines (a phone shows them all), pill buttons in the brand colour.
      suggestedActionLayout: 'flow',
      suggestedActionBackgroundColor: '#FFFFFF',
      suggestedActionBorderColor: brand,
      suggestedActionBorderRadius: 16,
      suggestedActionBorderWidth: 1,
      suggestedActionTextColor: brand,
      suggestedActionHeight: 36,
      suggestedActionBackgroundColorOnHover: '#F2F3F5',
      suggestedActionsStackedHeight: 200,
      transcriptActivityVisualKeyboardIndicatorColor: brand,
    };
  }

  function render() {
    window.WebChat.renderWebChat(
      {
        directLine: state.directLine,
        store: state.store,
        locale: state.locale,
        styleOptions: styleOptions(state.config.brandColor),
        sendTypingIndicator: false,
      },
      el.chat,
    );
  }

  function applyLocaleToPage() {
    var text = TEXT[state.locale];
    document.documentElement.lang = text.htmlLang;
    el.subtitle.textContent = text.subtitle;
    document.title = state.config.lenderName + ' · ' + text.subtitle;
    el.buttons.forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-locale') === state.locale));
    });
    if (!el.status.hidden && !state.connected) showStatus('connecting');
  }

  function switchLocale(locale) {
    if (LOCALES.indexOf(locale) < 0 || locale === state.locale) return;
    state.locale = locale;
    storageSet(LOCALE_KEY, locale);
    applyLocaleToPage();
    if (!state.directLine) return;
    render();
    // Tell the bot: it answers in this language from now on.
    state.store.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/language', value: locale } });
  }

  function start(config) {
    state.config = config;
    var saved = storageGet(LOCALE_KEY);
    state.locale = LOCALES.indexOf(saved) >= 0 ? saved : config.defaultLocale;
    document.documentElement.style.setProperty('--brand', config.brandColor);
    el.lender.textContent = config.lenderName;
    applyLocaleToPage();
    el.buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        switchLocale(b.getAttribute('data-locale'));
      });
    });

    return getSession(takeBorrowerToken()).then(function (session) {
      state.directLine = window.WebChat.createDirectLine({
        token: session.token,
        conversationId: session.resumed ? session.conversationId : undefined,
        domain: window.location.origin + '/v3/directline',
        webSocket: false,
      });
      state.store = window.WebChat.createStore({}, function () {
        return function (next) {
          return function (action) {
            if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
              state.connected = true;
              showStatus(null);
              saveSession();
            } else if (action.type === 'DIRECT_LINE/CONNECT_REJECTED') {
              storageSet(SESSION_KEY, null);
              showStatus('failed');
            }
            return next(action);
          };
        };
      });
      render();
      // Keep the latest token (Web Chat refreshes it every 15 minutes) for a reload.
      window.addEventListener('pagehide', saveSession);
      setInterval(saveSession, 60 * 1000);
    });
  }

  fetch('/api/webchat/config', { credentials: 'omit' })
    .then(function (res) {
      if (!res.ok) throw new Error('config answered ' + res.status);
      return res.json();
    })
    .then(start)
    .catch(function () {
      state.config = state.config || { lenderName: '', brandColor: '#0B5CAD', defaultLocale: 'zh-CN' };
      showStatus('failed');
    });
})();

/* global AdaptiveCards */
// The local Teams page's script: renders the user's chat with the bot (cards through the official Adaptive Cards
// renderer), sends card actions and messages through the emulator's admin API, and drives the clock. Every text
// from data goes through textContent or the card renderer, never through innerHTML.
(() => {
  'use strict';
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const user = boot.user;
  const el = (id) => document.getElementById(id);
  const chat = el('chat');
  const status = el('status');
  const alertBox = el('alert');
  const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
  /** activity id → { stamp, li } of what is on screen, so polling replaces only what changed. */
  const rendered = new Map();
  /** Cards already refreshed automatically on this page load (Teams refreshes once when a card is shown). */
  const refreshed = new Set();
  const userPath = `/_emulator/teams/users/${encodeURIComponent(user.id)}`;

  const say = (text) => {
    alertBox.textContent = '';
    status.textContent = text;
  };
  const fail = (text) => {
    status.textContent = '';
    alertBox.textContent = text;
  };

  async function api(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error((json && json.error && json.error.message) || `HTTP ${res.status}`);
    return json;
  }

  const time = (iso) =>
    new Date(iso).toLocaleString('en-GB', {
      timeZone: 'Europe/Brussels',
      dateStyle: 'medium',
      timeStyle: 'short',
    });

  /** Teams refreshes a card automatically for the users listed in refresh.userIds (Universal Actions). */
  function isRefreshTarget(card) {
    const ids = (card.refresh && card.refresh.userIds) || [];
    return ids.some((id) => id === user.teamsUserId || id === user.id || id === `8:orgid:${user.id}`);
  }

  function renderCard(content, activity) {
    const holder = document.createElement('div');
    holder.className = 'card';
    holder.tabIndex = -1;
    holder.setAttribute('role', 'group');
    holder.setAttribute('aria-label', 'Card');
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(boot.hostConfig);
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, '_blank', 'noopener,noreferrer');
      } else if (action instanceof AdaptiveCards.ExecuteAction) {
        void invoke(activity.id, action.verb || '', action.data, 'manual', action.id);
      } else {
        say('This action type is not sent to the bot by the local Teams page.');
      }
    };
    try {
      card.parse(content);
      const out = card.render();
      if (out) holder.appendChild(out);
    } catch (e) {
      const p = document.createElement('p');
      p.textContent = `This card could not be rendered: ${e.message}`;
      holder.appendChild(p);
    }
    const refresh = content && content.refresh && content.refresh.action;
    if (refresh && isRefreshTarget(content) && !refreshed.has(activity.id)) {
      refreshed.add(activity.id);
      queueMicrotask(
        () => void invoke(activity.id, refresh.verb || '', refresh.data || {}, 'automatic', refresh.id),
      );
    }
    return holder;
  }

  function renderActivity(a) {
    const li = document.createElement('li');
    const fromBot = a.from && a.from.id && a.from.id.startsWith('28:');
    li.className = fromBot ? 'msg bot' : 'msg me';
    li.dataset.activityId = a.id;
    const meta = document.createElement('p');
    meta.className = 'meta';
    const edited = a.lastModifiedDateTime ? ' · updated' : '';
    meta.textContent = `${fromBot ? a.from.name || 'Bot' : 'You'} · ${time(a.timestamp)}${edited}`;
    li.appendChild(meta);
    if (a.text) {
      const p = document.createElement('p');
      p.className = 'text';
      p.textContent = a.text;
      li.appendChild(p);
    }
    for (const att of a.attachments || []) {
      if (att.contentType === ADAPTIVE_CARD) li.appendChild(renderCard(att.content, a));
      else {
        const p = document.createElement('p');
        p.className = 'subtle';
        p.textContent = `(attachment ${att.contentType || 'unknown'})`;
        li.appendChild(p);
      }
    }
    return li;
  }

  async function refreshChat(focusId) {
    const data = await api('GET', `/_emulator/bot/conversations?user=${encodeURIComponent(user.id)}`);
    const conv = data.value[0];
    el('chat-state').textContent =
      conv.installation === 'installed' ? '' : `The Stagemap app is ${conv.installation} for this user.`;
    el('install-state').value = conv.installation;
    el('chat-empty').hidden = conv.activities.length > 0;
    for (const a of conv.activities) {
      const stamp = a.lastModifiedDateTime || a.timestamp;
      const seen = rendered.get(a.id);
      if (seen && seen.stamp === stamp) continue;
      const li = renderActivity(a);
      if (seen) seen.li.replaceWith(li);
      else chat.appendChild(li);
      rendered.set(a.id, { stamp, li });
    }
    if (focusId) {
      const target = rendered.get(focusId);
      const card = target && target.li.querySelector('.card');
      if (card) card.focus();
    }
  }

  async function invoke(activityId, verb, data, trigger, actionId) {
    say(trigger === 'manual' ? 'Sending…' : 'Refreshing the card…');
    try {
      const r = await api('POST', `${userPath}/invoke`, { activityId, verb, data, trigger, actionId });
      if (r.outcome === 'card') {
        await refreshChat(trigger === 'manual' ? activityId : undefined);
        say(trigger === 'manual' ? 'The card was updated.' : '');
      } else if (r.outcome === 'message') say(r.message);
      else if (r.outcome === 'error') fail(`Something went wrong: ${r.message}`);
      else say(trigger === 'manual' ? 'Sent.' : '');
    } catch (e) {
      fail(`Something went wrong: ${e.message}`);
    }
  }

  async function refreshMail() {
    const data = await api('GET', `/_emulator/outbox?to=${encodeURIComponent(user.mail)}`);
    const list = el('mail');
    list.replaceChildren();
    el('mail-empty').hidden = data.value.length > 0;
    for (const m of data.value.slice().reverse()) {
      const li = document.createElement('li');
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = `${m.subject || '(no subject)'} — ${m.from.name || m.from.address} · ${time(m.sentDateTime)}`;
      details.appendChild(summary);
      if (m.body.contentType === 'html') {
        // A sandboxed frame (no scripts, opaque origin) shows the mail's HTML without it touching this page.
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', '');
        frame.title = `Mail: ${m.subject || '(no subject)'}`;
        frame.srcdoc = m.body.content;
        details.appendChild(frame);
      } else {
        const pre = document.createElement('pre');
        pre.textContent = m.body.content;
        details.appendChild(pre);
      }
      li.appendChild(details);
      list.appendChild(li);
    }
  }

  async function refreshClock() {
    const c = await api('GET', '/_emulator/clock');
    el('clock-now').textContent = `${time(c.now)} (Brussels)`;
  }

  async function run(action, done) {
    try {
      await action();
      if (done) say(done);
    } catch (e) {
      fail(e.message);
    }
  }

  const refreshAll = () => Promise.all([refreshChat(), refreshMail(), refreshClock()]);

  el('composer').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = el('composer-input');
    const text = input.value.trim();
    if (!text) return;
    void run(async () => {
      await api('POST', `${userPath}/messages`, { text });
      input.value = '';
      await refreshChat();
    }, 'Message sent.');
  });

  for (const b of document.querySelectorAll('[data-advance]')) {
    b.addEventListener('click', () =>
      run(async () => {
        await api('PUT', '/_emulator/clock', { advanceMs: Number(b.dataset.advance) });
        await refreshClock();
      }, `Clock moved ${b.textContent}.`),
    );
  }
  el('clock-reset').addEventListener('click', () =>
    run(async () => {
      await api('DELETE', '/_emulator/clock');
      await refreshClock();
    }, 'Clock back to real time.'),
  );
  el('clock-set').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const value = el('clock-date').value;
    void run(async () => {
      await api('PUT', '/_emulator/clock', { now: new Date(value).toISOString() });
      await refreshClock();
    }, 'Clock set.');
  });
  el('install').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run(async () => {
      await api('PUT', `${userPath}/installation`, { state: el('install-state').value });
      await refreshChat();
    }, 'Installation state changed.');
  });
  const sweep = el('sweep');
  if (sweep)
    sweep.addEventListener('click', () =>
      run(async () => {
        const r = await api('POST', '/_emulator/teams/sweep');
        await refreshAll();
        say(`Scheduler answered HTTP ${r.status}.`);
      }),
    );

  void run(refreshAll);
  // New proactive messages and mail appear without reloading; unchanged cards (and what is typed in them) stay.
  setInterval(() => void refreshAll().catch(() => undefined), 3000);
})();

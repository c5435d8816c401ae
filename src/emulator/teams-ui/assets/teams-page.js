/* global AdaptiveCards, StagemapTeams */
// The local Teams page's script: renders the user's chat with the bot (cards through the official Adaptive Cards
// renderer), sends card actions and messages through the emulator's admin API, and drives the clock. What it
// shares with the channel page is in teams-common.js.
(() => {
  'use strict';
  const { boot, el, say, fail, api, time, renderMessage, showActivities, refreshClock, run } = StagemapTeams;
  const user = boot.user;
  const chat = el('chat');
  /** activity id → { stamp, li } of what is on screen, so polling replaces only what changed. */
  const rendered = new Map();
  /** Cards already refreshed automatically on this page load (Teams refreshes once when a card is shown). */
  const refreshed = new Set();
  const userPath = `/_emulator/teams/users/${encodeURIComponent(user.id)}`;

  /** Teams refreshes a card automatically for the users listed in refresh.userIds (Universal Actions). */
  function isRefreshTarget(card) {
    const ids = (card.refresh && card.refresh.userIds) || [];
    return ids.some((id) => id === user.teamsUserId || id === user.id || id === `8:orgid:${user.id}`);
  }

  function renderCard(content, activity) {
    const holder = StagemapTeams.renderCard(content, {
      focusable: true,
      onAction: (action) => {
        if (action instanceof AdaptiveCards.ExecuteAction) {
          void invoke(activity.id, action.verb || '', action.data, 'manual', action.id);
        } else {
          say('This action type is not sent to the bot by the local Teams page.');
        }
      },
    });
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
    const fromBot = a.from && a.from.id && a.from.id.startsWith('28:');
    const edited = a.lastModifiedDateTime ? ' · updated' : '';
    return renderMessage(a, {
      className: fromBot ? 'msg bot' : 'msg me',
      meta: `${fromBot ? a.from.name || 'Bot' : 'You'} · ${time(a.timestamp)}${edited}`,
      cardOf: (content) => renderCard(content, a),
    });
  }

  async function refreshChat(focusId) {
    const data = await api('GET', `/_emulator/bot/conversations?user=${encodeURIComponent(user.id)}`);
    const conv = data.value[0];
    el('chat-state').textContent =
      conv.installation === 'installed' ? '' : `The Stagemap app is ${conv.installation} for this user.`;
    el('install-state').value = conv.installation;
    el('chat-empty').hidden = conv.activities.length > 0;
    showActivities(chat, rendered, conv.activities, renderActivity);
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

  StagemapTeams.wireClock();
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

  // New proactive messages and mail appear without reloading; unchanged cards (and what is typed in them) stay.
  StagemapTeams.poll(refreshAll);
})();

/* global AdaptiveCards */
// What the local Teams pages (a user's chat, a team channel) share, on one global loaded before each page's own
// script: the page's boot data, status messages, the emulator's admin API, times, card and message rendering,
// and the clock. Every text from data goes through textContent or the card renderer, never through innerHTML.
(() => {
  'use strict';
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const el = (id) => document.getElementById(id);
  const status = el('status');
  const alertBox = el('alert');
  const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

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

  /**
   * A card through the official renderer. Links open in a new tab; every other action goes to `onAction`, since
   * what reaches the bot differs between a chat and a channel. `focusable` lets the chat move focus to a card.
   */
  function renderCard(content, { onAction, focusable = false }) {
    const holder = document.createElement('div');
    holder.className = 'card';
    if (focusable) holder.tabIndex = -1;
    holder.setAttribute('role', 'group');
    holder.setAttribute('aria-label', 'Card');
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(boot.hostConfig);
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction)
        window.open(action.url, '_blank', 'noopener,noreferrer');
      else onAction(action);
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
    return holder;
  }

  /** One activity as a list item: a meta line, its text, its cards (through `cardOf`) and other attachments. */
  function renderMessage(a, { className, meta, cardOf }) {
    const li = document.createElement('li');
    li.className = className;
    li.dataset.activityId = a.id;
    const p = document.createElement('p');
    p.className = 'meta';
    p.textContent = meta;
    li.appendChild(p);
    if (a.text) {
      const text = document.createElement('p');
      text.className = 'text';
      text.textContent = a.text;
      li.appendChild(text);
    }
    for (const att of a.attachments || []) {
      if (att.contentType === ADAPTIVE_CARD) li.appendChild(cardOf(att.content));
      else {
        const other = document.createElement('p');
        other.className = 'subtle';
        other.textContent = `(attachment ${att.contentType || 'unknown'})`;
        li.appendChild(other);
      }
    }
    return li;
  }

  /**
   * Shows `activities` in `list`, replacing only what changed since the last poll (`rendered`: activity id →
   * { stamp, li }), so unchanged cards, and what is typed in them, stay.
   */
  function showActivities(list, rendered, activities, render) {
    for (const a of activities) {
      const stamp = a.lastModifiedDateTime || a.timestamp;
      const seen = rendered.get(a.id);
      if (seen && seen.stamp === stamp) continue;
      const li = render(a);
      if (seen) seen.li.replaceWith(li);
      else list.appendChild(li);
      rendered.set(a.id, { stamp, li });
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

  /** The clock's "advance" buttons and its reset, which both pages have. */
  function wireClock() {
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
  }

  /** Shows the page now and polls every 3 s, so what the bot sends appears without reloading. */
  function poll(refreshAll) {
    void run(refreshAll);
    setInterval(() => void refreshAll().catch(() => undefined), 3000);
  }

  window.StagemapTeams = Object.freeze({
    boot,
    el,
    say,
    fail,
    api,
    time,
    renderCard,
    renderMessage,
    showActivities,
    refreshClock,
    run,
    wireClock,
    poll,
  });
})();

/* global AdaptiveCards */
// The local Teams page of a team channel: the bot's posts (cards through the official Adaptive Cards renderer),
// adding Stagemap to the team, the clock, and "post the weekly announcement now". Every text from data goes
// through textContent or the card renderer, never through innerHTML.
(() => {
  'use strict';
  const boot = JSON.parse(document.getElementById('boot').textContent);
  const el = (id) => document.getElementById(id);
  const posts = el('posts');
  const status = el('status');
  const alertBox = el('alert');
  const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
  /** activity id → { stamp, li } of what is on screen, so polling replaces only what changed. */
  const rendered = new Map();
  const teamPath = `/_emulator/teams/teams/${encodeURIComponent(boot.team.id)}/installation`;

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

  function renderCard(content) {
    const holder = document.createElement('div');
    holder.className = 'card';
    holder.setAttribute('role', 'group');
    holder.setAttribute('aria-label', 'Card');
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(boot.hostConfig);
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction)
        window.open(action.url, '_blank', 'noopener,noreferrer');
      else say('This action type is not sent to the bot from a channel by the local Teams page.');
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

  function renderPost(a) {
    const li = document.createElement('li');
    li.className = 'msg bot';
    li.dataset.activityId = a.id;
    const meta = document.createElement('p');
    meta.className = 'meta';
    const edited = a.lastModifiedDateTime ? ' · updated' : '';
    const reply = a.replyToId ? ' · reply' : '';
    meta.textContent = `${(a.from && a.from.name) || 'Bot'} · ${time(a.timestamp)}${reply}${edited}`;
    li.appendChild(meta);
    if (a.text) {
      const p = document.createElement('p');
      p.className = 'text';
      p.textContent = a.text;
      li.appendChild(p);
    }
    for (const att of a.attachments || []) {
      if (att.contentType === ADAPTIVE_CARD) li.appendChild(renderCard(att.content));
      else {
        const p = document.createElement('p');
        p.className = 'subtle';
        p.textContent = `(attachment ${att.contentType || 'unknown'})`;
        li.appendChild(p);
      }
    }
    return li;
  }

  async function refreshPosts() {
    const data = await api('GET', `/_emulator/bot/channels?channel=${encodeURIComponent(boot.channel.id)}`);
    const ch = data.value[0];
    const installed = ch.installation === 'installed';
    el('channel-state').textContent = installed
      ? 'Stagemap is installed in this team.'
      : 'Stagemap is not installed in this team: its bot cannot post here.';
    el('team-uninstall').hidden = !installed;
    el('team-install-button').textContent = installed
      ? 'Install again in this channel'
      : 'Add Stagemap to the team';
    el('posts-empty').hidden = ch.activities.length > 0;
    for (const a of ch.activities) {
      const stamp = a.lastModifiedDateTime || a.timestamp;
      const seen = rendered.get(a.id);
      if (seen && seen.stamp === stamp) continue;
      const li = renderPost(a);
      if (seen) seen.li.replaceWith(li);
      else posts.appendChild(li);
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

  const refreshAll = () => Promise.all([refreshPosts(), refreshClock()]);

  el('team-install').addEventListener('submit', (ev) => {
    ev.preventDefault();
    void run(async () => {
      await api('PUT', teamPath, {
        state: 'installed',
        channelId: el('team-channel').value,
        ...(boot.installerId ? { userId: boot.installerId } : {}),
      });
      await refreshPosts();
    }, 'Stagemap was added to the team; its bot was told.');
  });
  el('team-uninstall').addEventListener('click', () =>
    run(async () => {
      await api('PUT', teamPath, {
        state: 'notInstalled',
        ...(boot.installerId ? { userId: boot.installerId } : {}),
      });
      await refreshPosts();
    }, 'Stagemap was removed from the team.'),
  );
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
  const announce = el('announce');
  if (announce)
    announce.addEventListener('click', () =>
      run(async () => {
        const r = await api('POST', '/_emulator/teams/announce');
        await refreshAll();
        let outcome = '';
        try {
          outcome = JSON.parse(r.body).outcome || '';
        } catch {
          /* not Stagemap's JSON: the status says enough */
        }
        say(`Stagemap answered HTTP ${r.status}${outcome ? `: ${outcome}` : ''}.`);
      }),
    );

  void run(refreshAll);
  // New posts appear without reloading.
  setInterval(() => void refreshAll().catch(() => undefined), 3000);
})();

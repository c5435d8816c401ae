/* global StagemapTeams */
// The local Teams page of a team channel: the bot's posts (cards through the official Adaptive Cards renderer),
// adding Stagemap to the team, the clock, and "post the weekly announcement now". What it shares with the chat
// page is in teams-common.js.
(() => {
  'use strict';
  const { boot, el, say, api, time, renderMessage, showActivities, run } = StagemapTeams;
  const posts = el('posts');
  /** activity id → { stamp, li } of what is on screen, so polling replaces only what changed. */
  const rendered = new Map();
  const teamPath = `/_emulator/teams/teams/${encodeURIComponent(boot.team.id)}/installation`;

  const renderCard = (content) =>
    StagemapTeams.renderCard(content, {
      onAction: () => say('This action type is not sent to the bot from a channel by the local Teams page.'),
    });

  function renderPost(a) {
    const edited = a.lastModifiedDateTime ? ' · updated' : '';
    const reply = a.replyToId ? ' · reply' : '';
    return renderMessage(a, {
      className: 'msg bot',
      meta: `${(a.from && a.from.name) || 'Bot'} · ${time(a.timestamp)}${reply}${edited}`,
      cardOf: renderCard,
    });
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
    showActivities(posts, rendered, ch.activities, renderPost);
  }

  const refreshAll = () => Promise.all([refreshPosts(), StagemapTeams.refreshClock()]);

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
  StagemapTeams.wireClock();
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

  // New posts appear without reloading.
  StagemapTeams.poll(refreshAll);
})();

import type { DirectoryUser } from '../identity/directory-store';
import type { InstallationState, TeamRecord } from '../bot-connector/store';

/** HTML-escapes text for element content and double-quoted attributes. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON for a `<script type="application/json">` block: `<` escaped so no string can close the element. */
const inlineJson = (v: unknown): string =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

export interface PageUser {
  user: DirectoryUser;
  installation: InstallationState;
}

const STATE_LABELS: Record<InstallationState, string> = {
  installed: 'Installed',
  notInstalled: 'Not installed',
  blocked: 'Installed, bot blocked by the user',
  blockedByPolicy: 'Not installed, blocked by app permission policy',
};

function picker(users: PageUser[], selected?: string): string {
  const options = users
    .map(
      ({ user }) =>
        `<option value="${escapeHtml(user.id)}"${user.id === selected ? ' selected' : ''}>${escapeHtml(
          `${user.displayName} (${user.userPrincipalName})`,
        )}</option>`,
    )
    .join('');
  return `<form class="picker" method="get" action="/_emulator/teams">
  <label for="user-picker">Demo user</label>
  <select id="user-picker" name="user">${options}</select>
  <button type="submit">Open chat</button>
</form>`;
}

function layout(title: string, body: string, scripts = ''): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/_emulator/teams/assets/adaptivecards.css">
<link rel="stylesheet" href="/_emulator/teams/assets/teams-page.css">
</head>
<body>
${body}
${scripts}
</body>
</html>`;
}

/** Link to a channel's page: ids (`19:…@thread.tacv2`) are path segments, so encoded. */
export const channelHref = (channelId: string): string =>
  `/_emulator/teams/channels/${encodeURIComponent(channelId)}`;

const channelTitle = (team: TeamRecord, channel: { name: string }) => `${team.name} — ${channel.name}`;

/** Every team's channels, with whether Stagemap is installed in the team. */
function teamList(teams: TeamRecord[], current?: string): string {
  const rows = teams
    .flatMap((t) =>
      t.channels.map(
        (c) =>
          `<li><a href="${escapeHtml(channelHref(c.id))}"${c.id === current ? ' aria-current="page"' : ''}>${escapeHtml(
            `Team: ${channelTitle(t, c)}`,
          )}</a> <span class="subtle">${t.installed ? 'Stagemap installed' : 'Stagemap not installed'}</span></li>`,
      ),
    )
    .join('');
  return `<ul class="people">${rows}</ul>`;
}

/** `/_emulator/teams`: who do you want to be? */
export function pickerPage(users: PageUser[], teams: TeamRecord[] = []): string {
  const rows = users
    .map(
      ({ user, installation }) =>
        `<li><a href="/_emulator/teams/${encodeURIComponent(user.id)}">${escapeHtml(user.displayName)}</a> <span class="subtle">${escapeHtml(
          user.userPrincipalName,
        )} · ${escapeHtml(STATE_LABELS[installation])}</span></li>`,
    )
    .join('');
  return layout(
    'Local Teams — Stagemap emulator',
    `<header class="top"><p class="brand">Local Teams <span class="subtle">(Microsoft 365 emulator)</span></p></header>
<main id="main">
<h1>Choose a demo user</h1>
${picker(users)}
<h2>Everyone in the demo organisation</h2>
<ul class="people">${rows}</ul>
<h2 id="teams">Team channels</h2>
${teamList(teams)}
</main>`,
  );
}

export interface ChatPageData {
  users: PageUser[];
  teams?: TeamRecord[];
  current: PageUser;
  teamsUserId: string;
  stagemapUrl: string | null;
  hostConfig: unknown;
}

/** `/_emulator/teams/{user}`: the user's 1:1 chat with the bot, their mail, the clock and the scheduler button. */
export function chatPage(d: ChatPageData): string {
  const { user } = d.current;
  const boot = {
    user: {
      id: user.id,
      displayName: user.displayName,
      mail: user.mail ?? user.userPrincipalName,
      teamsUserId: d.teamsUserId,
    },
    sweep: d.stagemapUrl !== null,
    hostConfig: d.hostConfig,
  };
  const states = (Object.keys(STATE_LABELS) as InstallationState[])
    .map(
      (s) =>
        `<option value="${s}"${s === d.current.installation ? ' selected' : ''}>${escapeHtml(STATE_LABELS[s])}</option>`,
    )
    .join('');
  const sweep = d.stagemapUrl
    ? `<section aria-labelledby="scheduler-h"><h2 id="scheduler-h">Scheduler</h2>
<p class="subtle">Runs Stagemap's sweep now (<code>${escapeHtml(d.stagemapUrl)}/dev/sweep</code>).</p>
<button type="button" id="sweep">Run the scheduler now</button></section>`
    : '';
  return layout(
    `${user.displayName} — Local Teams`,
    `<a class="skip" href="#composer-input">Skip to the message box</a>
<header class="top">
<p class="brand">Local Teams <span class="subtle">(Microsoft 365 emulator)</span></p>
${picker(d.users, user.id)}
</header>
<div class="columns">
<main id="main" aria-labelledby="chat-h">
<h1 id="chat-h">Chat with Stagemap — ${escapeHtml(user.displayName)}</h1>
<p id="chat-state" class="subtle"></p>
<ol id="chat" class="chat" aria-label="Messages"></ol>
<p id="chat-empty" class="subtle" hidden>No messages yet.</p>
<form id="composer" class="composer">
<label for="composer-input">Message to Stagemap</label>
<input id="composer-input" name="text" autocomplete="off" placeholder="Type “help”">
<button type="submit">Send</button>
</form>
<div id="status" class="status" role="status" aria-live="polite"></div>
<div id="alert" class="alert" role="alert"></div>
</main>
<aside aria-label="Emulator controls">
<section aria-labelledby="clock-h"><h2 id="clock-h">Clock</h2>
<p>Emulator time: <output id="clock-now" aria-live="off">…</output></p>
<div class="buttons">
<button type="button" data-advance="86400000">+1 day</button>
<button type="button" data-advance="604800000">+1 week</button>
<button type="button" id="clock-reset">Back to real time</button>
</div>
<form id="clock-set" class="inline-form">
<label for="clock-date">Set date and time</label>
<input id="clock-date" type="datetime-local" required>
<button type="submit">Set</button>
</form>
</section>
${sweep}
<section aria-labelledby="install-h"><h2 id="install-h">Teams app</h2>
<form id="install" class="inline-form">
<label for="install-state">Stagemap for this user</label>
<select id="install-state">${states}</select>
<button type="submit">Apply</button>
</form>
</section>
<section aria-labelledby="mail-h"><h2 id="mail-h">Mail to ${escapeHtml(user.displayName)}</h2>
<ol id="mail" class="mail"></ol>
<p id="mail-empty" class="subtle" hidden>No mail.</p>
</section>
${d.teams?.length ? `<section aria-labelledby="teams-h"><h2 id="teams-h">Team channels</h2>${teamList(d.teams)}</section>` : ''}
</aside>
</div>`,
    `<script type="application/json" id="boot">${inlineJson(boot)}</script>
<script src="/_emulator/teams/assets/adaptivecards.min.js"></script>
<script src="/_emulator/teams/assets/teams-common.js"></script>
<script src="/_emulator/teams/assets/teams-page.js"></script>`,
  );
}

export interface ChannelPageData {
  users: PageUser[];
  teams: TeamRecord[];
  team: TeamRecord;
  channel: { id: string; name: string };
  /** Who installs the app when the tester does it from this page. */
  installerId: string | null;
  stagemapUrl: string | null;
  hostConfig: unknown;
}

/**
 * `/_emulator/teams/channels/{id}`: a team channel as its members see it, with the bot's posts (the weekly
 * arrivals-and-departures card) rendered by the official renderer; adding Stagemap to the team (and picking the
 * channel for its posts), the clock, and "post the weekly announcement now".
 */
export function channelPage(d: ChannelPageData): string {
  const title = channelTitle(d.team, d.channel);
  const boot = {
    team: { id: d.team.id, name: d.team.name, installed: d.team.installed },
    channel: { id: d.channel.id, name: d.channel.name },
    installerId: d.installerId,
    announce: d.stagemapUrl !== null,
    hostConfig: d.hostConfig,
  };
  const channels = d.team.channels
    .map(
      (c) =>
        `<option value="${escapeHtml(c.id)}"${c.id === (d.team.selectedChannel ?? d.team.id) ? ' selected' : ''}>${escapeHtml(c.name)}</option>`,
    )
    .join('');
  const announce = d.stagemapUrl
    ? `<section aria-labelledby="announce-h"><h2 id="announce-h">Weekly announcement</h2>
<p class="subtle">Runs Stagemap's arrivals-and-departures job now (<code>${escapeHtml(d.stagemapUrl)}/dev/announce</code>): it posts once a week, from the first workday's send time, if Settings allow it.</p>
<button type="button" id="announce">Post the weekly announcement now</button></section>`
    : '';
  return layout(
    `${title} — Local Teams`,
    `<a class="skip" href="#main">Skip to the channel</a>
<header class="top">
<p class="brand">Local Teams <span class="subtle">(Microsoft 365 emulator)</span></p>
${picker(d.users)}
</header>
<div class="columns">
<main id="main" aria-labelledby="channel-h" tabindex="-1">
<h1 id="channel-h">${escapeHtml(`Team: ${title}`)}</h1>
<p id="channel-state" class="subtle"></p>
<ol id="posts" class="chat" aria-label="Posts"></ol>
<p id="posts-empty" class="subtle" hidden>No posts yet.</p>
<div id="status" class="status" role="status" aria-live="polite"></div>
<div id="alert" class="alert" role="alert"></div>
</main>
<aside aria-label="Emulator controls">
<section aria-labelledby="install-h"><h2 id="install-h">Stagemap in ${escapeHtml(d.team.name)}</h2>
<form id="team-install" class="inline-form">
<label for="team-channel">Channel for Stagemap's posts</label>
<select id="team-channel">${channels}</select>
<button type="submit" id="team-install-button">${d.team.installed ? 'Install again in this channel' : 'Add Stagemap to the team'}</button>
</form>
<button type="button" id="team-uninstall"${d.team.installed ? '' : ' hidden'}>Remove Stagemap from the team</button>
</section>
<section aria-labelledby="clock-h"><h2 id="clock-h">Clock</h2>
<p>Emulator time: <output id="clock-now" aria-live="off">…</output></p>
<div class="buttons">
<button type="button" data-advance="86400000">+1 day</button>
<button type="button" data-advance="604800000">+1 week</button>
<button type="button" id="clock-reset">Back to real time</button>
</div>
</section>
${announce}
<section aria-labelledby="teams-h"><h2 id="teams-h">Team channels</h2>${teamList(d.teams, d.channel.id)}</section>
</aside>
</div>`,
    `<script type="application/json" id="boot">${inlineJson(boot)}</script>
<script src="/_emulator/teams/assets/adaptivecards.min.js"></script>
<script src="/_emulator/teams/assets/teams-common.js"></script>
<script src="/_emulator/teams/assets/teams-channel.js"></script>`,
  );
}

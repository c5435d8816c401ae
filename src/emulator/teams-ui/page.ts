import type { DirectoryUser } from '../identity/directory-store';
import type { InstallationState } from '../bot-connector/store';

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

/** `/_emulator/teams`: who do you want to be? */
export function pickerPage(users: PageUser[]): string {
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
</main>`,
  );
}

export interface ChatPageData {
  users: PageUser[];
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
</aside>
</div>`,
    `<script type="application/json" id="boot">${inlineJson(boot)}</script>
<script src="/_emulator/teams/assets/adaptivecards.min.js"></script>
<script src="/_emulator/teams/assets/teams-page.js"></script>`,
  );
}

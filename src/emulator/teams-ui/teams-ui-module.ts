import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { botConnectorPort } from '../bot-connector/bot-connector-module';
import { channelById, teamsUserId } from '../bot-connector/store';
import type { EmulatorContext } from '../context';
import { GraphError } from '../http/errors';
import type { EmuResponse } from '../http/types';
import { getUser, listUsers } from '../identity/directory-store';
import { TEAMS_HOST_CONFIG } from './host-config';
import { channelPage, chatPage, pickerPage, type PageUser } from './page';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** Static files of the page: our script and style, and the official renderer straight from node_modules. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'teams-common.js': {
    file: join(here, 'assets', 'teams-common.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'teams-page.js': { file: join(here, 'assets', 'teams-page.js'), type: 'text/javascript; charset=utf-8' },
  'teams-channel.js': {
    file: join(here, 'assets', 'teams-channel.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'teams-page.css': { file: join(here, 'assets', 'teams-page.css'), type: 'text/css; charset=utf-8' },
  'adaptivecards.min.js': {
    file: join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.min.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'adaptivecards.css': {
    file: join(dirname(require.resolve('adaptivecards/package.json')), 'dist', 'adaptivecards.css'),
    type: 'text/css; charset=utf-8',
  },
};

/**
 * Scripts only from the emulator itself; styles inline too because the card renderer sets element styles; images
 * from anywhere (cards may show them); mail HTML only inside sandboxed frames.
 */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data:; frame-src 'self' about:; object-src 'none'; base-uri 'none'; form-action 'self'";

const html = (status: number, body: string): EmuResponse => ({
  status,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  },
  body: Buffer.from(body),
});

/**
 * The local Teams page (`/_emulator/teams`): pick a demo user, see their 1:1 chat with the bot with cards rendered
 * by the official Adaptive Cards renderer, act on them, talk to the bot, read their mail, move the clock and run
 * Stagemap's scheduler. All data comes from the bot connector's and the other modules' admin APIs.
 */
export function teamsUiModule(ctx: EmulatorContext): void {
  const port = () => botConnectorPort(ctx);
  const pageUsers = (): PageUser[] =>
    listUsers(ctx.db)
      .slice()
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .map((user) => ({ user, installation: port().installationState(user.id) }));

  ctx.root.get('/_emulator/teams/assets/{name}', (_req, p) => {
    const asset = ASSETS[p.name!];
    if (!asset) throw new GraphError(404, 'itemNotFound', 'No such asset.');
    return {
      status: 200,
      headers: {
        'content-type': asset.type,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      },
      body: readFileSync(asset.file),
    };
  });

  ctx.root.get('/_emulator/teams', (req) => {
    const chosen = req.query.get('user');
    if (chosen) {
      const user = getUser(ctx.db, chosen);
      if (user)
        return { status: 303, headers: { location: `/_emulator/teams/${encodeURIComponent(user.id)}` } };
    }
    return html(200, pickerPage(pageUsers(), port().teams()));
  });

  ctx.root.get('/_emulator/teams/channels/{channel}', (_req, p) => {
    const found = channelById(ctx.db, p.channel!);
    const users = pageUsers();
    if (!found) return html(404, pickerPage(users, port().teams()));
    // The installer: a coordinator of the demo organisation if there is one (they add apps to teams).
    const installer = users.find((u) => /o(o|ö)rdinat/i.test(u.user.jobTitle ?? '')) ?? users[0] ?? undefined;
    return html(
      200,
      channelPage({
        users,
        teams: port().teams(),
        team: found.team,
        channel: found.channel,
        installerId: installer?.user.id ?? null,
        stagemapUrl: port().settings().stagemapUrl,
        hostConfig: TEAMS_HOST_CONFIG,
      }),
    );
  });

  ctx.root.get('/_emulator/teams/{user}', (_req, p) => {
    const user = getUser(ctx.db, p.user!);
    const users = pageUsers();
    if (!user) return html(404, pickerPage(users, port().teams()));
    const settings = port().settings();
    return html(
      200,
      chatPage({
        users,
        teams: port().teams(),
        current: { user, installation: port().installationState(user.id) },
        teamsUserId: teamsUserId(user.id, port().catalogApp().botAppId),
        stagemapUrl: settings.stagemapUrl,
        hostConfig: TEAMS_HOST_CONFIG,
      }),
    );
  });

  // The browser cannot POST to Stagemap's origin without CORS, so the emulator relays the "run the scheduler" click.
  ctx.root.post('/_emulator/teams/sweep', () => relay('/dev/sweep'));
  // … and the channel page's "post the weekly announcement now".
  ctx.root.post('/_emulator/teams/announce', () => relay('/dev/announce'));

  async function relay(path: string): Promise<EmuResponse> {
    const { stagemapUrl } = port().settings();
    if (!stagemapUrl)
      throw new GraphError(
        409,
        'stagemapUrlNotConfigured',
        'No Stagemap URL is configured (PUT /_emulator/bot).',
      );
    try {
      const res = await fetch(`${stagemapUrl}${path}`, {
        method: 'POST',
        signal: AbortSignal.timeout(60_000),
      });
      const text = await res.text();
      return { status: 200, body: { status: res.status, body: text.slice(0, 2000) } };
    } catch (e) {
      throw new GraphError(502, 'stagemapUnreachable', `Stagemap did not answer: ${(e as Error).message}`);
    }
  }
}

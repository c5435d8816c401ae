/**
 * `npm run playground`: Stagemap's bot in the Microsoft 365 Agents Playground (`@microsoft/m365agentsplayground`),
 * offline, on the data of the running `npm start` stack (README, "Try the bot in the Microsoft 365 Agents
 * Playground").
 *
 * The playground posts activities without a Bot Framework token (it would fetch one from login.microsoftonline.com
 * only when given a real app registration), so it cannot talk to the server's /api/messages, which accepts only
 * tokens signed by the channel (the emulator's, locally). Instead of relaxing the server, this script runs a second
 * endpoint of the same bot (`createBot`, the same ports on the same SharePoint site) that accepts unauthenticated
 * activities — on loopback, while the script runs, and never in production. The playground signs in as one demo
 * user (its `aadObjectId` is what the bot authorises card actions with) and the script puts that user's next open
 * card in the playground's chat.
 *
 * Environment: EMULATOR_URL (default http://127.0.0.1:5100), PLAYGROUND_USER (a demo user's e-mail or object id;
 * default the mentor of a running internship), PLAYGROUND_PORT (56150), PLAYGROUND_BOT_PORT (5201).
 */
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { ExpressAdapter } from '@microsoft/teams.apps';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { teamsCardLinks } from '../src/bot/cards/links';
import { openCard } from '../src/bot/cards/moment-card';
import { createBot, type StagemapBot } from '../src/bot/runtime/bot';
import { answeringRole, cardInput } from '../src/bot/runtime/card-input';
import type { Clock } from '../src/domain/clock';
import type { Moment } from '../src/domain/records';
import { localBotCloud, localBotTokenProvider } from '../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_HOSTNAME, LOCAL_TENANT_ID } from '../src/emulator/config';
import { DEMO_USERS, type DemoUser } from '../src/emulator/demo-directory';
import { createGraph } from '../src/graph/client';
import { People } from '../src/graph/people';
import { resolveSite } from '../src/graph/sites';
import { clientCredentials } from '../src/graph/token-provider';
import { createStagemapJobs, type StagemapJobs } from '../src/jobs/compose';

/** Same app id as the server's local mode: the card links are the same. */
const TEAMS_APP_ID = 'b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001';
export const PLAYGROUND_CONVERSATION_ID = 'stagemap-playground';
/** The playground's Teams user id for the signed-in user (Teams ids are not object ids). */
const playgroundUserId = (u: DemoUser) => `29:playground-${u.id}`;

export interface PlaygroundBot {
  /** The messaging endpoint to give the playground (`-e`). */
  endpoint: string;
  jobs: StagemapJobs;
  bot: StagemapBot;
  /** Puts the user's next open card in the playground's chat; undefined when they have none. */
  sendNextCard(user: DemoUser): Promise<{ moment: Moment; activityId: string } | undefined>;
  close(): Promise<void>;
}

/** Refuses outside local mode: this endpoint takes activities without a token. */
export function assertLocal(env: Record<string, string | undefined>): void {
  if (env.NODE_ENV === 'production')
    throw new Error(
      'playground: refused with NODE_ENV=production (its bot endpoint accepts unauthenticated activities)',
    );
}

export async function startPlaygroundBot(o: {
  emulatorUrl: string;
  /** The playground's connector (`<playground>/_connector`): where the bot sends its cards. */
  connectorUrl: string;
  port?: number;
  clock?: Clock;
  env?: Record<string, string | undefined>;
  /**
   * Called when the playground installs the app for its user, which it does each time its page opens, with a
   * fresh chat: the moment to post a card into it (one posted before is not in the new chat).
   */
  onInstall?: (userOid: string) => void;
}): Promise<PlaygroundBot> {
  assertLocal(o.env ?? process.env);
  const clock = o.clock ?? (await emulatorClock(o.emulatorUrl));
  const retry = { baseDelayMs: 200, maxDelayMs: 5_000, maxAttempts: 5 };
  const graph = createGraph({
    baseUrl: `${o.emulatorUrl}/v1.0`,
    tokenProvider: clientCredentials({
      authority: `${o.emulatorUrl}/${LOCAL_TENANT_ID}`,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
    retry,
  });
  const siteId = (await resolveSite(graph, `https://${LOCAL_HOSTNAME}/sites/Stages`)).id;
  const people = new People({ graph, siteId, retry });
  const links = teamsCardLinks(TEAMS_APP_ID);
  const jobs = createStagemapJobs({ graph, siteId, people, clock, links, tenantId: LOCAL_TENANT_ID, retry });
  const server = createServer();
  const bot = createBot({
    clientId: LOCAL_APP_ID,
    token: localBotTokenProvider({
      emulatorUrl: o.emulatorUrl,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
    tenantId: LOCAL_TENANT_ID,
    cloud: withOverrides(PUBLIC, localBotCloud(o.emulatorUrl)),
    serviceUrl: o.connectorUrl,
    httpServerAdapter: new ExpressAdapter(server),
    ports: {
      ...jobs.botPorts,
      // The playground's chat is not the user's Teams chat: its reference must not replace the one the
      // scheduler delivers to.
      saveConversation: async (ref) => {
        // After the bot's answer to the installation, not during it: the playground's chat exists by then.
        if (ref.installed && o.onInstall) setTimeout(() => o.onInstall?.(ref.userOid), 300);
      },
      saveTeam: async () => undefined,
    },
    links,
    clock,
    allowUnauthenticated: true,
  });
  await bot.initialize();
  await listen(server, o.port ?? 0);
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;

  return {
    endpoint,
    jobs,
    bot,
    async sendNextCard(user) {
      const moment = await nextOpenMoment(jobs, user);
      if (!moment) return undefined;
      const view = (await jobs.botPorts.loadMoment(moment.key))!;
      const role = answeringRole(view, user.id)!;
      const locale = await jobs.botPorts.locale(user.id);
      const card = openCard(cardInput(view, await jobs.botPorts.person(user.id), role), { locale, links });
      const sent = await bot.connector.sendCard(
        PLAYGROUND_CONVERSATION_ID,
        card,
        `${moment.key}~playground|${user.id}`,
      );
      return { moment, activityId: sent.activityId };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The first moment, by due date, that the user may answer and nobody has answered yet. */
async function nextOpenMoment(jobs: StagemapJobs, user: DemoUser): Promise<Moment | undefined> {
  const { repos } = jobs;
  const mine = (await repos.internships.byMentorOrBackup(user.id)).filter((i) =>
    ['execution', 'evaluation'].includes(i.phase),
  );
  const open: Moment[] = [];
  for (const i of mine)
    for (const m of await repos.moments.byInternship(i.key))
      if (m.state !== 'answered' && m.state !== 'cancelled' && m.state !== 'failed') open.push(m);
  // Cards already out first (what the user would find in Teams), then what comes next.
  const rank = (m: Moment) => (m.state === 'planned' ? 1 : 0);
  open.sort((a, b) => rank(a) - rank(b) || a.dueDate.localeCompare(b.dueDate));
  for (const m of open) {
    const view = await jobs.botPorts.loadMoment(m.key);
    if (view && answeringRole(view, user.id)) return m;
  }
  return undefined;
}

/** The emulator's clock (the local Teams page's clock control moves it), followed while the script runs. */
async function emulatorClock(emulatorUrl: string): Promise<Clock> {
  let offsetMs = 0;
  const sync = async () => {
    const res = await fetch(`${emulatorUrl}/_emulator/clock`).catch(() => undefined);
    if (res?.ok) offsetMs = ((await res.json()) as { offsetMs?: number }).offsetMs ?? 0;
  };
  await sync();
  setInterval(() => void sync(), 5_000).unref();
  return { now: () => new Date(Date.now() + offsetMs) };
}

const listen = (server: Server, port: number) =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

/**
 * The playground's configuration (`.m365agentsplayground.yml`): the tenant, the bot, the signed-in user and the
 * people it knows (the schema wants at least five), all from the demo directory so that object ids match.
 */
export function playgroundConfig(user: DemoUser): string {
  const others = DEMO_USERS.filter((u) => u.id !== user.id).slice(0, 5);
  // JSON strings are valid YAML scalars: names with quotes or colons stay intact.
  const q = (v: string) => JSON.stringify(v);
  const fields = (u: DemoUser) => [
    `id: ${q(playgroundUserId(u))}`,
    `name: ${q(u.displayName)}`,
    `userPrincipleName: ${q(u.userPrincipalName)}`,
    `aadObjectId: ${q(u.id)}`,
    `givenName: ${q(u.givenName ?? u.displayName)}`,
    `surname: ${q(u.surname ?? '')}`,
    `email: ${q(u.mail ?? u.userPrincipalName)}`,
  ];
  return [
    'version: "0.1.1"',
    `tenantId: ${q(LOCAL_TENANT_ID)}`,
    'bot:',
    `  id: ${q(`28:${LOCAL_APP_ID}`)}`,
    '  name: "Stagemap"',
    'currentUser:',
    ...fields(user).map((f) => `  ${f}`),
    'users:',
    ...others.flatMap((u) => fields(u).map((f, n) => `${n === 0 ? '  - ' : '    '}${f}`)),
    'personalChat:',
    `  id: ${q(PLAYGROUND_CONVERSATION_ID)}`,
    'groupChat:',
    '  id: "stagemap-playground-group"',
    '  name: "Stagemap group chat"',
    'team:',
    '  id: "stagemap-playground-team"',
    '  name: "Stages"',
    '  aadGroupId: "00000000-0000-4000-8000-00000000a001"',
    '  channels:',
    '    - id: "stagemap-playground-general"',
    '      name: "General"',
    '',
  ].join('\n');
}

/** The demo user named by PLAYGROUND_USER (e-mail or object id), or the mentor of a running internship. */
export async function playgroundUser(jobs: StagemapJobs, wanted: string | undefined): Promise<DemoUser> {
  if (wanted) {
    const u = DEMO_USERS.find(
      (d) => d.id === wanted || d.userPrincipalName.toLowerCase() === wanted.toLowerCase(),
    );
    if (!u) throw new Error(`playground: no demo user ${wanted}`);
    return u;
  }
  const running = await jobs.repos.internships.byPhase('execution');
  const mentor = DEMO_USERS.find((u) => running.some((i) => i.mentor?.id === u.id));
  if (!mentor) throw new Error('playground: no running internship with a mentor in the demo data');
  return mentor;
}

export interface RunningPlayground {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts the playground CLI (the package's own binary) in `dir`, where its configuration and log live; resolves
 * once it answers on its port. `TEAMSAPPTESTER_BROWSER=none` keeps it from opening a browser, `--dt` turns its
 * telemetry off.
 */
export async function startPlayground(o: {
  endpoint: string;
  port: number;
  dir: string;
  user: DemoUser;
  stdio?: 'inherit' | 'ignore';
}): Promise<RunningPlayground> {
  mkdirSync(o.dir, { recursive: true });
  writeFileSync(join(o.dir, '.m365agentsplayground.yml'), playgroundConfig(o.user));
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const url = `http://127.0.0.1:${o.port}`;
  const child = spawn(
    process.execPath,
    [
      cli,
      '--app-endpoint',
      o.endpoint,
      '--channel-id',
      'msteams',
      '--port',
      String(o.port),
      '--service-url',
      `${url}/_connector`,
      '--conversation-id',
      PLAYGROUND_CONVERSATION_ID,
      '--disable-telemetry',
    ],
    {
      cwd: o.dir,
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: join(o.dir, 'playground.log'),
      },
      stdio: o.stdio ?? 'ignore',
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    const done = await Promise.race([exited, new Promise((r) => setTimeout(() => r('wait'), 200))]);
    if (done !== 'wait')
      throw new Error(`playground exited (${String(done)}); see ${join(o.dir, 'playground.log')}`);
    if (i === 99) throw new Error(`playground did not answer on ${url}`);
  }
  return {
    url,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(): Promise<void> {
  const env = process.env;
  assertLocal(env);
  const emulatorUrl = env.EMULATOR_URL ?? 'http://127.0.0.1:5100';
  const port = Number(env.PLAYGROUND_PORT ?? 56150);
  const reachable = await fetch(`${emulatorUrl}/_emulator/clock`).then(
    (r) => r.ok,
    () => false,
  );
  if (!reachable)
    throw new Error(`playground: no emulator at ${emulatorUrl}; start the stack with npm start`);
  // Known once the bot (and its repositories) is up; the playground installs the app only after that.
  const signedIn: { user?: DemoUser } = {};
  const bot: PlaygroundBot = await startPlaygroundBot({
    emulatorUrl,
    connectorUrl: `http://127.0.0.1:${port}/_connector`,
    port: Number(env.PLAYGROUND_BOT_PORT ?? 5201),
    // Each time the page opens (a fresh chat), the user's next open card is posted into it.
    onInstall: (oid) => {
      const who = signedIn.user;
      if (!who || oid !== who.id) return;
      bot.sendNextCard(who).then(
        (sent) =>
          console.log(
            sent
              ? `Card posted: ${sent.moment.key} (${sent.moment.kind}, due ${sent.moment.dueDate}).`
              : `${who.displayName} has no open card; choose another user with PLAYGROUND_USER.`,
          ),
        (e: unknown) => console.error('playground: the card could not be posted', e),
      );
    },
  });
  const user = (signedIn.user = await playgroundUser(bot.jobs, env.PLAYGROUND_USER));
  const dir = mkdtempSync(join(tmpdir(), 'stagemap-playground-'));
  const playground = await startPlayground({ endpoint: bot.endpoint, port, dir, user });
  const stop = async () => {
    await playground.stop();
    await bot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  console.log(
    `Agents Playground: ${playground.url}  (signed in as ${user.displayName}, ${user.userPrincipalName})`,
  );
  console.log(
    `Bot endpoint for the playground: ${bot.endpoint} (accepts unauthenticated activities, loopback only)`,
  );
  console.log('Open the page: the next open card of this user is posted into its chat each time it opens.');
  console.log(`Log: ${join(dir, 'playground.log')}. Ctrl+C stops the playground and its bot endpoint.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

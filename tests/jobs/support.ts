import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { ExpressAdapter } from '@microsoft/teams.apps';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { teamsCardLinks } from '../../src/bot/cards/links';
import { createBot, MARKER_PROPERTY, type StagemapBot } from '../../src/bot/runtime/bot';
import type { Clock } from '../../src/domain/clock';
import type { Internship } from '../../src/domain/internship';
import { localBotCloud, localBotTokenProvider } from '../../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { DEMO_USERS, type DemoUser } from '../../src/emulator/demo-directory';
import type { Stored } from '../../src/graph/repositories/list-repository';
import { createStagemapJobs, type StagemapJobs } from '../../src/jobs/compose';
import type { Delivery } from '../../src/jobs/delivery';
import { momentKeyOfMarker } from '../../src/jobs/intents';
import { emulatorProbe } from '../../src/jobs/probe';
import type { Scheduler } from '../../src/jobs/scheduler';
import { admin } from '../emulator/support';
import { startRepoFixture, type RepoFixture } from '../graph/repositories/support';

export const CATALOG_APP_ID = '3c0e5f2a-7b1d-4e8c-a6f9-1d2b3c4e5001';
export const links = teamsCardLinks('b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001');

export interface BotHarness {
  fx: RepoFixture;
  clock: Clock & { set(iso: string | Date): void };
  jobs: StagemapJobs;
  bot: StagemapBot;
  scheduler: Scheduler;
  delivery: Delivery;
  server: Server;
  close(): Promise<void>;
}

/** The emulator with the site, the bot on a free port (SDK ExpressAdapter) registered as the bot endpoint, the scheduler. */
export async function startBotHarness(start = '2027-01-04T08:00:00.000Z'): Promise<BotHarness> {
  const fx = await startRepoFixture();
  let now = new Date(start);
  const clock = { now: () => new Date(now.getTime()), set: (v: string | Date) => (now = new Date(v)) };
  const jobs = createStagemapJobs({
    graph: fx.graph,
    siteId: fx.site.siteId,
    people: fx.site.people,
    clock,
    links,
    tenantId: LOCAL_TENANT_ID,
    teamsCatalogAppId: CATALOG_APP_ID,
    // The emulator's directory has no shared mailbox: a coordinator's mailbox sends the fallback mails.
    senderMailbox: DEMO_USERS.find((u) => u.role === 'coordinator')!.userPrincipalName,
    repos: fx.repos,
  });
  const server = createServer();
  const bot = createBot({
    clientId: LOCAL_APP_ID,
    token: localBotTokenProvider({
      emulatorUrl: fx.emu.url,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
    tenantId: LOCAL_TENANT_ID,
    cloud: withOverrides(PUBLIC, localBotCloud(fx.emu.url)),
    serviceUrl: fx.emu.url,
    httpServerAdapter: new ExpressAdapter(server),
    ports: jobs.botPorts,
    links,
    clock,
  });
  await bot.initialize();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  await admin(fx.emu, 'PUT', '/bot', { endpoint });
  const { scheduler, delivery } = jobs.scheduler({
    connector: bot.connector,
    probe: emulatorProbe(fx.emu.url),
    instanceId: 'test',
    deliveryRetry: { baseDelayMs: 5, maxDelayMs: 50 },
  });
  return {
    fx,
    clock,
    jobs,
    bot,
    scheduler,
    delivery,
    server,
    close: async () => {
      await new Promise((r) => server.close(r));
      await fx.emu.close();
    },
  };
}

export interface ChatCard {
  activityId: string;
  marker: string;
  momentKey: string;
  card: Record<string, unknown>;
}

/** The cards of a user's chat with the bot that carry a delivery marker. */
export async function cardsOf(url: string, oid: string): Promise<ChatCard[]> {
  const res = await fetch(`${url}/_emulator/bot/conversations?user=${encodeURIComponent(oid)}`);
  const body = (await res.json()) as {
    value: { activities: { id: string; attachments?: { content?: Record<string, unknown> }[] }[] }[];
  };
  return body.value.flatMap((c) =>
    c.activities.flatMap((a) =>
      (a.attachments ?? []).flatMap((att) => {
        const marker = att.content?.[MARKER_PROPERTY];
        return typeof marker === 'string'
          ? [{ activityId: a.id, marker, momentKey: momentKeyOfMarker(marker), card: att.content! }]
          : [];
      }),
    ),
  );
}

/** Every marked card of every chat, counted per moment key. */
export async function countPerMoment(url: string): Promise<Map<string, number>> {
  const res = await fetch(`${url}/_emulator/bot/conversations`);
  const body = (await res.json()) as {
    value: { activities: { attachments?: { content?: Record<string, unknown> }[] }[] }[];
  };
  const counts = new Map<string, number>();
  for (const c of body.value)
    for (const a of c.activities)
      for (const att of a.attachments ?? []) {
        const marker = att.content?.[MARKER_PROPERTY];
        if (typeof marker === 'string') {
          const k = `${momentKeyOfMarker(marker)}|${marker.split('|')[1]}`;
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
      }
  return counts;
}

export const person = (u: DemoUser) => ({ id: u.id, displayName: u.displayName, email: u.userPrincipalName });

export function internshipOf(
  key: string,
  people: { intern: DemoUser; mentor: DemoUser; backup: DemoUser; coordinator: DemoUser },
  startDate: string,
  endDate: string,
): Omit<Internship, 'id'> {
  return {
    key,
    phase: 'execution',
    decision: 'accepted',
    intern: person(people.intern),
    mentor: person(people.mentor),
    backup: person(people.backup),
    coordinator: person(people.coordinator),
    service: 'ICT',
    topic: 'Data quality',
    startDate,
    endDate,
    overviewConsent: false,
  };
}

export type StoredInternship = Stored<Internship>;

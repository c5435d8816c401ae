/**
 * One scheduler sweep at scale, against the emulator in its own process: 10,000 active internships, 100,000
 * moments, 500 of them due. Figures: Graph requests of the sweep (a $batch counts once; goal: the due query plus
 * batched reads of what is due plus ceil(500 / 20) batched writes per write round), Bot Connector requests, wall
 * time, peak memory, and the SharePoint resource units against the per-minute budget of a tenant under 1,000
 * licences (1,250 RU/min). Loading the moments through $batch is set-up, timed but not a goal.
 */
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { teamsCardLinks } from '../src/bot/cards/links';
import { createBot, type ProactiveConnector } from '../src/bot/runtime/bot';
import type { Internship } from '../src/domain/internship';
import type { Moment } from '../src/domain/records';
import { localBotCloud, localBotTokenProvider } from '../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../src/emulator/config';
import { createGraph } from '../src/graph/client';
import { People } from '../src/graph/people';
import type { NewRecord } from '../src/graph/repositories/list-repository';
import { createRepositories } from '../src/graph/repositories/repositories';
import { LISTS } from '../src/graph/schema';
import { setupLocalSite } from '../src/graph/seed/setup-local-site';
import { clientCredentials } from '../src/graph/token-provider';
import { createStagemapJobs } from '../src/jobs/compose';
import { emulatorProbe } from '../src/jobs/probe';
import { round, type BenchFigure } from './figure';

const INTERNSHIPS = 10_000;
const MOMENTS = 100_000;
const DUE = 500;
const NOW = Date.parse('2027-03-02T08:30:00Z');

async function startProcess(): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      NODE_ENV: 'test',
      EMULATOR_LOG: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'stagemap-bench-scheduler-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (c: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(c.toString());
      if (m) resolve(m[1]!);
    });
    proc.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return { url, stop: () => proc.kill('SIGTERM') };
}

const put = (url: string, path: string, body: unknown) =>
  fetch(`${url}/_emulator${path}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

export default async function bench(): Promise<BenchFigure[]> {
  const emu = await startProcess();
  try {
    await put(emu.url, '/throttling', { enabled: false });
    let requests = 0;
    let reads = 0;
    let batchedWrites = 0;
    const singleWrites: string[] = [];
    let counting = false;
    const graph = createGraph({
      baseUrl: `${emu.url}/v1.0`,
      tokenProvider: clientCredentials({
        authority: `${emu.url}/${LOCAL_TENANT_ID}`,
        clientId: LOCAL_APP_ID,
        clientSecret: LOCAL_APP_SECRET,
      }),
      onRequest: (e) => {
        if (!counting) return;
        requests += 1;
        const methods = e.subRequests?.map((r) => r.method) ?? [e.method];
        if (methods.every((m) => m === 'GET')) reads += 1;
        else if (e.subRequests) batchedWrites += 1;
        else singleWrites.push(`${e.method} ${e.url.replace(/^.*\/lists\//, 'lists/')}`);
      },
    });
    // As in graph.bench.ts: unique checks scan the list in the emulator, which makes loading 100,000 items
    // quadratic; the bench site's Key columns are indexed but not unique (the sweep does not create items).
    const lists = LISTS.map((l) => ({
      ...l,
      columns: l.columns.map((c) => (c.name === 'Key' ? { ...c, unique: false } : c)),
    }));
    const site = await setupLocalSite({ emulatorUrl: emu.url, graph, appId: LOCAL_APP_ID, lists });
    const repos = createRepositories({ graph, siteId: site.siteId, people: site.people, concurrency: 8 });
    const directory = await site.people.loadDirectory();
    const mentors = directory.filter((u) => /adviseur|conseill|berater|adviser/i.test(u.jobTitle ?? ''));

    let t = performance.now();
    const internships: NewRecord<Internship>[] = Array.from({ length: INTERNSHIPS }, (_, n) => ({
      key: `bench-${n}`,
      phase: 'execution',
      intern: { id: '', displayName: `Intern ${n}`, email: `intern${n}@student.example.be` },
      mentor: { id: mentors[n % mentors.length]!.id, displayName: mentors[n % mentors.length]!.displayName },
      service: ['HR', 'ICT', 'Communicatie', 'Juridische dienst'][n % 4]!,
      topic: `Project ${n}`,
      startDate: '2027-02-01',
      endDate: '2027-06-30',
      overviewConsent: false,
    }));
    for (let i = 0; i < internships.length; i += 2000)
      await repos.internships.createMany(internships.slice(i, i + 2000));
    const hour = 3_600_000;
    // Moment n belongs to internship n % 10,000; the first 500 are due (an hour ago), the rest in the coming weeks.
    const moments: NewRecord<Moment>[] = Array.from({ length: MOMENTS }, (_, n) => {
      const at = n < DUE ? NOW - hour : NOW + hour + ((n * 7919) % (60 * 24)) * hour;
      const sendAt = new Date(at).toISOString();
      return {
        key: `bench-${n % INTERNSHIPS}:followUp:${Math.floor(n / INTERNSHIPS) + 1}`,
        internshipId: `bench-${n % INTERNSHIPS}`,
        kind: 'followUp',
        seq: Math.floor(n / INTERNSHIPS) + 1,
        dueDate: sendAt.slice(0, 10),
        sendAt,
        recipients: ['mentor'],
        escalateAt: new Date(at + 30 * 24 * hour).toISOString(),
        digestAt: new Date(at + 60 * 24 * hour).toISOString(),
        state: 'planned',
        recipientOids: [],
        attempts: 0,
        log: [],
      };
    });
    for (let i = 0; i < moments.length; i += 2000) await repos.moments.createMany(moments.slice(i, i + 2000));
    const loadS = (performance.now() - t) / 1000;

    // The sweep, in a fresh set of repositories and caches, as a new worker process would have them.
    const clock = { now: () => new Date(NOW) };
    const links = teamsCardLinks('b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001');
    const people = new People({ graph, siteId: site.siteId });
    const jobs = createStagemapJobs({
      graph,
      siteId: site.siteId,
      people,
      clock,
      links,
      tenantId: LOCAL_TENANT_ID,
      concurrency: 8,
    });
    const bot = createBot({
      clientId: LOCAL_APP_ID,
      token: localBotTokenProvider({
        emulatorUrl: emu.url,
        clientId: LOCAL_APP_ID,
        clientSecret: LOCAL_APP_SECRET,
      }),
      tenantId: LOCAL_TENANT_ID,
      cloud: withOverrides(PUBLIC, localBotCloud(emu.url)),
      serviceUrl: emu.url,
      ports: jobs.botPorts,
      links,
    });
    let connectorCalls = 0;
    const connector: ProactiveConnector = {
      botId: bot.connector.botId,
      createConversation: (...a) => (connectorCalls++, bot.connector.createConversation(...a)),
      sendCard: (...a) => (connectorCalls++, bot.connector.sendCard(...a)),
    };
    const { scheduler } = jobs.scheduler({
      connector,
      probe: emulatorProbe(emu.url),
      instanceId: 'bench',
      chunkSize: DUE,
      concurrency: 8,
    });
    await fetch(`${emu.url}/_emulator/stats`, { method: 'DELETE' });
    let peakHeap = 0;
    const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
    const rssBefore = process.memoryUsage().rss;
    counting = true;
    t = performance.now();
    const report = await scheduler.sweepOnce(new Date(NOW));
    const sweepMs = performance.now() - t;
    counting = false;
    clearInterval(sampler);
    if (report.sent !== DUE)
      throw new Error(`sweep sent ${report.sent} of ${DUE}: ${JSON.stringify(report)}`);
    console.log(`single writes of the sweep: ${singleWrites.join(', ')}`);
    const stats = (await (await fetch(`${emu.url}/_emulator/stats`)).json()) as Record<string, unknown>;
    const ru = findNumber(stats, ['resourceUnits', 'totalResourceUnits', 'ru']);
    return [
      {
        name: 'scheduler: load 10,000 internships + 100,000 moments ($batch, set-up)',
        value: round(loadS, 1),
        unit: 's',
      },
      { name: 'scheduler: sweep wall time (500 due of 100,000)', value: Math.round(sweepMs), unit: 'ms' },
      { name: 'scheduler: Graph requests of the sweep ($batch = 1)', value: requests, unit: 'requests' },
      {
        name: 'scheduler: batched writes of the sweep (moments)',
        value: batchedWrites,
        unit: 'requests',
        goal: `<= ${Math.ceil(DUE / 20)}`,
      },
      {
        name: 'scheduler: single writes of the sweep (lease take + release, first-contact conversation references)',
        value: singleWrites.length,
        unit: 'requests',
      },
      {
        name: 'scheduler: reads of the sweep (lease, settings, due queries, their internships and people)',
        value: reads,
        unit: 'requests',
      },
      { name: 'scheduler: Bot Connector requests of the sweep', value: connectorCalls, unit: 'requests' },
      {
        name: 'scheduler: SharePoint resource units of the sweep',
        value: ru ?? -1,
        unit: 'RU',
        goal: '<= 1250',
      },
      { name: 'scheduler: peak heap during the sweep', value: round(peakHeap / 2 ** 20, 1), unit: 'MiB' },
      {
        name: 'scheduler: RSS growth during the sweep',
        value: round((process.memoryUsage().rss - rssBefore) / 2 ** 20, 1),
        unit: 'MiB',
      },
      {
        name: 'scheduler: bench process maxRSS (includes set-up)',
        value: round(resourceUsage().maxRSS / 1024, 1),
        unit: 'MiB',
      },
    ];
  } finally {
    emu.stop();
  }
}

/** The stats document's shape is the emulator's; the total resource units are found by name. */
function findNumber(o: unknown, names: string[]): number | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  for (const [k, v] of Object.entries(o)) {
    if (names.includes(k) && typeof v === 'number') return v;
  }
  for (const v of Object.values(o)) {
    const found = findNumber(v, names);
    if (found !== undefined) return found;
  }
  return undefined;
}

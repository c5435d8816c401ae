/**
 * The graph layer at scale, against the emulator in its own process: 5,000 internships and 50,000 moments.
 * - the coordinator's overview (every internship): Graph requests and wall time; goal ≤ ceil(5000 / page) + 2;
 * - the moments due in the next hour among 50,000: requests proportional to the due ones (one page of 5,000);
 * - updating 1,000 items: $batch requests (goal ≤ 50) and wall time.
 * Loading the data is timed too, but it is set-up, not a goal.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../src/emulator/config';
import type { Internship } from '../src/domain/internship';
import type { Moment } from '../src/domain/records';
import { createGraph } from '../src/graph/client';
import { LIST_ITEMS_MAX_TOP } from '../src/graph/paging';
import type { NewRecord } from '../src/graph/repositories/list-repository';
import { createRepositories } from '../src/graph/repositories/repositories';
import { LISTS } from '../src/graph/schema';
import { setupLocalSite } from '../src/graph/seed/setup-local-site';
import { clientCredentials } from '../src/graph/token-provider';
import { round, type BenchFigure } from './figure';

const INTERNSHIPS = 5000;
const MOMENTS = 50_000;
const UPDATES = 1000;
const NOW = Date.parse('2026-11-26T08:30:00Z');

async function startProcess(): Promise<{ url: string; stop: () => void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      NODE_ENV: 'test',
      EMULATOR_LOG: '0',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'stagemap-bench-graph-')),
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

export default async function bench(): Promise<BenchFigure[]> {
  const emu = await startProcess();
  try {
    await fetch(`${emu.url}/_emulator/throttling`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    let requests = 0;
    const graph = createGraph({
      baseUrl: `${emu.url}/v1.0`,
      tokenProvider: clientCredentials({
        authority: `${emu.url}/${LOCAL_TENANT_ID}`,
        clientId: LOCAL_APP_ID,
        clientSecret: LOCAL_APP_SECRET,
      }),
      onRequest: () => {
        requests += 1;
      },
    });
    // The emulator checks unique values with a scan of the list (its index is case-sensitive, the check is not),
    // which makes loading 50,000 items quadratic. Loading is set-up, not what is measured: the bench site's Key
    // columns are indexed but not unique. Reads and updates do not touch uniqueness.
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
      phase: (
        ['request', 'preparation', 'decision', 'execution', 'evaluation', 'closed', 'stopped'] as const
      )[n % 7]!,
      intern: { id: '', displayName: `Intern ${n}`, email: `intern${n}@student.example.be` },
      mentor: { id: mentors[n % mentors.length]!.id, displayName: mentors[n % mentors.length]!.displayName },
      service: ['HR', 'ICT', 'Communicatie', 'Juridische dienst'][n % 4]!,
      topic: `Project ${n}`,
      startDate: '2027-02-01',
      endDate: '2027-05-31',
      overviewConsent: n % 2 === 0,
    }));
    for (let i = 0; i < internships.length; i += 1000)
      await repos.internships.createMany(internships.slice(i, i + 1000));
    const loadInternshipsS = (performance.now() - t) / 1000;

    // 50,000 moments spread over 100 days; one in 1,000 falls in the next hour.
    t = performance.now();
    const hour = 3_600_000;
    const moments: NewRecord<Moment>[] = Array.from({ length: MOMENTS }, (_, n) => {
      const inNextHour = n % 1000 === 7;
      const at = inNextHour ? NOW + (n % 50) * 60_000 : NOW + hour + ((n * 7919) % (100 * 24)) * hour;
      const sendAt = new Date(at).toISOString();
      return {
        key: `bench-${n % INTERNSHIPS}:followUp:${Math.floor(n / INTERNSHIPS) + 1}`,
        internshipId: `bench-${n % INTERNSHIPS}`,
        kind: 'followUp',
        seq: Math.floor(n / INTERNSHIPS) + 1,
        dueDate: sendAt.slice(0, 10),
        sendAt,
        recipients: ['mentor'],
        escalateAt: new Date(at + 3 * 24 * hour).toISOString(),
        digestAt: new Date(at + 5 * 24 * hour).toISOString(),
        state: 'planned',
        recipientOids: [],
        attempts: 0,
        log: [],
      };
    });
    for (let i = 0; i < moments.length; i += 2000) await repos.moments.createMany(moments.slice(i, i + 2000));
    const loadMomentsS = (performance.now() - t) / 1000;

    // Overview: a fresh repository set (cold caches), as a new server process would have.
    const fresh = createRepositories({ graph, siteId: site.siteId, people: site.people });
    requests = 0;
    t = performance.now();
    const overview = await fresh.internships.overview();
    const overviewMs = performance.now() - t;
    const overviewRequests = requests;
    if (overview.length !== INTERNSHIPS) throw new Error(`overview returned ${overview.length}`);

    requests = 0;
    t = performance.now();
    const due = await fresh.moments.due({ from: new Date(NOW), before: new Date(NOW + hour) });
    const dueMs = performance.now() - t;
    const dueRequests = requests;
    const expectedDue = moments.filter((m) => Date.parse(m.sendAt) < NOW + hour).length;
    if (due.length !== expectedDue) throw new Error(`due: ${due.length}, expected ${expectedDue}`);

    const toUpdate = (await fresh.moments.query(undefined, { limit: UPDATES })).slice(0, UPDATES);
    requests = 0;
    t = performance.now();
    const res = await fresh.moments.updateMany(toUpdate.map((m) => ({ current: m, patch: { attempts: 1 } })));
    const updateMs = performance.now() - t;
    const updateRequests = requests;
    if (res.updated.length !== UPDATES) throw new Error(`updated ${res.updated.length}`);

    return [
      { name: 'graph: load 5,000 internships ($batch)', value: round(loadInternshipsS, 1), unit: 's' },
      { name: 'graph: load 50,000 moments ($batch)', value: round(loadMomentsS, 1), unit: 's' },
      {
        name: 'graph: coordinator overview of 5,000 internships, requests',
        value: overviewRequests,
        unit: 'requests',
        goal: `<= ${Math.ceil(INTERNSHIPS / LIST_ITEMS_MAX_TOP) + 2}`,
      },
      {
        name: 'graph: coordinator overview of 5,000 internships, wall time',
        value: round(overviewMs, 0),
        unit: 'ms',
      },
      {
        name: `graph: moments due in the next hour among 50,000 (${due.length} due), requests`,
        value: dueRequests,
        unit: 'requests',
        goal: `<= ${Math.ceil(due.length / LIST_ITEMS_MAX_TOP) + 1}`,
      },
      { name: 'graph: moments due in the next hour, wall time', value: round(dueMs, 0), unit: 'ms' },
      {
        name: 'graph: update 1,000 moments, $batch requests',
        value: updateRequests,
        unit: 'requests',
        goal: '<= 50',
      },
      { name: 'graph: update 1,000 moments, wall time', value: round(updateMs, 0), unit: 'ms' },
    ];
  } finally {
    emu.stop();
  }
}

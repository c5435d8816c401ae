/**
 * `npm run worker`: the scheduler alone (no HTTP endpoint), for a deployment that runs sweeps apart from the
 * server, and for the crash tests, which kill it with SIGKILL mid-sweep. Local mode only reads the emulator's URL;
 * against a tenant the same worker would take Graph and bot credentials (see docs/scheduler.md).
 *
 * Environment: EMULATOR_URL (required), SITE_ID (else the local site "Stages" is resolved), WORKER_ID (lease
 * holder; default the host name and pid), LEASE_TTL_MS, SWEEP_INTERVAL_MS, CHUNK_SIZE, CONCURRENCY,
 * WORKER_ONCE=1 (sweep until nothing is due, then exit 0), TEAMS_CATALOG_APP_ID, SENDER_MAILBOX.
 */
import { PUBLIC, withOverrides } from '@microsoft/teams.api';
import { hostname } from 'node:os';
import { teamsCardLinks } from '../src/bot/cards/links';
import { createBot } from '../src/bot/runtime/bot';
import type { Clock } from '../src/domain/clock';
import { localBotCloud, localBotTokenProvider } from '../src/emulator/bot-connector/local-bot-cloud';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_HOSTNAME, LOCAL_TENANT_ID } from '../src/emulator/config';
import { createGraph } from '../src/graph/client';
import { People } from '../src/graph/people';
import { resolveSite } from '../src/graph/sites';
import { clientCredentials } from '../src/graph/token-provider';
import { createStagemapJobs } from '../src/jobs/compose';
import { emulatorProbe } from '../src/jobs/probe';

const env = process.env;
const emulatorUrl = env.EMULATOR_URL;
if (!emulatorUrl) {
  console.error('worker: EMULATOR_URL is required (local mode)');
  process.exit(2);
}
const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) ? Number(v) : d);

// The emulator's clock (moved by the local page's clock control), read once per sweep.
let offsetMs = 0;
const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
async function syncClock(): Promise<void> {
  const res = await fetch(`${emulatorUrl}/_emulator/clock`);
  if (res.ok) offsetMs = ((await res.json()) as { offsetMs?: number }).offsetMs ?? 0;
}

const retry = { baseDelayMs: num(env.GRAPH_RETRY_BASE_MS, 200), maxDelayMs: 5_000, maxAttempts: 8 };
const graph = createGraph({
  baseUrl: `${emulatorUrl}/v1.0`,
  tokenProvider: clientCredentials({
    authority: `${emulatorUrl}/${LOCAL_TENANT_ID}`,
    clientId: LOCAL_APP_ID,
    clientSecret: LOCAL_APP_SECRET,
  }),
  retry,
});
const siteId = env.SITE_ID ?? (await resolveSite(graph, `https://${LOCAL_HOSTNAME}/sites/Stages`)).id;
const people = new People({ graph, siteId, retry });
const links = teamsCardLinks(env.TEAMS_APP_ID ?? 'b7d2f1a4-5c3e-4f6a-9b8d-0e1f2a3b5001');
const jobs = createStagemapJobs({
  graph,
  siteId,
  people,
  clock,
  links,
  tenantId: LOCAL_TENANT_ID,
  teamsCatalogAppId: env.TEAMS_CATALOG_APP_ID ?? '3c0e5f2a-7b1d-4e8c-a6f9-1d2b3c4e5001',
  ...(env.SENDER_MAILBOX ? { senderMailbox: env.SENDER_MAILBOX } : {}),
  retry,
  concurrency: num(env.CONCURRENCY, 4),
});
const bot = createBot({
  clientId: LOCAL_APP_ID,
  token: localBotTokenProvider({ emulatorUrl, clientId: LOCAL_APP_ID, clientSecret: LOCAL_APP_SECRET }),
  tenantId: LOCAL_TENANT_ID,
  cloud: withOverrides(PUBLIC, localBotCloud(emulatorUrl)),
  serviceUrl: emulatorUrl,
  ports: jobs.botPorts,
  links,
  clock,
});
const { scheduler } = jobs.scheduler({
  connector: bot.connector,
  probe: emulatorProbe(emulatorUrl),
  instanceId: env.WORKER_ID ?? `${hostname()}:${process.pid}`,
  leaseTtlMs: num(env.LEASE_TTL_MS, 120_000),
  chunkSize: num(env.CHUNK_SIZE, 100),
  concurrency: num(env.CONCURRENCY, 8),
  deliveryRetry: { baseDelayMs: num(env.DELIVERY_RETRY_BASE_MS, 200), maxDelayMs: 5_000, maxAttempts: 8 },
});

if (env.WORKER_ONCE === '1') {
  // Sweep until a sweep finds nothing left to do (a lease held by another instance is waited out).
  for (let i = 0; i < 200; i++) {
    await syncClock();
    const r = await scheduler.sweepOnce();
    console.log(`sweep ${JSON.stringify(r)}`);
    if (!r.skipped && r.due === 0) process.exit(0);
    await new Promise((res) => setTimeout(res, r.skipped ? 250 : 10));
  }
  process.exit(1);
} else {
  const interval = num(env.SWEEP_INTERVAL_MS, 60_000);
  // The same work as the server's scheduler.start(): sweeps, the weekly channel post, and once a day the
  // reconciliation of schedules and the retention purge.
  let lastDaily = '';
  const loop = async () => {
    try {
      await syncClock();
      const r = await scheduler.sweepOnce();
      console.log(`sweep ${JSON.stringify(r)}`);
      const a = await scheduler.announce();
      if (a.outcome !== 'notDue' && a.outcome !== 'alreadyPosted')
        console.log(`announce ${JSON.stringify(a)}`);
      const day = clock.now().toISOString().slice(0, 10);
      if (day !== lastDaily) {
        lastDaily = day;
        console.log(
          `reconcile: ${await scheduler.reconcile()} changes; purge ${JSON.stringify(await scheduler.purge())}`,
        );
      }
    } catch (e) {
      console.error('sweep failed', e);
    }
    setTimeout(() => void loop(), interval);
  };
  void loop();
}

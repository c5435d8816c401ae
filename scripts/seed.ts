/**
 * `npm run seed`: the demo organisation in the local emulator (or a fresh embedded one).
 *
 *   npm run seed                         seeds the emulator at $EMULATOR_URL or http://127.0.0.1:5100
 *   npm run seed -- --embedded           starts an emulator on $DATA_DIR (default .data/emulator), seeds, stops
 *   options: --today YYYY-MM-DD (default 2026-11-26: stable screenshots), --internships N (default 42),
 *            --seed N (PRNG seed)
 * Idempotent: running it again changes nothing. Local mode only: it configures the site through the emulator's
 * admin API, which a tenant does not have (there an administrator does those steps, then `npm run provision`).
 */
import { parseArgs } from 'node:util';
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../src/emulator/config';
import { createGraph } from '../src/graph/client';
import { InternshipFolders } from '../src/graph/folders/internship-folders';
import { createRepositories } from '../src/graph/repositories/repositories';
import { seedDemo } from '../src/graph/seed/demo-seed';
import { setupLocalSite } from '../src/graph/seed/setup-local-site';
import { clientCredentials } from '../src/graph/token-provider';

const { values } = parseArgs({
  options: {
    today: { type: 'string', default: '2026-11-26' },
    internships: { type: 'string', default: '42' },
    seed: { type: 'string', default: '20261126' },
    embedded: { type: 'boolean', default: false },
    url: { type: 'string' },
  },
});
if (!/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new Error('--today must be YYYY-MM-DD');

let url = values.url ?? process.env.EMULATOR_URL ?? 'http://127.0.0.1:5100';
let stop: (() => Promise<void>) | undefined;
if (values.embedded) {
  const { startEmulator } = await import('../src/emulator/server');
  const { EMULATOR_MODULES } = await import('../src/emulator/modules');
  const emu = await startEmulator(
    { port: 0, dataDir: process.env.DATA_DIR ?? '.data/emulator' },
    EMULATOR_MODULES,
  );
  url = emu.url;
  stop = () => emu.close();
}

const started = performance.now();
const graph = createGraph({
  baseUrl: `${url}/v1.0`,
  tokenProvider: clientCredentials({
    authority: `${url}/${LOCAL_TENANT_ID}`,
    clientId: LOCAL_APP_ID,
    clientSecret: LOCAL_APP_SECRET,
  }),
});
/** The emulator's admin API (local mode only). */
const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
try {
  // A bulk import, like an administrator's migration: SharePoint's per-minute budget would only make it slow. The
  // budget is switched back on, with the import's units not counted against the next minutes.
  await admin('PUT', '/throttling', { enabled: false });
  const site = await setupLocalSite({
    emulatorUrl: url,
    graph,
    appId: LOCAL_APP_ID,
    progress: (l) => console.log(l),
  });
  const ctx = { graph, siteId: site.siteId, people: site.people };
  const report = await seedDemo(createRepositories(ctx), new InternshipFolders(ctx), {
    today: values.today,
    internships: Number(values.internships),
    seed: Number(values.seed),
    progress: (l) => console.log(l),
  });
  console.log(
    `seeded ${site.webUrl} in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
      `(${report.plan.internships.length} internships, today = ${values.today})`,
  );
} finally {
  await admin('DELETE', '/stats').catch(() => undefined);
  await admin('PUT', '/throttling', { enabled: true }).catch(() => undefined);
  await stop?.();
}

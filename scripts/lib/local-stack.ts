/**
 * The whole of Stagemap on one machine against the built-in Microsoft 365 emulator: the emulator, the "Stages"
 * site set up and seeded with the demo organisation (first start only), and the server with the tab. Used by
 * `npm start` and by the end-to-end tests. This is the only place that knows about local mode; the server itself
 * only receives base URLs and ids through its configuration.
 */
import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import { EMULATOR_MODULES } from '../../src/emulator/modules';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server';
import { createGraph } from '../../src/graph/client';
import { InternshipFolders } from '../../src/graph/folders/internship-folders';
import { createRepositories } from '../../src/graph/repositories/repositories';
import { seedDemo } from '../../src/graph/seed/demo-seed';
import { setupLocalSite } from '../../src/graph/seed/setup-local-site';
import { clientCredentials } from '../../src/graph/token-provider';
import { loadConfig } from '../../src/server/config';
import { startStagemap, type RunningStagemap } from '../../src/server/compose';
import { silentLogger } from '../../src/server/http/logger';

export interface LocalStackOptions {
  emulatorPort?: number;
  serverPort?: number;
  dataDir?: string;
  /** The demo organisation's "today" (fixed in tests for stable data). */
  today?: string;
  internships?: number;
  log?: boolean;
  /** Run the scheduler every minute (npm start); tests drive it themselves. */
  scheduler?: boolean;
  say?: (line: string) => void;
}

export interface LocalStack {
  emulator: RunningEmulator;
  stagemap: RunningStagemap;
  close(): Promise<void>;
}

async function admin(emu: RunningEmulator, method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`emulator admin ${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? {} : ((await res.json().catch(() => ({}))) as Record<string, unknown>);
}

export async function startLocalStack(o: LocalStackOptions = {}): Promise<LocalStack> {
  const say = o.say ?? (() => {});
  const emulator = await startEmulator(
    { port: o.emulatorPort ?? 0, dataDir: o.dataDir ?? '.data/emulator', log: o.log ?? false },
    EMULATOR_MODULES,
  );
  say(`Microsoft 365 emulator: ${emulator.url}`);
  const graph = createGraph({
    baseUrl: `${emulator.url}/v1.0`,
    tokenProvider: clientCredentials({
      authority: `${emulator.url}/${LOCAL_TENANT_ID}`,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
  });
  const sites = await admin(emulator, 'GET', '/sites');
  const exists = JSON.stringify(sites).includes('/sites/Stages');
  if (!exists) {
    // First start: a bulk import, like an administrator's migration; SharePoint's per-minute budget would only
    // make it slow. Throttling is switched back on for normal use.
    await admin(emulator, 'PUT', '/throttling', { enabled: false });
    const site = await setupLocalSite({
      emulatorUrl: emulator.url,
      graph,
      appId: LOCAL_APP_ID,
      progress: say,
    });
    const ctx = { graph, siteId: site.siteId, people: site.people };
    await seedDemo(createRepositories(ctx), new InternshipFolders(ctx), {
      today: o.today ?? new Date().toISOString().slice(0, 10),
      internships: o.internships ?? 42,
      progress: say,
    });
    // The import's resource units must not count against the first minutes of normal use.
    await admin(emulator, 'DELETE', '/stats');
    await admin(emulator, 'PUT', '/throttling', { enabled: true });
  }
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: String(o.serverPort ?? 0),
    EMULATOR_URL: emulator.url,
    SCHEDULER: o.scheduler === false ? '0' : '1',
  });
  // The server's clock is the emulator's, so the local Teams page's clock control moves moments too.
  const stagemap = await startStagemap(config, {
    clock: { now: () => emulator.ctx.now() },
    ...(o.log === false ? { logger: silentLogger } : {}),
  });
  await admin(emulator, 'PUT', '/bot', {
    endpoint: `${stagemap.url}/api/messages`,
    stagemapUrl: stagemap.url,
  });
  say(`Stagemap: ${stagemap.url}/tab/`);
  return {
    emulator,
    stagemap,
    close: async () => {
      await stagemap.close();
      await emulator.close();
    },
  };
}

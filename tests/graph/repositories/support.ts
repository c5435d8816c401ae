import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../../src/emulator/config';
import { DEMO_USERS, type DemoUser } from '../../../src/emulator/demo-directory';
import type { RunningEmulator } from '../../../src/emulator/server';
import { createGraph, type Graph } from '../../../src/graph/client';
import { InternshipFolders } from '../../../src/graph/folders/internship-folders';
import type { RequestEvent } from '../../../src/graph/middleware';
import { createRepositories, type Repositories } from '../../../src/graph/repositories/repositories';
import type { RetryPolicy } from '../../../src/graph/retry-policy';
import { setupLocalSite, type LocalSite } from '../../../src/graph/seed/setup-local-site';
import { clientCredentials, staticToken } from '../../../src/graph/token-provider';
import { admin, startTestEmulator, userToken } from '../../emulator/support';

/**
 * An emulator with the "Stages" site set up as in local mode (setupLocalSite: site, Sites.Selected grant,
 * coordinators as owners, unique permissions on the internship libraries, provisioning), the demo directory, and
 * the repositories and folders over one People cache. Throttling by resource units is off: tests that want
 * throttling inject it as faults, so results do not depend on the machine's speed.
 */
export interface RepoFixture {
  emu: RunningEmulator;
  graph: Graph;
  site: LocalSite;
  repos: Repositories;
  folders: InternshipFolders;
  events: RequestEvent[];
  user(role: DemoUser['role'], n?: number): DemoUser;
  graphAs(upn: string): Promise<Graph>;
  faults(body: unknown): Promise<void>;
}

export async function startRepoFixture(
  opts: {
    retry?: Partial<RetryPolicy>;
    batchRetry?: Partial<RetryPolicy>;
    concurrency?: number;
    beforeSetup?: (emu: RunningEmulator) => Promise<void>;
  } = {},
): Promise<RepoFixture> {
  const emu = await startTestEmulator();
  await admin(emu, 'PUT', '/throttling', { enabled: false });
  await opts.beforeSetup?.(emu);
  const events: RequestEvent[] = [];
  const retry = { baseDelayMs: 20, maxDelayMs: 200, ...opts.retry };
  const graph = createGraph({
    baseUrl: `${emu.url}/v1.0`,
    tokenProvider: clientCredentials({
      authority: `${emu.url}/${LOCAL_TENANT_ID}`,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
    retry,
    onRequest: (e) => events.push(e),
  });
  const site = await setupLocalSite({
    emulatorUrl: emu.url,
    graph,
    appId: LOCAL_APP_ID,
    retry: opts.batchRetry ?? retry,
  });
  const ctx = {
    graph,
    siteId: site.siteId,
    people: site.people,
    retry: opts.batchRetry ?? retry,
    ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
  };
  return {
    emu,
    graph,
    site,
    repos: createRepositories(ctx),
    folders: new InternshipFolders(ctx),
    events,
    user: (role, n = 0) => {
      const u = DEMO_USERS.filter((d) => d.role === role)[n];
      if (!u) throw new Error(`no demo ${role} #${n}`);
      return u;
    },
    graphAs: async (upn) =>
      createGraph({
        baseUrl: `${emu.url}/v1.0`,
        tokenProvider: staticToken(await userToken(emu, upn)),
        retry,
      }),
    faults: async (body) => {
      const r = await admin(emu, body === null ? 'DELETE' : 'PUT', '/faults', body ?? undefined);
      if (r.status >= 300) throw new Error(`faults: ${r.status} ${r.text}`);
    },
  };
}

import { LOCAL_APP_ID, LOCAL_APP_SECRET, LOCAL_TENANT_ID } from '../../src/emulator/config';
import type { EmulatorModule } from '../../src/emulator/context';
import type { RunningEmulator } from '../../src/emulator/server';
import { createGraph, type Graph } from '../../src/graph/client';
import type { GraphLogger, RequestEvent } from '../../src/graph/middleware';
import { createRequestCounter, type RequestCounter } from '../../src/graph/request-counter';
import type { RetryPolicy } from '../../src/graph/retry-policy';
import { clientCredentials, staticToken } from '../../src/graph/token-provider';
import { adminModule } from '../../src/emulator/admin/admin-module';
import { batchModule } from '../../src/emulator/batch/batch-module';
import { drivesModule } from '../../src/emulator/drives/drives-module';
import { EMULATOR_MODULES } from '../../src/emulator/modules';
import { sharepointModule } from '../../src/emulator/sharepoint/sharepoint-module';
import { throttlingModule } from '../../src/emulator/throttling/throttling-module';
import { raw, startTestEmulator } from '../emulator/support';

/**
 * The modules the graph layer needs. The official list (modules.ts) is used once it holds them all; until the
 * emulator engineers register theirs, the same modules in the documented order (throttling wraps the rest).
 */
const NEEDED: EmulatorModule[] = [throttlingModule, sharepointModule, drivesModule, batchModule, adminModule];
export const graphModules = (): EmulatorModule[] =>
  NEEDED.every((m) => EMULATOR_MODULES.includes(m)) ? EMULATOR_MODULES : NEEDED;

export interface GraphFixture {
  emu: RunningEmulator;
  graph: Graph;
  counter: RequestCounter;
  events: RequestEvent[];
  logs: { message: string; data?: Record<string, unknown> }[];
  siteId: string;
  siteUrl: string;
  /** A Graph client for another token (e.g. a user's delegated token). */
  graphFor(token: string): Graph;
  admin(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
}

/** An emulator with the site "Stages" and the Stagemap app granted `manage` on it (Sites.Selected). */
export async function startGraphFixture(
  opts: { modules?: EmulatorModule[]; retry?: Partial<RetryPolicy>; clock?: () => Date } = {},
): Promise<GraphFixture> {
  const emu = await startTestEmulator({
    modules: opts.modules ?? graphModules(),
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const admin = async (method: string, path: string, body?: unknown) => {
    const r = await raw(emu, method, path, null, body);
    if (r.status >= 400) throw new Error(`${method} ${path} → ${r.status} ${r.text}`);
    return { status: r.status, json: r.json };
  };
  const site = await admin('POST', '/_emulator/sites', { path: '/sites/Stages', displayName: 'Stages' });
  const siteId = String(site.json.id);
  // Provisioning creates lists and columns: with Sites.Selected that takes the `manage` role on the site.
  await admin('POST', `/_emulator/sites/${encodeURIComponent(siteId)}/grants`, {
    appId: LOCAL_APP_ID,
    roles: ['manage'],
  });
  const counter = createRequestCounter();
  const events: RequestEvent[] = [];
  const logs: GraphFixture['logs'] = [];
  const logger: GraphLogger = {
    debug: (message, data) => logs.push({ message, ...(data ? { data } : {}) }),
    warn: (message, data) => logs.push({ message, ...(data ? { data } : {}) }),
  };
  const retry = { baseDelayMs: 20, maxDelayMs: 200, ...opts.retry };
  const graph = createGraph({
    baseUrl: `${emu.url}/v1.0`,
    tokenProvider: clientCredentials({
      authority: `${emu.url}/${LOCAL_TENANT_ID}`,
      clientId: LOCAL_APP_ID,
      clientSecret: LOCAL_APP_SECRET,
    }),
    logger,
    retry,
    onRequest: (e) => {
      events.push(e);
      counter.hook(e);
    },
  });
  return {
    emu,
    graph,
    counter,
    events,
    logs,
    siteId,
    siteUrl: String(site.json.webUrl),
    graphFor: (token) =>
      createGraph({ baseUrl: `${emu.url}/v1.0`, tokenProvider: staticToken(token), retry }),
    admin,
  };
}

import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Clock } from '../domain/clock';
import { createGraph, type Graph } from '../graph/client';
import { InternshipFolders } from '../graph/folders/internship-folders';
import { People } from '../graph/people';
import { createRepositories } from '../graph/repositories/repositories';
import { SCHEMA_VERSION } from '../graph/schema';
import { resolveSite } from '../graph/sites';
import { clientCredentials } from '../graph/token-provider';
import { createTokenValidator, remoteJwks } from './auth/token-validator';
import { hostBot, type BotHosting } from './bot-hosting';
import type { StagemapConfig } from './config';
import type { ServerDeps } from './deps';
import { createApp } from './http/create-app';
import { jsonLogger, type Logger } from './http/logger';
import { applicationRoutes } from './routes/application-routes';
import { attentionRoutes } from './routes/attention-routes';
import { assignmentRoutes } from './routes/assignment-routes';
import { evaluationRoutes } from './routes/evaluation-routes';
import { finalWorkRoutes } from './routes/final-work-routes';
import { folderRoutes } from './routes/folder-routes';
import { internshipRoutes } from './routes/internship-routes';
import { journalRoutes } from './routes/journal-routes';
import { meRoutes } from './routes/me-routes';
import { overviewRoutes } from './routes/overview-routes';
import { partnerRoutes } from './routes/partner-routes';
import { policyRoutes } from './routes/policy-routes';
import { reportRoutes } from './routes/report-routes';
import { workflowRoutes } from './routes/workflow-routes';
import { Organisation } from './services/organisation';

export interface ComposeOptions {
  clock?: Clock;
  logger?: Logger;
  /** Built tab (vite build output); served under /tab/. */
  tabDir?: string;
  /** Extra API routers (features mount here). */
  apiRouters?: ((deps: ServerDeps) => Router)[];
}

export interface RunningStagemap {
  url: string;
  deps: ServerDeps;
  graph: Graph;
  bot: BotHosting;
  close(): Promise<void>;
}

/** Feature routers, in one place so a feature is added by one line. */
export const API_ROUTERS: ((deps: ServerDeps) => Router)[] = [
  meRoutes,
  internshipRoutes,
  overviewRoutes,
  folderRoutes,
  finalWorkRoutes,
  evaluationRoutes,
  journalRoutes,
  assignmentRoutes,
  applicationRoutes,
  partnerRoutes,
  policyRoutes,
  reportRoutes,
  workflowRoutes,
  attentionRoutes,
];

/**
 * The composition root: configuration → Graph with the app's own identity (Sites.Selected on the one site) →
 * repositories → HTTP routes, tab and health endpoints. Local mode and a tenant differ only in the configuration
 * (base URLs, ids, secrets).
 */
export async function startStagemap(
  config: StagemapConfig,
  opts: ComposeOptions = {},
): Promise<RunningStagemap> {
  const logger = opts.logger ?? jsonLogger(config.logLevel);
  const clock = opts.clock ?? { now: () => new Date() };
  const graph = createGraph({
    baseUrl: `${config.graphBaseUrl}/v1.0`,
    tokenProvider: clientCredentials({
      authority: `${config.authority}/${config.tenantId}`,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
    }),
    logger: { debug: (m, f) => logger.debug(m, f), warn: (m, f) => logger.warn(m, f) },
  });
  const site = await resolveSite(graph, config.siteUrl);
  const people = new People({ graph, siteId: site.id });
  const ctx = { graph, siteId: site.id, people };
  const repos = createRepositories(ctx);
  const deps: ServerDeps = {
    repos,
    folders: new InternshipFolders(ctx),
    organisation: new Organisation(repos.settings),
    clock,
    logger,
  };
  // Names of people come from the directory; one request fills the cache for the whole organisation.
  await people.loadDirectory();

  const validateToken = createTokenValidator({
    tenantId: config.tenantId,
    issuer: `${config.authority}/${config.tenantId}/v2.0`,
    audiences: [config.apiIdUri, config.clientId],
    requiredScope: 'access_as_user',
    keys: remoteJwks(`${config.authority}/${config.tenantId}/discovery/v2.0/keys`),
    // The issuer's clock: locally the emulator's, which a tester may move forward by weeks.
    now: () => clock.now(),
  });

  const api = Router();
  for (const r of [...API_ROUTERS, ...(opts.apiRouters ?? [])]) api.use(r(deps));
  const bot = await hostBot(config, { graph, siteId: site.id, people, repos, clock, logger });
  deps.jobs = { internshipChanged: (key) => bot.scheduler.internshipChanged(key).then(() => undefined) };

  const app = createApp({
    logger,
    validateToken,
    resolveActor: (caller) => deps.organisation.actorFor(caller),
    api,
    publicRoutes: [
      bot.router,
      healthRoutes(graph, deps),
      tabRoutes(config, opts.tabDir),
      ...(config.mode === 'local' ? [devRoutes(bot)] : []),
    ],
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  if (config.scheduler) bot.scheduler.start(60_000);
  const url = config.mode === 'local' ? `http://127.0.0.1:${port}` : config.publicUrl;
  logger.info('stagemap started', { url, mode: config.mode, site: site.webUrl });
  return {
    url,
    deps,
    graph,
    bot,
    // Graceful: stop taking requests, let a running sweep finish its batch (it is resumable anyway), then close.
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.scheduler.stop();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), 10_000);
      await closed;
      clearTimeout(timer);
    },
  };
}

/** Local mode only: the local Teams page's "run the scheduler now" button (docs/emulator-bot.md). */
function devRoutes(bot: BotHosting): Router {
  const r = Router();
  r.post('/dev/sweep', async (_req, res) => {
    res.json(await bot.scheduler.sweepOnce());
  });
  // The local Teams page's "post the weekly announcement now" (in its team channel view).
  r.post('/dev/announce', async (_req, res) => {
    res.json(await bot.scheduler.announce());
  });
  return r;
}

/** Liveness (the process answers) and readiness (Graph reachable, the site at the expected schema version). */
function healthRoutes(graph: Graph, deps: ServerDeps): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => res.json({ status: 'ok' }));
  r.get('/readyz', async (_req, res) => {
    try {
      const version = await deps.repos.settings.schemaVersion();
      const ok = version === SCHEMA_VERSION;
      res
        .status(ok ? 200 : 503)
        .json({ status: ok ? 'ready' : 'schema', schemaVersion: version, expected: SCHEMA_VERSION });
    } catch (e) {
      deps.logger.warn('readiness check failed', { error: (e as Error).message });
      res.status(503).json({ status: 'unavailable' });
    }
  });
  void graph;
  return r;
}

/** The built tab under /tab/, its runtime configuration, and the privacy and terms pages the manifest names. */
function tabRoutes(config: StagemapConfig, tabDir = join(process.cwd(), 'dist', 'app')): Router {
  const r = Router();
  r.get('/tab/config.json', (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    res.json({
      apiBaseUrl: '',
      auth:
        config.mode === 'local'
          ? {
              mode: 'local',
              authority: `${config.authority}/${config.tenantId}`,
              clientId: config.clientId,
              scope: `${config.apiIdUri}/access_as_user`,
            }
          : {
              mode: 'msal',
              authority: `${config.authority}/${config.tenantId}`,
              clientId: config.clientId,
              scope: `${config.apiIdUri}/access_as_user`,
            },
      teamsHostOrigins: config.mode === 'local' ? [config.graphBaseUrl] : [],
    });
  });
  if (existsSync(tabDir)) {
    r.use('/tab', express.static(tabDir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
    // Client-side routes (deep links) get the app shell.
    r.get(/^\/tab\/.*/, (_req, res) =>
      res.sendFile(join(tabDir, 'index.html'), { headers: { 'cache-control': 'no-cache' } }),
    );
  }
  r.get('/', (_req, res) => res.redirect('/tab/'));
  return r;
}

function noCacheForHtml(res: express.Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('cache-control', 'no-cache');
}

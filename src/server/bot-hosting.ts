import { PUBLIC, withOverrides, type CloudEnvironment } from '@microsoft/teams.api';
import { ExpressAdapter } from '@microsoft/teams.apps';
import express from 'express';
import { hostname } from 'node:os';
import { teamsCardLinks } from '../bot/cards/links';
import { createBot, type StagemapBot } from '../bot/runtime/bot';
import type { Clock } from '../domain/clock';
import type { Graph } from '../graph/client';
import type { People } from '../graph/people';
import type { Repositories } from '../graph/repositories/repositories';
import { clientCredentials, type TokenProvider } from '../graph/token-provider';
import { createStagemapJobs } from '../jobs/compose';
import { emulatorProbe, graphChatProbe } from '../jobs/probe';
import type { Scheduler } from '../jobs/scheduler';
import type { StagemapConfig } from './config';
import type { Logger } from './http/logger';

export interface BotHosting {
  /** Express app answering POST /api/messages (mounted before the API's own authentication). */
  router: express.Express;
  bot: StagemapBot;
  scheduler: Scheduler;
}

/**
 * Where the bot's identity and the Bot Framework live. In a tenant: Microsoft's public cloud and the bot's secret
 * through the SDK's own MSAL. Locally: the same endpoints on the emulator (base URLs), and the client-credentials
 * token fetched by our own provider because MSAL refuses http authorities (docs/emulator-bot.md).
 */
function botIdentity(config: StagemapConfig): {
  cloud?: CloudEnvironment;
  serviceUrl?: string;
  clientSecret?: string;
  token?: (scope: string | string[], tenantId?: string) => Promise<string>;
} {
  if (config.mode === 'production') return { clientSecret: config.botPassword };
  const base = config.authority;
  const providers = new Map<string, TokenProvider>();
  return {
    cloud: withOverrides(PUBLIC, {
      loginEndpoint: base,
      loginTenant: 'botframework.com',
      tokenServiceUrl: `${base}/botframework`,
      openIdMetadataUrl: `${base}/botframework/v1/.well-known/openidconfiguration`,
      tokenIssuer: `${base}/botframework`,
    }),
    serviceUrl: base,
    token: async (scope) => {
      const s = Array.isArray(scope) ? scope.join(' ') : scope;
      const tenant = s.startsWith('https://api.botframework.com/') ? 'botframework.com' : config.tenantId;
      const key = `${tenant}|${s}`;
      let p = providers.get(key);
      if (!p) {
        p = clientCredentials({
          authority: `${base}/${tenant}`,
          clientId: config.botId,
          clientSecret: config.botPassword,
          scope: s,
        });
        providers.set(key, p);
      }
      return p.getToken();
    },
  };
}

/** The bot (cards, actions, proactive delivery) and the scheduler, over the server's Graph client. */
export async function hostBot(
  config: StagemapConfig,
  deps: { graph: Graph; siteId: string; people: People; repos: Repositories; clock: Clock; logger: Logger },
): Promise<BotHosting> {
  const links = teamsCardLinks(config.teamsAppId);
  const jobs = createStagemapJobs({
    graph: deps.graph,
    siteId: deps.siteId,
    people: deps.people,
    clock: deps.clock,
    links,
    tenantId: config.tenantId,
    repos: deps.repos,
    ...(config.teamsCatalogAppId ? { teamsCatalogAppId: config.teamsCatalogAppId } : {}),
    ...(config.senderMailbox ? { senderMailbox: config.senderMailbox } : {}),
  });
  const router = express();
  router.use('/api/messages', express.json({ limit: '1mb' }));
  const bot = createBot({
    clientId: config.botId,
    tenantId: config.tenantId,
    ...botIdentity(config),
    httpServerAdapter: new ExpressAdapter(router),
    ports: jobs.botPorts,
    links,
    clock: deps.clock,
    logger: {
      info: (m, f) => deps.logger.info(m, f),
      warn: (m, f) => deps.logger.warn(m, f),
      error: (m, f) => deps.logger.error(m, f),
    },
  });
  await bot.initialize();
  const { scheduler } = jobs.scheduler({
    connector: bot.connector,
    // Exactly-once needs to look into the chat after a crash: the emulator's history locally, Graph chat messages in
    // a tenant (docs/scheduler.md).
    probe:
      config.mode === 'local' ? emulatorProbe(config.authority) : graphChatProbe(deps.graph, config.botId),
    instanceId: `${hostname()}:${process.pid}`,
  });
  return { router, bot, scheduler };
}

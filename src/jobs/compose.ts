/**
 * Wiring of the bot's ports and the scheduler over one Graph client, for the server and for the worker
 * (scripts/worker.ts). Two steps because they depend on each other: the bot needs its ports to be created, the
 * scheduler needs the bot's proactive connector.
 */
import type { Clock } from '../domain/clock';
import type { Locale } from '../domain/i18n';
import type { CardLinks } from '../bot/cards/links';
import type { ProactiveConnector, TeamPorts } from '../bot/runtime/bot';
import type { BotLogger, BotPorts } from '../bot/runtime/ports';
import type { Graph } from '../graph/client';
import { Mailer } from '../graph/mail';
import { Mailboxes } from '../graph/mailbox';
import type { People } from '../graph/people';
import { ConversationsRepository, TeamChannelsRepository } from '../graph/repositories/conversations';
import type { RepositoryContext } from '../graph/repositories/list-repository';
import { createRepositories, type Repositories } from '../graph/repositories/repositories';
import type { RetryPolicy } from '../graph/retry-policy';
import { TeamsInstallations } from '../graph/teams-installation';
import { createAnnouncements, graphChannelProbe, type ChannelProbe } from './announcements';
import { sharePointBotPorts } from './bot-ports';
import { Delivery, type DeliveryRetry } from './delivery';
import type { DeliveryProbe } from './probe';
import { createScheduler, type Scheduler } from './scheduler';

export interface StagemapJobsConfig {
  graph: Graph;
  siteId: string;
  people: People;
  clock: Clock;
  links: CardLinks;
  tenantId: string;
  /** Catalog id of the Stagemap Teams app: enables installing it for users through Graph. */
  teamsCatalogAppId?: string;
  /** Mailbox the mail fallback is sent from (UPN or id): enables the mail fallback. */
  senderMailbox?: string;
  fallbackLocale?: Locale;
  retry?: Partial<RetryPolicy>;
  concurrency?: number;
  repos?: Repositories;
}

export interface StagemapJobs {
  repos: Repositories;
  conversations: ConversationsRepository;
  mailboxes: Mailboxes;
  /** The teams the app is installed in (channel posts). */
  teams: TeamChannelsRepository;
  botPorts: BotPorts & TeamPorts;
  /** The scheduler, once the bot exists. */
  scheduler(opts: {
    connector: ProactiveConnector;
    probe: DeliveryProbe;
    /** Finds a channel post in doubt; default: Graph channel messages (the emulator serves them too). */
    channelProbe?: ChannelProbe;
    instanceId: string;
    leaseTtlMs?: number;
    chunkSize?: number;
    concurrency?: number;
    deliveryRetry?: Partial<DeliveryRetry>;
    logger?: BotLogger;
  }): { scheduler: Scheduler; delivery: Delivery };
}

export function createStagemapJobs(cfg: StagemapJobsConfig): StagemapJobs {
  const ctx: RepositoryContext = {
    graph: cfg.graph,
    siteId: cfg.siteId,
    people: cfg.people,
    ...(cfg.retry ? { retry: cfg.retry } : {}),
    ...(cfg.concurrency ? { concurrency: cfg.concurrency } : {}),
  };
  const repos = cfg.repos ?? createRepositories(ctx);
  const conversations = new ConversationsRepository(repos.ctx);
  const mailboxes = new Mailboxes(cfg.graph, {
    ...(cfg.fallbackLocale ? { fallbackLocale: cfg.fallbackLocale } : {}),
    ...(cfg.retry ? { retry: cfg.retry } : {}),
    now: () => cfg.clock.now().getTime(),
  });
  const teams = new TeamChannelsRepository(repos.ctx);
  const botPorts = {
    ...sharePointBotPorts({
      repos,
      conversations,
      mailboxes,
      now: () => cfg.clock.now().getTime(),
    }),
    saveTeam: async (event: Parameters<TeamPorts['saveTeam']>[0]) => {
      await teams.upsertTeam(event);
    },
  };
  return {
    repos,
    conversations,
    mailboxes,
    teams,
    botPorts,
    scheduler(opts) {
      const delivery = new Delivery({
        connector: opts.connector,
        conversations,
        people: repos.ctx.people,
        probe: opts.probe,
        tenantId: cfg.tenantId,
        clock: cfg.clock,
        ...(cfg.teamsCatalogAppId
          ? { installations: new TeamsInstallations(cfg.graph, cfg.teamsCatalogAppId) }
          : {}),
        ...(cfg.senderMailbox ? { mailer: new Mailer(cfg.graph, cfg.senderMailbox) } : {}),
        ...(opts.deliveryRetry ? { retry: opts.deliveryRetry } : {}),
      });
      const scheduler = createScheduler({
        repos,
        conversations,
        delivery,
        mailboxes,
        clock: cfg.clock,
        links: cfg.links,
        instanceId: opts.instanceId,
        tenantId: cfg.tenantId,
        ...(opts.leaseTtlMs ? { leaseTtlMs: opts.leaseTtlMs } : {}),
        ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
        ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
        ...(opts.logger ? { logger: opts.logger } : {}),
        announcements: createAnnouncements({
          repos,
          teams,
          connector: opts.connector,
          probe: opts.channelProbe ?? graphChannelProbe(cfg.graph),
          clock: cfg.clock,
          links: cfg.links,
          instanceId: opts.instanceId,
          ...(opts.leaseTtlMs ? { leaseTtlMs: opts.leaseTtlMs } : {}),
          ...(opts.logger ? { logger: opts.logger } : {}),
        }),
      });
      return { scheduler, delivery };
    },
  };
}

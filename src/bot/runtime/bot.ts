/**
 * Stagemap's bot on the Microsoft Teams SDK (`@microsoft/teams.apps`). A factory, no side effects: the server
 * mounts it on its HTTP adapter, the worker uses only its proactive side (`connector`).
 */
import type { Activity, CloudEnvironment } from '@microsoft/teams.api';
import { App, type AppOptions, type IHttpServerAdapter } from '@microsoft/teams.apps';
import { ConsoleLogger } from '@microsoft/teams.common';
import type { Clock } from '../../domain/clock';
import type { CardLinks } from '../cards/links';
import type { AdaptiveCard } from '../cards/schema';
import { handleCardAction } from './card-actions';
import type { BotLogger, BotPorts } from './ports';
import { silentBotLogger } from './ports';
import { RUNTIME_TEXTS } from './texts';

export interface BotConfig {
  clientId: string;
  /** Production: the bot's secret (MSAL). Locally the emulator needs `token` instead (docs/emulator-bot.md). */
  clientSecret?: string;
  token?: AppOptions<never>['token'];
  tenantId?: string;
  cloud?: CloudEnvironment;
  serviceUrl?: string;
  httpServerAdapter?: IHttpServerAdapter;
  messagingEndpoint?: `/${string}`;
  /** `saveTeam` is optional: without it the bot ignores team installations (no channel posts). */
  ports: BotPorts & Partial<TeamPorts>;
  links: CardLinks;
  logger?: BotLogger;
  clock?: Clock;
  /**
   * Accept activities without a Bot Framework token: only for the local Agents Playground (scripts/playground.ts,
   * which refuses to run in production). Always passed to the SDK, which otherwise obeys the environment variable
   * DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS: anyone could then post activities as any user.
   */
  allowUnauthenticated?: boolean;
}

/** A failed Bot Connector call: HTTP status, the connector's error code and Retry-After (seconds). */
export class ConnectorError extends Error {
  constructor(
    readonly status: number | undefined,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

/** The proactive side of the bot, as the scheduler's delivery uses it. */
export interface ProactiveConnector {
  readonly botId: string;
  /** Creates (or finds: ids are stable) the 1:1 conversation with a user who has the app installed. */
  createConversation(
    userOid: string,
    tenantId: string,
  ): Promise<{ conversationId: string; serviceUrl: string }>;
  /** Sends a card; `marker` is embedded so a send can be found again after a crash (docs/scheduler.md). */
  sendCard(conversationId: string, card: AdaptiveCard, marker: string): Promise<{ activityId: string }>;
}

export const MARKER_PROPERTY = 'stagemapDelivery';

/** A team the app was added to or removed from, as Teams describes it to the bot. */
export interface TeamInstallEvent {
  teamId: string;
  teamName?: string;
  aadGroupId?: string;
  /** The channel the installer picked for the app's posts (`channelData.settings.selectedChannel`). */
  channelId?: string;
  channelName?: string;
  serviceUrl: string;
  tenantId: string;
  installed: boolean;
}

/** Where the bot keeps team references (the channel announcement posts there, src/jobs/announcements.ts). */
export interface TeamPorts {
  saveTeam(event: TeamInstallEvent): Promise<void>;
}

/** The SDK's HTTP client is axios: turn its errors into ConnectorError. */
function connectorError(e: unknown): ConnectorError {
  const r = (e as { response?: { status?: number; headers?: Record<string, unknown>; data?: unknown } })
    .response;
  if (!r) return new ConnectorError(undefined, 'NetworkError', e instanceof Error ? e.message : String(e));
  const data = r.data as { error?: { code?: string; message?: string }; message?: string } | undefined;
  const ra = r.headers?.['retry-after'];
  const seconds = typeof ra === 'string' && /^\d+$/.test(ra.trim()) ? Number(ra) : undefined;
  return new ConnectorError(
    r.status,
    data?.error?.code,
    data?.error?.message ?? data?.message ?? `connector answered ${r.status}`,
    seconds,
  );
}

export interface StagemapBot {
  app: App;
  connector: ProactiveConnector;
  /** Registers the messaging route on the adapter (App.initialize); the server listens itself. */
  initialize(): Promise<void>;
}

type AnyActivity = Activity & {
  from?: { aadObjectId?: string };
  conversation?: { id: string; tenantId?: string };
  channelData?: {
    tenant?: { id?: string };
    team?: { id?: string; name?: string; aadGroupId?: string };
    eventType?: string;
    settings?: { selectedChannel?: { id?: string; name?: string } };
  };
  action?: string;
  locale?: string;
  membersAdded?: { id: string }[];
  membersRemoved?: { id: string }[];
};

export function createBot(config: BotConfig): StagemapBot {
  const log = config.logger ?? silentBotLogger;
  const now = () => (config.clock ? config.clock.now() : new Date());
  const app = new App({
    clientId: config.clientId,
    ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
    ...(config.token ? { token: config.token } : {}),
    ...(config.tenantId ? { tenantId: config.tenantId } : {}),
    ...(config.cloud ? { cloud: config.cloud } : {}),
    ...(config.serviceUrl ? { serviceUrl: config.serviceUrl } : {}),
    ...(config.httpServerAdapter ? { httpServerAdapter: config.httpServerAdapter } : {}),
    ...(config.messagingEndpoint ? { messagingEndpoint: config.messagingEndpoint } : {}),
    dangerouslyAllowUnauthenticatedRequests: config.allowUnauthenticated === true,
    logger: new ConsoleLogger('stagemap-bot', { level: 'error' }),
  });

  const tenantOf = (a: AnyActivity): string =>
    a.conversation?.tenantId ?? a.channelData?.tenant?.id ?? config.tenantId ?? '';

  // Conversation references: every installation and every roster change that adds the bot stores (or refreshes)
  // the reference; an uninstall marks it so the scheduler installs again (or mails) instead of failing.
  app.use(async ({ activity, next }) => {
    const a = activity as AnyActivity;
    const oid = a.from?.aadObjectId;
    const botAdded =
      a.type === 'conversationUpdate' && (a.membersAdded ?? []).some((m) => m.id === a.recipient?.id);
    const botRemoved =
      a.type === 'conversationUpdate' && (a.membersRemoved ?? []).some((m) => m.id === a.recipient?.id);
    const team = a.channelData?.team;
    // In a team the conversation is a channel, not the installer's chat: the reference is the team's, and the
    // user's own 1:1 reference must not be overwritten with a channel id.
    if (team?.id) {
      const renamed = a.type === 'conversationUpdate' && a.channelData?.eventType === 'teamRenamed';
      if (a.type === 'installationUpdate' || botAdded || botRemoved || renamed) {
        const installed =
          a.type === 'installationUpdate' ? a.action !== 'remove' : renamed ? true : !botRemoved;
        const selected = a.channelData?.settings?.selectedChannel;
        try {
          await config.ports.saveTeam?.({
            teamId: team.id,
            ...(team.name ? { teamName: team.name } : {}),
            ...(team.aadGroupId ? { aadGroupId: team.aadGroupId } : {}),
            ...(selected?.id ? { channelId: selected.id } : {}),
            ...(selected?.id && selected.name ? { channelName: selected.name } : {}),
            serviceUrl: a.serviceUrl ?? config.serviceUrl ?? '',
            tenantId: tenantOf(a),
            installed,
          });
        } catch (e) {
          log.error('could not store the team reference', { team: team.id, error: String(e) });
        }
      }
      return next();
    }
    if (oid && a.conversation?.id && (a.type === 'installationUpdate' || botAdded || botRemoved)) {
      const installed = a.type === 'installationUpdate' ? a.action !== 'remove' : !botRemoved;
      try {
        await config.ports.saveConversation({
          userOid: oid,
          conversationId: a.conversation.id,
          serviceUrl: a.serviceUrl ?? config.serviceUrl ?? '',
          tenantId: tenantOf(a),
          installed,
        });
      } catch (e) {
        log.error('could not store the conversation reference', { oid, error: String(e) });
      }
    }
    return next();
  });

  app.on('message', async ({ activity, send }) => {
    const a = activity as AnyActivity;
    const locale = await config.ports.locale(a.from?.aadObjectId ?? '', a.locale);
    await send(RUNTIME_TEXTS.help[locale]);
  });

  app.on('card.action', async ({ activity }) => {
    const a = activity as AnyActivity & { value?: { action?: { verb?: string; data?: unknown } } };
    const res = await handleCardAction(
      config.ports,
      config.links,
      {
        verb: a.value?.action?.verb ?? '',
        data: a.value?.action?.data,
        actorOid: a.from?.aadObjectId ?? '',
        ...(a.locale ? { localeHint: a.locale } : {}),
        now: now(),
      },
      log,
    );
    // Our cards are plain Adaptive Card JSON; the SDK's card types are stricter than the wire format.
    return res as never;
  });

  const connector: ProactiveConnector = {
    botId: config.clientId,
    async createConversation(userOid, tenantId) {
      try {
        const res = await app.api.conversations.create({
          members: [{ id: userOid, aadObjectId: userOid, role: 'user', name: '' }] as never,
          tenantId,
          channelData: { tenant: { id: tenantId } },
        } as never);
        return { conversationId: (res as { id: string }).id, serviceUrl: app.api.serviceUrl };
      } catch (e) {
        throw connectorError(e);
      }
    },
    async sendCard(conversationId, card, marker) {
      try {
        const sent = await app.send(conversationId, {
          type: 'message',
          attachments: [
            {
              contentType: 'application/vnd.microsoft.card.adaptive',
              content: { ...card, [MARKER_PROPERTY]: marker },
            },
          ],
        } as never);
        return { activityId: sent.id };
      } catch (e) {
        throw connectorError(e);
      }
    },
  };

  return { app, connector, initialize: () => app.initialize() };
}

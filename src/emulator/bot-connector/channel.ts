import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import type { DirectoryUser } from '../identity/directory-store';
import type { SigningKey } from '../identity/keys';
import { botChannelId, personalConversationId, teamsUserId, type CatalogApp, type TeamRecord } from './store';

/** Teams gives a bot this long to answer an invoke before it shows the user an error. */
const INVOKE_TIMEOUT_MS = 15_000;

export interface BotReply {
  status: number;
  body: unknown;
}

/** What the emulated Teams needs to talk to the bot as the Bot Framework channel does. */
export interface ChannelOptions {
  ctx: EmulatorContext;
  key: () => SigningKey;
  app: () => CatalogApp;
  endpoint: () => string | undefined;
}

/** Issuer of the tokens the emulated channel signs on activities (the `tokenIssuer` of `localBotCloud`). */
export const channelIssuer = (baseUrl: string): string => `${baseUrl}/botframework`;

/**
 * Signs a token like the Bot Framework's on activities it sends to a bot: audience the bot's app id, issuer the
 * channel, and the `serviceurl` claim the SDK compares with the activity's serviceUrl. Lifetimes use the real clock,
 * not the emulator's: the bot checks them against its own clock, and a tester may have moved the emulator's by weeks.
 */
export async function signChannelToken(
  key: SigningKey,
  claims: { baseUrl: string; botAppId: string; lifetimeSeconds?: number },
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ serviceurl: claims.baseUrl })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(channelIssuer(claims.baseUrl))
    .setAudience(claims.botAppId)
    .setIssuedAt(now)
    .setNotBefore(now - 5)
    .setExpirationTime(now + (claims.lifetimeSeconds ?? 3600))
    .sign(key.privateKey);
}

/** The user as a channel account, as Teams puts it in `from` of what the user sends. */
export function userAccount(user: DirectoryUser, app: CatalogApp) {
  return { id: teamsUserId(user.id, app.botAppId), aadObjectId: user.id, name: user.displayName };
}

export function botAccount(app: CatalogApp) {
  return { id: botChannelId(app.botAppId), name: app.botName };
}

export function createChannel(o: ChannelOptions) {
  const { ctx } = o;

  /** The envelope every activity from Teams to a bot has in a personal chat. */
  const envelope = (user: DirectoryUser, locale: string) => {
    const app = o.app();
    const now = ctx.now();
    return {
      id: `f:${randomUUID()}`,
      timestamp: now.toISOString(),
      localTimestamp: now.toISOString(),
      serviceUrl: ctx.baseUrl(),
      channelId: 'msteams',
      from: userAccount(user, app),
      recipient: botAccount(app),
      conversation: {
        id: personalConversationId(user.id, app.botAppId),
        conversationType: 'personal',
        tenantId: ctx.config.tenantId,
      },
      channelData: { tenant: { id: ctx.config.tenantId } },
      entities: [{ type: 'clientInfo', locale, country: 'BE', platform: 'Web', timezone: 'Europe/Brussels' }],
      locale,
    };
  };

  /** POSTs an activity to the bot's endpoint with a channel token; undefined when no endpoint is configured. */
  const post = async (
    activity: Record<string, unknown>,
    timeoutMs = INVOKE_TIMEOUT_MS,
  ): Promise<BotReply | undefined> => {
    const endpoint = o.endpoint();
    if (!endpoint) return undefined;
    const app = o.app();
    const token = await signChannelToken(o.key(), { baseUrl: ctx.baseUrl(), botAppId: app.botAppId });
    const conversation = activity.conversation as { id?: string } | undefined;
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=utf-8',
        // Teams adds these two so that bots can route without parsing the body.
        'x-ms-conversation-id': conversation?.id ?? '',
        'x-ms-tenant-id': ctx.config.tenantId,
      },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* a non-JSON answer is kept as text */
    }
    return { status: res.status, body };
  };

  /**
   * A team event as Teams sends it: the conversation is the team's General channel (`conversationType: channel`),
   * `channelData` names the team (id = General's thread id, name, aadGroupId), the channel and, after an
   * installation where the user picked a channel, `settings.selectedChannel`.
   */
  const teamEnvelope = (team: TeamRecord, user: DirectoryUser, locale: string) => {
    const e = envelope(user, locale);
    const selected = team.channels.find((c) => c.id === team.selectedChannel);
    return {
      ...e,
      conversation: {
        id: team.id,
        conversationType: 'channel',
        isGroup: true,
        tenantId: ctx.config.tenantId,
      },
      channelData: {
        tenant: { id: ctx.config.tenantId },
        team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
        channel: { id: team.id },
        ...(selected ? { settings: { selectedChannel: { id: selected.id, name: selected.name } } } : {}),
      },
    };
  };

  return {
    envelope,
    post,
    /** Adding the app to a team: `installationUpdate` then the bot joining (`teamMemberAdded`). */
    teamInstallationUpdate(team: TeamRecord, user: DirectoryUser, locale: string, action: 'add' | 'remove') {
      const e = teamEnvelope(team, user, locale);
      return {
        ...e,
        type: 'installationUpdate',
        action,
        channelData: { ...e.channelData, source: { name: 'message' } },
      };
    },
    teamConversationUpdate(team: TeamRecord, user: DirectoryUser, locale: string, added: boolean) {
      const e = teamEnvelope(team, user, locale);
      return {
        ...e,
        type: 'conversationUpdate',
        ...(added ? { membersAdded: [botAccount(o.app())] } : { membersRemoved: [botAccount(o.app())] }),
        channelData: { ...e.channelData, eventType: added ? 'teamMemberAdded' : 'teamMemberRemoved' },
      };
    },
    /** What Teams sends when the app is added to (`add`) or removed from (`remove`) a user's personal scope. */
    installationUpdate(user: DirectoryUser, locale: string, action: 'add' | 'remove') {
      const e = envelope(user, locale);
      return {
        ...e,
        type: 'installationUpdate',
        action,
        channelData: { ...e.channelData, source: { name: 'message' } },
      };
    },
    /** Teams follows an installation in personal scope with the bot joining the conversation. */
    conversationUpdate(user: DirectoryUser, locale: string) {
      const e = envelope(user, locale);
      return { ...e, type: 'conversationUpdate', membersAdded: [botAccount(o.app())] };
    },
    message(user: DirectoryUser, locale: string, text: string) {
      const e = envelope(user, locale);
      return { ...e, id: `${Date.now()}`, type: 'message', text, textFormat: 'plain' };
    },
    /** An Universal Actions invoke (`adaptiveCard/action`), as Teams sends it for Action.Execute and refresh. */
    cardAction(
      user: DirectoryUser,
      locale: string,
      a: {
        replyToId: string;
        verb: string;
        data: unknown;
        trigger: 'manual' | 'automatic';
        actionId?: string;
      },
    ) {
      const e = envelope(user, locale);
      return {
        ...e,
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: a.replyToId,
        channelData: { ...e.channelData, source: { name: 'message' }, legacy: { replyToId: a.replyToId } },
        value: {
          action: {
            type: 'Action.Execute',
            ...(a.actionId ? { id: a.actionId } : {}),
            verb: a.verb,
            data: a.data ?? {},
          },
          trigger: a.trigger,
        },
      };
    },
  };
}

export type Channel = ReturnType<typeof createChannel>;

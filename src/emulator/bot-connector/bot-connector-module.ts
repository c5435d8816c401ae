import { decodeJwt } from 'jose';
import { lifecycle } from '../admin/lifecycle';
import type { EmulatorContext } from '../context';
import { granted, type Needed } from '../directory/permissions';
import { GraphError } from '../http/errors';
import type { EmuRequest, EmuResponse } from '../http/types';
import { BOT_FRAMEWORK_AUDIENCE } from '../identity/bot-framework';
import { getApp, getUser, listUsers, type DirectoryUser } from '../identity/directory-store';
import { identityPort } from '../identity/identity-module';
import { loadOrCreateSigningKey, type SigningKey } from '../identity/keys';
import { verifyBearer } from '../identity/tokens';
import type { MailPort } from '../mail/mail-module';
import type { ThrottlingPort } from '../throttling/throttling-module';
import { botAccount, channelIssuer, createChannel, userAccount, type BotReply } from './channel';
import { localBotCloud } from './local-bot-cloud';
import {
  channelById,
  createTeam,
  ensureBotTables,
  getActivity,
  getTeam,
  listTeams,
  setTeamInstallation,
  type TeamRecord,
  getCatalogApp,
  getInstallationState,
  graphChatId,
  insertActivity,
  installationId,
  installedAt,
  INSTALLATION_STATES,
  listActivities,
  markDeleted,
  nextActivityId,
  personalConversationId,
  replaceActivity,
  setCatalogApp,
  setInstallationState,
  teamsUserId,
  clearActivities,
  type CatalogApp,
  type InstallationState,
} from './store';

/** Teams refuses bot messages above roughly 28 KB ("Format your bot messages": message size limits). */
const MAX_MESSAGE_BYTES = 28 * 1024;
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** Published for the local Teams page (teams-ui), which renders the same chats and sends the same actions. */
export interface BotConnectorPort {
  settings(): { endpoint: string | null; stagemapUrl: string | null };
  catalogApp(): CatalogApp;
  installationState(userId: string): InstallationState;
  teams(): TeamRecord[];
}
export const botConnectorPort = (ctx: EmulatorContext): BotConnectorPort =>
  ctx.ports.botConnector as BotConnectorPort;

/** The Bot Connector's error body (not Graph's: no innerError). */
const connectorError = (status: number, code: string, message: string, headers?: Record<string, string>) =>
  ({ status, ...(headers ? { headers } : {}), body: { error: { code, message } } }) satisfies EmuResponse;
/** What the Bot Connector (an ASP.NET service) answers when the bearer token is missing or not valid. */
const DENIED: EmuResponse = {
  status: 401,
  body: { message: 'Authorization has been denied for this request.' },
};

const INSTALL_READ: Needed = {
  app: [
    'TeamsAppInstallation.ReadForUser.All',
    'TeamsAppInstallation.ReadWriteForUser.All',
    'TeamsAppInstallation.ReadWriteSelfForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentForUser.All',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All',
    'TeamsAppInstallation.ReadWriteSelectedForUser.All',
    'TeamsAppInstallation.ManageSelectedForUser.All',
  ],
  delegated: [
    'TeamsAppInstallation.ReadForUser',
    'TeamsAppInstallation.ReadWriteForUser',
    'TeamsAppInstallation.ReadWriteSelfForUser',
    'TeamsAppInstallation.ReadWriteAndConsentForUser',
    'TeamsAppInstallation.ReadWriteAndConsentSelfForUser',
  ],
};
const INSTALL_WRITE: Needed = {
  app: INSTALL_READ.app!.filter((r) => r !== 'TeamsAppInstallation.ReadForUser.All'),
  delegated: INSTALL_READ.delegated!.filter((r) => r !== 'TeamsAppInstallation.ReadForUser'),
};
/** "List teamsApp": the TeamsAppInstallation permissions do not cover the catalog. */
const CATALOG_READ: Needed = {
  app: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  delegated: [
    'AppCatalog.Submit',
    'AppCatalog.Read.All',
    'AppCatalog.ReadWrite.All',
    'Directory.Read.All',
    'Directory.ReadWrite.All',
  ],
};

/** Teams' Graph APIs name the roles they wanted and the ones the token had. */
function requirePermission(req: EmuRequest, need: Needed): void {
  if (granted(req.principal, need)) return;
  const wanted = (req.principal.kind === 'app' ? need.app : need.delegated) ?? [];
  const had = req.principal.kind === 'app' ? req.principal.roles : req.principal.scopes;
  throw new GraphError(
    403,
    'Forbidden',
    `Missing ${req.principal.kind === 'app' ? 'role' : 'scope'} permissions on the request. API requires one of '${wanted.join(', ')}'. ${req.principal.kind === 'app' ? 'Roles' : 'Scopes'} on the request '${had.join(', ')}'.`,
  );
}

function parseJson(req: EmuRequest): unknown {
  if (req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.toString('utf8')) as unknown;
  } catch {
    return Symbol.for('invalid');
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const invalid = (message: string) => new GraphError(400, 'invalidRequest', message);
const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

interface Delivery {
  time: string;
  type: string;
  userId: string;
  status: number | 'failed' | 'noEndpoint';
  error?: string;
}

/** Outcome of a user's card action, as the local Teams page shows it. */
export interface InvokeOutcome {
  outcome: 'card' | 'message' | 'error' | 'none';
  httpStatus: number;
  invokeResponse: unknown;
  card?: unknown;
  message?: string;
  activity?: unknown;
}

/**
 * The emulated Teams side of a bot: the Bot Connector under the emulator's service URL (`/v3/conversations…`), the
 * Bot Framework channel that signs and delivers activities to the bot's endpoint (with its OpenID metadata and JWKS
 * under `/botframework/v1/.well-known/…`), Teams app installation through Graph, and the admin API the local Teams
 * page and tests use. docs/emulator-bot.md describes every route and the service behaviours copied.
 */
export function botConnectorModule(ctx: EmulatorContext): void {
  const { db } = ctx;
  ensureBotTables(db);
  let endpoint = ctx.config.botEndpoint;
  let stagemapUrl = ctx.config.stagemapUrl;
  const byDefault = ctx.config.teamsAppInstalledByDefault ?? true;
  let channelKey: SigningKey | undefined;
  const deliveries: Delivery[] = [];

  // The channel's own key (Bot Framework keys are not the tenant's); loaded once every module is registered.
  lifecycle(ctx).afterStart.push(async () => {
    channelKey = await loadOrCreateSigningKey(db, 'botframework.channelKey');
  });
  const key = (): SigningKey => {
    if (!channelKey) throw new Error('The Bot Framework channel key is not loaded yet.');
    return channelKey;
  };
  const app = () => getCatalogApp(db);
  const stateOf = (oid: string) => getInstallationState(db, oid, byDefault);
  const localeOf = (user: DirectoryUser): string =>
    (ctx.ports.mail as MailPort | undefined)?.mailboxSettings(user.id)?.language.locale ??
    user.preferredLanguage ??
    'en-GB';
  const channel = createChannel({ ctx, key, app, endpoint: () => endpoint });

  ctx.ports.botConnector = {
    settings: () => ({ endpoint: endpoint ?? null, stagemapUrl: stagemapUrl ?? null }),
    catalogApp: app,
    installationState: stateOf,
    teams: () => listTeams(db),
  } satisfies BotConnectorPort;

  const record = (d: Delivery) => {
    deliveries.push(d);
    if (deliveries.length > 50) deliveries.shift();
  };

  /** Sends an activity to the bot and logs it; never throws (Teams does not tell the user about failed events). */
  const deliver = async (
    activity: Record<string, unknown>,
    user: DirectoryUser,
  ): Promise<BotReply | undefined> => {
    const base = { time: ctx.now().toISOString(), type: String(activity.type), userId: user.id };
    try {
      const reply = await channel.post(activity);
      record({ ...base, status: reply ? reply.status : 'noEndpoint' });
      return reply;
    } catch (e) {
      record({ ...base, status: 'failed', error: (e as Error).message });
      return undefined;
    }
  };

  /** Installing in personal scope: Teams tells the bot with installationUpdate, then conversationUpdate. */
  const install = (user: DirectoryUser) => {
    setInstallationState(db, user.id, 'installed', ctx.now().toISOString());
    const locale = localeOf(user);
    void (async () => {
      await deliver(channel.installationUpdate(user, locale, 'add'), user);
      await deliver(channel.conversationUpdate(user, locale), user);
    })();
  };
  const uninstall = (user: DirectoryUser, state: InstallationState) => {
    setInstallationState(db, user.id, state, ctx.now().toISOString());
    void deliver(channel.installationUpdate(user, localeOf(user), 'remove'), user);
  };

  /**
   * Adding the app to a team (by `user`, who may pick the channel for its posts): Teams sends installationUpdate
   * and conversationUpdate `teamMemberAdded`; removing it, the same with `remove`/`teamMemberRemoved`. Awaited
   * here (unlike personal installs) so that the admin call returns once the bot has stored the team.
   */
  const installTeam = async (team: TeamRecord, user: DirectoryUser, selected: string | null) => {
    setTeamInstallation(db, team.id, true, ctx.now().toISOString(), selected);
    const now = getTeam(db, team.id)!;
    await deliver(channel.teamInstallationUpdate(now, user, localeOf(user), 'add'), user);
    await deliver(channel.teamConversationUpdate(now, user, localeOf(user), true), user);
  };
  const uninstallTeam = async (team: TeamRecord, user: DirectoryUser) => {
    setTeamInstallation(db, team.id, false, ctx.now().toISOString(), null);
    const now = getTeam(db, team.id)!;
    await deliver(channel.teamInstallationUpdate(now, user, localeOf(user), 'remove'), user);
    await deliver(channel.teamConversationUpdate(now, user, localeOf(user), false), user);
  };

  // -------------------------------------------------------------------------------------------------------------
  // The Bot Framework channel's OpenID metadata and keys: what the SDK validates incoming activities against.

  ctx.root.get('/botframework/v1/.well-known/openidconfiguration', () => ({
    status: 200,
    body: {
      issuer: channelIssuer(ctx.baseUrl()),
      authorization_endpoint: `${ctx.baseUrl()}/botframework/v1/authorize`,
      jwks_uri: `${ctx.baseUrl()}/botframework/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    },
  }));
  ctx.root.get('/botframework/v1/.well-known/keys', () => ({
    status: 200,
    // The real document lists `endorsements` (channels a key may sign for); the SDK does not check them.
    body: { keys: [{ ...key().publicJwk, endorsements: ['msteams'] }] },
  }));

  // -------------------------------------------------------------------------------------------------------------
  // Bot Connector (`serviceUrl` = the emulator's base URL).

  /** Bearer check as the connector does it: a Bot Framework token (aud api.botframework.com) of a registered bot. */
  const authenticate = async (req: EmuRequest): Promise<EmuResponse | undefined> => {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return DENIED;
    let iss: unknown;
    try {
      iss = decodeJwt(token).iss;
    } catch {
      return DENIED;
    }
    const identity = identityPort(ctx);
    // Multi-tenant bots get their token from botframework.com, single-tenant bots from their own tenant.
    const issuer = [identity.botFrameworkIssuer, identity.issuer].find((i) => i.issuer === iss);
    if (!issuer) return DENIED;
    let appId: string;
    try {
      appId = (await verifyBearer(issuer, req.headers.authorization, BOT_FRAMEWORK_AUDIENCE)).appId;
    } catch {
      return DENIED;
    }
    if (appId !== app().botAppId || !getApp(db, appId))
      return connectorError(401, 'BotNotRegistered', 'No registration found for this bot.');
    return undefined;
  };

  /**
   * Fault injection reuses the throttling module's rules (`PUT /_emulator/faults`), matched on the connector path
   * (e.g. `"path": "^/v3/"`): an injected 429/503 gets the connector's error body instead of Graph's.
   */
  const withFaults = async (req: EmuRequest, run: () => Promise<EmuResponse>): Promise<EmuResponse> => {
    const faults = (ctx.ports.throttling as ThrottlingPort | undefined)?.faults;
    if (!faults) return run();
    let ran = false;
    const res = await faults.middleware(req, () => {
      ran = true;
      return run();
    });
    if (ran || res.reset) return res;
    const retryAfter = res.headers?.['Retry-After'];
    const headers = retryAfter ? { 'Retry-After': retryAfter } : undefined;
    if (res.status === 429) return connectorError(429, 'Throttled', 'Too many requests.', headers);
    if (res.status === 503)
      return connectorError(503, 'ServiceUnavailable', 'Service is unavailable.', headers);
    return res;
  };

  const connector =
    (handler: (req: EmuRequest, p: Record<string, string>) => EmuResponse | Promise<EmuResponse>) =>
    async (req: EmuRequest, p: Record<string, string>): Promise<EmuResponse> => {
      const denied = await authenticate(req);
      if (denied) return denied;
      return withFaults(req, async () => handler(req, p));
    };

  const userByMember = (member: Record<string, unknown>): DirectoryUser | undefined => {
    const id = typeof member.id === 'string' ? member.id : '';
    const aad = typeof member.aadObjectId === 'string' ? member.aadObjectId : '';
    if (id.startsWith('29:')) return listUsers(db).find((u) => teamsUserId(u.id, app().botAppId) === id);
    return getUser(db, aad || id);
  };

  const userByConversation = (conversationId: string): DirectoryUser | undefined => {
    const a = app();
    const chat = /^19:([0-9a-f-]{36})_([0-9a-f-]{36})@unq\.gbl\.spaces$/i.exec(conversationId);
    if (chat) return chat[2]!.toLowerCase() === a.botAppId.toLowerCase() ? getUser(db, chat[1]!) : undefined;
    return listUsers(db).find((u) => personalConversationId(u.id, a.botAppId) === conversationId);
  };

  /** Why the bot may not post to this user now, as the connector says it, or undefined when it may. */
  const refusal = (user: DirectoryUser, creating: boolean): EmuResponse | undefined => {
    const state = stateOf(user.id);
    if (state === 'blocked')
      return connectorError(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.');
    if (state === 'notInstalled' || state === 'blockedByPolicy')
      return creating
        ? connectorError(403, 'ForbiddenOperationException', "Bot is not installed in user's personal scope")
        : connectorError(
            403,
            'BotNotInConversationRoster',
            'The bot is not part of the conversation roster.',
          );
    return undefined;
  };

  /** Stores a message from the bot as the user's client would show it. */
  const storeBotMessage = (user: DirectoryUser, activity: Record<string, unknown>): string => {
    const a = app();
    const now = ctx.now();
    const id = nextActivityId(db, now.getTime());
    insertActivity(
      db,
      id,
      user.id,
      {
        ...activity,
        id,
        type: 'message',
        timestamp: now.toISOString(),
        channelId: 'msteams',
        serviceUrl: ctx.baseUrl(),
        from: botAccount(a),
        recipient: userAccount(user, a),
        conversation: {
          id: personalConversationId(user.id, a.botAppId),
          conversationType: 'personal',
          tenantId: ctx.config.tenantId,
        },
      },
      now.toISOString(),
    );
    return id;
  };

  /** Checks an activity the bot sends: JSON object, a known type, within Teams' size limit. */
  const activityBody = (
    req: EmuRequest,
  ): { activity: Record<string, unknown> } | { refused: EmuResponse } => {
    const body = parseJson(req);
    if (!isObject(body))
      return { refused: connectorError(400, 'BadArgument', 'The request body is not a valid activity.') };
    if (req.body.length > MAX_MESSAGE_BYTES)
      return { refused: connectorError(413, 'MessageSizeTooBig', 'Message size too large.') };
    if (typeof body.type !== 'string')
      return { refused: connectorError(400, 'BadArgument', 'Activity type cannot be null or empty.') };
    return { activity: body };
  };

  /** `19:…@thread.tacv2` (a new post in the channel) or `…;messageid=<root>` (a reply in that thread). */
  const channelConversation = (conversationId: string) => {
    const m = /^(19:[^;]+@thread\.(?:tacv2|skype))(?:;messageid=(\d+))?$/i.exec(conversationId);
    if (!m) return undefined;
    const found = channelById(db, m[1]!);
    return found ? { ...found, rootId: m[2] } : undefined;
  };

  /** The bot may post only in teams the app is installed in (Teams: "not part of the conversation roster"). */
  const channelRefusal = (team: TeamRecord): EmuResponse | undefined =>
    team.installed
      ? undefined
      : connectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');

  /** Stores a post (or a reply) of the bot in a channel, as the Teams client shows it. */
  const storeChannelMessage = (
    team: TeamRecord,
    ch: { id: string; name: string },
    activity: Record<string, unknown>,
    rootId?: string,
  ): { id: string; conversationId: string } => {
    const now = ctx.now();
    const id = nextActivityId(db, now.getTime());
    const conversationId = `${ch.id};messageid=${rootId ?? id}`;
    insertActivity(
      db,
      id,
      ch.id,
      {
        ...activity,
        id,
        type: 'message',
        timestamp: now.toISOString(),
        channelId: 'msteams',
        serviceUrl: ctx.baseUrl(),
        from: botAccount(app()),
        conversation: {
          id: conversationId,
          conversationType: 'channel',
          isGroup: true,
          tenantId: ctx.config.tenantId,
        },
        channelData: {
          tenant: { id: ctx.config.tenantId },
          team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
          channel: { id: ch.id, name: ch.name },
        },
        ...(rootId ? { replyToId: rootId } : {}),
      },
      now.toISOString(),
    );
    return { id, conversationId };
  };

  ctx.root.post(
    '/v3/conversations',
    connector((req) => {
      const body = parseJson(req);
      if (!isObject(body)) return connectorError(400, 'BadArgument', 'The request body is not valid JSON.');
      const groupChannel =
        isObject(body.channelData) && isObject(body.channelData.channel)
          ? body.channelData.channel
          : undefined;
      // A new thread in a team's channel: `isGroup` with `channelData.channel.id` and the first message.
      if (body.isGroup === true && groupChannel) {
        const found = typeof groupChannel.id === 'string' ? channelById(db, groupChannel.id) : undefined;
        if (!found) return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
        const refused = channelRefusal(found.team);
        if (refused) return refused;
        if (!isObject(body.activity))
          return connectorError(400, 'BadArgument', 'A channel conversation needs its first activity.');
        if (Buffer.byteLength(JSON.stringify(body.activity)) > MAX_MESSAGE_BYTES)
          return connectorError(413, 'MessageSizeTooBig', 'Message size too large.');
        const { id: _ignored, ...first } = body.activity;
        const stored = storeChannelMessage(found.team, found.channel, first);
        return { status: 201, body: { id: stored.conversationId, activityId: stored.id } };
      }
      const members = Array.isArray(body.members) ? body.members : [];
      if (body.isGroup === true || members.length !== 1 || !isObject(members[0]))
        return connectorError(
          400,
          'BadArgument',
          'Only one-on-one conversations with exactly one member can be created by a bot.',
        );
      const channelData = isObject(body.channelData) ? body.channelData : {};
      const tenant =
        (typeof body.tenantId === 'string' && body.tenantId) ||
        (isObject(channelData.tenant) && typeof channelData.tenant.id === 'string'
          ? channelData.tenant.id
          : '');
      if (!tenant)
        return connectorError(400, 'BadArgument', 'Tenant id is required to create a conversation.');
      if (tenant.toLowerCase() !== ctx.config.tenantId.toLowerCase())
        return connectorError(
          403,
          'NotEnoughPermissions',
          'The bot cannot create conversations in this tenant.',
        );
      const user = userByMember(members[0]);
      if (!user) return connectorError(400, 'BadArgument', 'Failed to decrypt pairwise id');
      const refused = refusal(user, true);
      if (refused) return refused;
      const id = personalConversationId(user.id, app().botAppId);
      if (isObject(body.activity)) {
        const activityId = storeBotMessage(user, body.activity);
        return { status: 201, body: { id, activityId } };
      }
      return { status: 201, body: { id } };
    }),
  );

  ctx.root.post(
    '/v3/conversations/{conversationId}/activities',
    connector((req, p) => {
      const inChannel = channelConversation(p.conversationId!);
      if (inChannel) {
        const refused = channelRefusal(inChannel.team);
        if (refused) return refused;
        const checked = activityBody(req);
        if ('refused' in checked) return checked.refused;
        if (checked.activity.type === 'typing') return { status: 201, body: {} };
        if (checked.activity.type !== 'message')
          return connectorError(
            400,
            'BadArgument',
            `Activity type '${String(checked.activity.type)}' cannot be sent to a channel.`,
          );
        const { id: _ignored, ...rest } = checked.activity;
        return {
          status: 201,
          body: { id: storeChannelMessage(inChannel.team, inChannel.channel, rest, inChannel.rootId).id },
        };
      }
      const user = userByConversation(p.conversationId!);
      if (!user) return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
      const refused = refusal(user, false);
      if (refused) return refused;
      const checked = activityBody(req);
      if ('refused' in checked) return checked.refused;
      const { activity } = checked;
      // Typing indicators are shown, not kept.
      if (activity.type === 'typing') return { status: 201, body: {} };
      if (activity.type !== 'message')
        return connectorError(
          400,
          'BadArgument',
          `Activity type '${String(activity.type)}' cannot be sent to a personal chat.`,
        );
      const { id: _ignored, ...rest } = activity;
      return { status: 201, body: { id: storeBotMessage(user, rest) } };
    }),
  );

  const existingActivity = (p: Record<string, string>) => {
    const inChannel = channelConversation(p.conversationId!);
    const user = inChannel ? undefined : userByConversation(p.conversationId!);
    if (!user && !inChannel) return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
    const stored = getActivity(db, user ? user.id : inChannel!.channel.id, p.activityId!);
    if (!stored || stored.deleted || (stored.activity.from as { id?: string })?.id !== botAccount(app()).id)
      return connectorError(404, 'ActivityNotFoundInConversation', 'Conversation not found.');
    return { user, inChannel, stored };
  };
  const refusedFor = (found: { user?: DirectoryUser; inChannel?: { team: TeamRecord } }) =>
    found.user ? refusal(found.user, false) : channelRefusal(found.inChannel!.team);

  ctx.root.put(
    '/v3/conversations/{conversationId}/activities/{activityId}',
    connector((req, p) => {
      const found = existingActivity(p);
      if ('status' in found) return found;
      const refused = refusedFor(found);
      if (refused) return refused;
      const checked = activityBody(req);
      if ('refused' in checked) return checked.refused;
      const {
        id: _i,
        from: _f,
        recipient: _r,
        conversation: _c,
        timestamp: _t,
        ...changes
      } = checked.activity;
      const old = found.stored.activity;
      // An update replaces the message's content (text, attachments); identity and routing stay.
      const next = {
        ...changes,
        id: old.id,
        from: old.from,
        recipient: old.recipient,
        conversation: old.conversation,
        timestamp: old.timestamp,
        channelId: old.channelId,
        serviceUrl: old.serviceUrl,
        ...(old.channelData ? { channelData: old.channelData } : {}),
        ...(old.replyToId ? { replyToId: old.replyToId } : {}),
        type: 'message',
      };
      replaceActivity(db, found.stored.id, next, ctx.now().toISOString());
      return { status: 200, body: { id: found.stored.id } };
    }),
  );

  ctx.root.delete(
    '/v3/conversations/{conversationId}/activities/{activityId}',
    connector((_req, p) => {
      const found = existingActivity(p);
      if ('status' in found) return found;
      markDeleted(db, found.stored.id, ctx.now().toISOString());
      return { status: 200, body: {} };
    }),
  );

  /** A personal chat's roster as the connector returns it: the user (the bot is not listed). */
  const member = (user: DirectoryUser) => ({
    ...userAccount(user, app()),
    objectId: user.id,
    givenName: user.givenName,
    surname: user.surname,
    email: user.mail,
    userPrincipalName: user.userPrincipalName,
    tenantId: ctx.config.tenantId,
    userRole: 'user',
  });

  ctx.root.get(
    '/v3/conversations/{conversationId}/members',
    connector((_req, p) => {
      const user = userByConversation(p.conversationId!);
      if (!user) return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
      const refused = refusal(user, false);
      if (refused) return refused;
      return { status: 200, body: [member(user)] };
    }),
  );

  ctx.root.get(
    '/v3/conversations/{conversationId}/members/{memberId}',
    connector((_req, p) => {
      const user = userByConversation(p.conversationId!);
      if (!user) return connectorError(404, 'ConversationNotFound', 'Conversation not found.');
      const refused = refusal(user, false);
      if (refused) return refused;
      const m = member(user);
      if (p.memberId !== m.id && p.memberId !== user.id)
        return connectorError(
          404,
          'MemberNotFoundInConversation',
          'The member was not found in the conversation.',
        );
      return { status: 200, body: m };
    }),
  );

  // -------------------------------------------------------------------------------------------------------------
  // Teams app installation through Graph (`/users/{id}/teamwork/installedApps`) and the app catalog.

  const graphUser = (id: string): DirectoryUser => {
    const user = getUser(db, id);
    if (!user) throw new GraphError(404, 'NotFound', `User '${id}' was not found.`);
    return user;
  };
  const teamsAppJson = (a: CatalogApp) => ({
    id: a.id,
    externalId: a.externalId,
    displayName: a.displayName,
    distributionMethod: a.distributionMethod,
  });
  const installationJson = (user: DirectoryUser, req: EmuRequest) => {
    const a = app();
    const expand = (req.query.get('$expand') ?? '').split(',').map((s) => s.trim());
    return {
      '@odata.type': '#microsoft.graph.userScopeTeamsAppInstallation',
      id: installationId(user.id, a.id),
      consentedPermissionSet: null,
      ...(expand.includes('teamsApp') ? { teamsApp: teamsAppJson(a) } : {}),
      ...(expand.includes('teamsAppDefinition')
        ? {
            teamsAppDefinition: {
              id: Buffer.from(`${a.id}##1.0.0##Published`).toString('base64url'),
              teamsAppId: a.id,
              displayName: a.displayName,
              version: '1.0.0',
              publishingState: 'published',
            },
          }
        : {}),
    };
  };
  const isInstalled = (oid: string) => ['installed', 'blocked'].includes(stateOf(oid));

  /** The few `$filter`s callers use on installed apps: by catalog id or manifest id. */
  const installationFilter = (filter: string | null): ((a: CatalogApp) => boolean) => {
    if (!filter) return () => true;
    const m =
      /^\s*(teamsApp\/id|teamsApp\/externalId|teamsAppDefinition\/teamsAppId)\s+eq\s+'([^']*)'\s*$/i.exec(
        filter,
      );
    if (!m) throw invalid(`Unsupported $filter '${filter}' on installedApps.`);
    const field = m[1]!.toLowerCase();
    return (a) =>
      (field === 'teamsapp/externalid' ? a.externalId : a.id).toLowerCase() === m[2]!.toLowerCase();
  };

  ctx.graph.get('/users/{id}/teamwork/installedApps', (req, p) => {
    requirePermission(req, INSTALL_READ);
    const user = graphUser(p.id!);
    const keep = installationFilter(req.query.get('$filter'));
    const value = isInstalled(user.id) && keep(app()) ? [installationJson(user, req)] : [];
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#users('${user.id}')/teamwork/installedApps`,
        value,
      },
    };
  });

  ctx.graph.post('/users/{id}/teamwork/installedApps', (req, p) => {
    requirePermission(req, INSTALL_WRITE);
    const user = graphUser(p.id!);
    const body = parseJson(req);
    const bind = isObject(body) ? body['teamsApp@odata.bind'] : undefined;
    if (typeof bind !== 'string' || !/\/appCatalogs\/teamsApps\/[^/]+$/i.test(bind))
      throw new GraphError(
        400,
        'BadRequest',
        "The 'teamsApp@odata.bind' property must reference /appCatalogs/teamsApps/{id}.",
      );
    const catalogId = bind.slice(bind.lastIndexOf('/') + 1);
    if (catalogId.toLowerCase() !== app().id.toLowerCase())
      throw new GraphError(404, 'NotFound', `Teams app '${catalogId}' was not found in the app catalog.`);
    const state = stateOf(user.id);
    if (state === 'blockedByPolicy')
      throw new GraphError(403, 'Forbidden', 'App is blocked by app permission policy. AppType: Private');
    if (state === 'installed' || state === 'blocked')
      throw new GraphError(409, 'Conflict', 'App is already installed for the user.');
    install(user);
    return { status: 201 };
  });

  const findInstallation = (req: EmuRequest, p: Record<string, string>) => {
    const user = graphUser(p.id!);
    if (!isInstalled(user.id) || p.installationId !== installationId(user.id, app().id))
      throw new GraphError(404, 'NotFound', `App installation '${p.installationId}' was not found.`);
    return user;
  };

  ctx.graph.get('/users/{id}/teamwork/installedApps/{installationId}', (req, p) => {
    requirePermission(req, INSTALL_READ);
    const user = findInstallation(req, p);
    return { status: 200, body: installationJson(user, req) };
  });

  ctx.graph.delete('/users/{id}/teamwork/installedApps/{installationId}', (req, p) => {
    requirePermission(req, INSTALL_WRITE);
    uninstall(findInstallation(req, p), 'notInstalled');
    return { status: 204 };
  });

  ctx.graph.get('/users/{id}/teamwork/installedApps/{installationId}/chat', (req, p) => {
    requirePermission(req, INSTALL_READ);
    const user = findInstallation(req, p);
    const since = installedAt(db, user.id) ?? ctx.now().toISOString();
    const chatId = graphChatId(user.id, app().botAppId);
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#chats/$entity`,
        id: chatId,
        topic: null,
        createdDateTime: since,
        lastUpdatedDateTime: since,
        chatType: 'oneOnOne',
        webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chatId)}/0?tenantId=${ctx.config.tenantId}`,
        tenantId: ctx.config.tenantId,
        isHiddenForAllMembers: false,
      },
    };
  });

  ctx.graph.get('/appCatalogs/teamsApps', (req) => {
    requirePermission(req, CATALOG_READ);
    const a = app();
    const filter = req.query.get('$filter');
    let keep = true;
    if (filter) {
      const m = /^\s*(externalId|id|distributionMethod|displayName)\s+eq\s+'([^']*)'\s*$/i.exec(filter);
      if (!m) throw invalid(`Unsupported $filter '${filter}' on teamsApps.`);
      const value = String(
        (teamsAppJson(a) as Record<string, unknown>)[m[1]!.replace(/^./, (c) => c.toLowerCase())],
      );
      keep = value.toLowerCase() === m[2]!.toLowerCase();
    }
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#appCatalogs/teamsApps`,
        value: keep ? [teamsAppJson(a)] : [],
      },
    };
  });

  ctx.graph.get('/appCatalogs/teamsApps/{id}', (req, p) => {
    requirePermission(req, CATALOG_READ);
    const a = app();
    if (p.id!.toLowerCase() !== a.id.toLowerCase())
      throw new GraphError(404, 'NotFound', `Teams app '${p.id}' was not found in the app catalog.`);
    return { status: 200, body: teamsAppJson(a) };
  });

  // -------------------------------------------------------------------------------------------------------------
  // Graph: the messages of a channel (`GET /teams/{id}/channels/{channelId}/messages`), as the scheduler's probe
  // reads them to find a post in doubt. Application permission ChannelMessage.Read.All, or the resource-specific
  // ChannelMessage.Read.Group that Teams grants the app's own registration in the teams it is installed in.

  const CHANNEL_READ: Needed = {
    app: ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite.All'],
    delegated: ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite'],
  };

  const chatMessage = (
    team: TeamRecord,
    channelId: string,
    a: Record<string, unknown>,
    modified: string | null,
  ) => {
    const atts = (Array.isArray(a.attachments) ? a.attachments : []).filter(isObject);
    const ids = atts.map((_, i) => `${String(a.id)}-${i}`);
    const text = typeof a.text === 'string' ? a.text : '';
    const bot = app();
    return {
      id: a.id,
      replyToId: typeof a.replyToId === 'string' ? a.replyToId : null,
      etag: String(a.id),
      messageType: 'message',
      createdDateTime: a.timestamp,
      lastModifiedDateTime: modified ?? a.timestamp,
      deletedDateTime: null,
      subject: null,
      summary: typeof a.summary === 'string' ? a.summary : null,
      importance: 'normal',
      locale: 'en-us',
      webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${String(a.id)}?groupId=${team.aadGroupId}&tenantId=${ctx.config.tenantId}`,
      from: {
        application: {
          '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
          id: bot.botAppId,
          displayName: bot.botName,
          applicationIdentityType: 'bot',
        },
        device: null,
        user: null,
      },
      body: {
        contentType: 'html',
        content: `${escapeXml(text)}${ids.map((id) => `<attachment id="${id}"></attachment>`).join('')}`,
      },
      channelIdentity: { teamId: team.aadGroupId, channelId },
      // Graph hands card attachments back with their JSON as a string.
      attachments: atts.map((att, i) => ({
        id: ids[i],
        contentType: att.contentType ?? null,
        contentUrl: null,
        content: att.content === undefined ? null : JSON.stringify(att.content),
        name: null,
        thumbnailUrl: null,
      })),
      mentions: [],
      reactions: [],
    };
  };

  ctx.graph.get('/teams/{teamId}/channels/{channelId}/messages', (req, p) => {
    const team = getTeam(db, p.teamId!);
    // Graph addresses a team by its group id; the thread id is not accepted there.
    if (!team || team.aadGroupId.toLowerCase() !== p.teamId!.toLowerCase())
      throw new GraphError(404, 'NotFound', `Team '${p.teamId}' was not found.`);
    const rsc = req.principal.kind === 'app' && req.principal.appId === app().botAppId && team.installed;
    if (!rsc) requirePermission(req, CHANNEL_READ);
    const ch = team.channels.find((c) => c.id === p.channelId);
    if (!ch) throw new GraphError(404, 'NotFound', `Channel '${p.channelId}' was not found.`);
    const top = Math.min(50, Math.max(1, Number(req.query.get('$top') ?? 20) || 20));
    // Root posts only (replies are under /replies), newest first.
    const value = listActivities(db, ch.id)
      .filter((x) => !x.deleted && !x.activity.replyToId)
      .reverse()
      .slice(0, top)
      .map((x) => chatMessage(team, ch.id, x.activity, x.lastModifiedDateTime));
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#teams('${team.aadGroupId}')/channels('${encodeURIComponent(ch.id)}')/messages`,
        '@odata.count': value.length,
        value,
      },
    };
  });

  // -------------------------------------------------------------------------------------------------------------
  // Admin API: configuration, chat history, installation states and the user's side of the chat.

  const ok = (body: unknown, status = 200): EmuResponse => ({ status, body });
  const adminJson = (req: EmuRequest): Record<string, unknown> => {
    const body = parseJson(req);
    if (!isObject(body)) throw invalid('Expected a JSON object.');
    return body;
  };
  const adminUser = (id: string): DirectoryUser => {
    const user = getUser(db, id);
    if (!user) throw new GraphError(404, 'itemNotFound', `No user '${id}' in the directory.`);
    return user;
  };
  const optionalUrl = (v: unknown, name: string): string | undefined => {
    if (v === null || v === '') return undefined;
    if (typeof v !== 'string' || !/^https?:\/\/[^\s]+$/.test(v))
      throw invalid(`'${name}' must be an http(s) URL or null.`);
    return v.replace(/\/+$/, '');
  };
  const botSettings = () => ({
    endpoint: endpoint ?? null,
    stagemapUrl: stagemapUrl ?? null,
    serviceUrl: ctx.baseUrl(),
    botAppId: app().botAppId,
    cloud: localBotCloud(ctx.baseUrl()),
    deliveries: [...deliveries],
  });

  ctx.root.get('/_emulator/bot', () => ok(botSettings()));
  ctx.root.put('/_emulator/bot', (req) => {
    const b = adminJson(req);
    if ('endpoint' in b) endpoint = optionalUrl(b.endpoint, 'endpoint');
    if ('stagemapUrl' in b) stagemapUrl = optionalUrl(b.stagemapUrl, 'stagemapUrl');
    return ok(botSettings());
  });

  const conversationJson = (user: DirectoryUser) => {
    const a = app();
    return {
      user: { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName },
      teamsUserId: teamsUserId(user.id, a.botAppId),
      conversationId: personalConversationId(user.id, a.botAppId),
      chatId: graphChatId(user.id, a.botAppId),
      installation: stateOf(user.id),
      activities: listActivities(db, user.id)
        .filter((s) => !s.deleted)
        .map((s) => ({
          ...s.activity,
          lastModifiedDateTime: s.lastModifiedDateTime,
        })),
    };
  };

  ctx.root.get('/_emulator/bot/conversations', (req) => {
    const who = req.query.get('user');
    const users = who ? [adminUser(who)] : listUsers(db);
    return ok({
      value: users.map(conversationJson).filter((c) => who || c.activities.length > 0),
    });
  });
  ctx.root.delete('/_emulator/bot/conversations', () => {
    clearActivities(db);
    return { status: 204 };
  });

  const teamJson = (t: TeamRecord) => ({
    id: t.id,
    displayName: t.name,
    aadGroupId: t.aadGroupId,
    installation: t.installed ? 'installed' : 'notInstalled',
    installedDateTime: t.installedAt,
    selectedChannelId: t.selectedChannel,
    channels: t.channels.map((c) => ({ id: c.id, displayName: c.name })),
  });

  const channelJson = (team: TeamRecord, ch: { id: string; name: string }) => ({
    team: { id: team.id, displayName: team.name, aadGroupId: team.aadGroupId },
    channel: { id: ch.id, displayName: ch.name },
    installation: team.installed ? 'installed' : 'notInstalled',
    activities: listActivities(db, ch.id)
      .filter((x) => !x.deleted)
      .map((x) => ({ ...x.activity, lastModifiedDateTime: x.lastModifiedDateTime })),
  });

  /** Channel posts, oldest first: one channel (`?channel=<id>`), or every channel with posts. */
  ctx.root.get('/_emulator/bot/channels', (req) => {
    const wanted = req.query.get('channel');
    if (wanted) {
      const found = channelById(db, wanted);
      if (!found) throw new GraphError(404, 'itemNotFound', `No channel '${wanted}'.`);
      return ok({ value: [channelJson(found.team, found.channel)] });
    }
    return ok({
      value: listTeams(db)
        .flatMap((t) => t.channels.map((c) => channelJson(t, c)))
        .filter((c) => c.activities.length > 0),
    });
  });

  ctx.root.get('/_emulator/teams/teams', () => ok({ value: listTeams(db).map(teamJson) }));
  ctx.root.post('/_emulator/teams/teams', (req) => {
    const b = adminJson(req);
    if (typeof b.displayName !== 'string' || !b.displayName.trim() || b.displayName.length > 256)
      throw invalid(`'displayName' must be a non-empty string of at most 256 characters.`);
    const channels = b.channels ?? [];
    if (
      !Array.isArray(channels) ||
      channels.some((c) => typeof c !== 'string' || !c.trim() || c.length > 50 || c === 'General')
    )
      throw invalid(`'channels' must be names of other channels than General (at most 50 characters).`);
    return ok(teamJson(createTeam(db, b.displayName.trim(), channels as string[])), 201);
  });

  /**
   * Adds the app to a team or removes it: `{state: installed | notInstalled, channelId?, userId?}`. `channelId` is
   * the channel picked for the app's posts (Teams' "set up in a channel"); `userId` who does it (default: the first
   * user of the directory). The bot is notified as Teams does it.
   */
  ctx.root.put('/_emulator/teams/teams/{teamId}/installation', async (req, p) => {
    const team = getTeam(db, p.teamId!);
    if (!team) throw new GraphError(404, 'itemNotFound', `No team '${p.teamId}'.`);
    const b = adminJson(req);
    if (b.state !== 'installed' && b.state !== 'notInstalled')
      throw invalid(`'state' must be 'installed' or 'notInstalled'.`);
    const channelId = b.channelId ?? null;
    if (channelId !== null && !team.channels.some((c) => c.id === channelId))
      throw invalid(`'channelId' must be one of the team's channels.`);
    if (b.userId !== undefined && typeof b.userId !== 'string') throw invalid(`'userId' must be a string.`);
    const user = b.userId ? adminUser(b.userId) : listUsers(db)[0];
    if (!user) throw invalid('The directory has no user to act as the installer.');
    if (b.state === 'installed') await installTeam(team, user, channelId as string | null);
    else if (team.installed) await uninstallTeam(team, user);
    return ok(teamJson(getTeam(db, team.id)!));
  });

  ctx.root.get('/_emulator/teams/app', () => ok(app()));
  ctx.root.put('/_emulator/teams/app', (req) => {
    const b = adminJson(req);
    const next = { ...app() };
    for (const k of ['id', 'externalId', 'displayName', 'botAppId', 'botName'] as const) {
      if (b[k] === undefined) continue;
      if (typeof b[k] !== 'string' || !b[k]) throw invalid(`'${k}' must be a non-empty string.`);
      next[k] = b[k];
    }
    setCatalogApp(db, next);
    return ok(next);
  });

  ctx.root.get('/_emulator/teams/users', () =>
    ok({
      value: listUsers(db).map((u) => ({
        id: u.id,
        displayName: u.displayName,
        userPrincipalName: u.userPrincipalName,
        teamsUserId: teamsUserId(u.id, app().botAppId),
        installation: stateOf(u.id),
      })),
    }),
  );

  ctx.root.get('/_emulator/teams/users/{id}/installation', (_req, p) => {
    const user = adminUser(p.id!);
    return ok({ userId: user.id, state: stateOf(user.id), installedDateTime: installedAt(db, user.id) });
  });
  ctx.root.put('/_emulator/teams/users/{id}/installation', (req, p) => {
    const user = adminUser(p.id!);
    const state = adminJson(req).state;
    if (typeof state !== 'string' || !INSTALLATION_STATES.includes(state as InstallationState))
      throw invalid(`'state' must be one of ${INSTALLATION_STATES.join(', ')}.`);
    const before = stateOf(user.id);
    const wasInstalled = before === 'installed' || before === 'blocked';
    const next = state as InstallationState;
    // Only installing and uninstalling produce events; blocking and unblocking are silent in Teams.
    if (next === 'installed' && !wasInstalled) install(user);
    else if ((next === 'notInstalled' || next === 'blockedByPolicy') && wasInstalled) uninstall(user, next);
    else setInstallationState(db, user.id, next, installedAt(db, user.id) ?? ctx.now().toISOString());
    return ok({ userId: user.id, state: stateOf(user.id), installedDateTime: installedAt(db, user.id) });
  });

  /** The user may act in the chat only while the app is installed and not blocked, as in the Teams client. */
  const requireChat = (user: DirectoryUser) => {
    const state = stateOf(user.id);
    if (state !== 'installed')
      throw new GraphError(
        409,
        'chatUnavailable',
        `The Teams app is ${state} for this user: the chat is read-only.`,
      );
    if (!endpoint)
      throw new GraphError(
        409,
        'botEndpointNotConfigured',
        'No bot endpoint is configured (PUT /_emulator/bot).',
      );
  };

  ctx.root.post('/_emulator/teams/users/{id}/invoke', async (req, p) => {
    const user = adminUser(p.id!);
    const b = adminJson(req);
    const { activityId, verb, data, trigger, actionId } = b;
    if (typeof activityId !== 'string' || !activityId) throw invalid(`'activityId' is required.`);
    if (typeof verb !== 'string') throw invalid(`'verb' is required.`);
    if (trigger !== undefined && trigger !== 'manual' && trigger !== 'automatic')
      throw invalid(`'trigger' must be 'manual' or 'automatic'.`);
    if (actionId !== undefined && typeof actionId !== 'string') throw invalid(`'actionId' must be a string.`);
    const stored = getActivity(db, user.id, activityId);
    if (!stored || stored.deleted)
      throw new GraphError(404, 'itemNotFound', `No message '${activityId}' in this chat.`);
    requireChat(user);
    const activity = channel.cardAction(user, localeOf(user), {
      replyToId: activityId,
      verb,
      data,
      trigger: trigger ?? 'manual',
      ...(actionId ? { actionId } : {}),
    });
    const reply = await deliver(activity, user);
    if (!reply)
      return ok({
        outcome: 'error',
        httpStatus: 502,
        invokeResponse: null,
        message: 'The bot did not answer.',
      } satisfies InvokeOutcome);
    return ok(applyInvokeResponse(user.id, stored.id, reply));
  });

  /** Applies an adaptiveCard/action invoke response as the Teams client does. */
  const applyInvokeResponse = (userId: string, activityId: string, reply: BotReply): InvokeOutcome => {
    const body = isObject(reply.body) ? reply.body : {};
    const base = { httpStatus: reply.status, invokeResponse: reply.body ?? null };
    if (reply.status >= 400)
      return { ...base, outcome: 'error', message: `The bot answered HTTP ${reply.status}.` };
    const statusCode = typeof body.statusCode === 'number' ? body.statusCode : reply.status;
    if (body.type === ADAPTIVE_CARD && statusCode === 200 && isObject(body.value)) {
      const stored = getActivity(db, userId, activityId)!;
      const next = {
        ...stored.activity,
        attachments: [{ contentType: ADAPTIVE_CARD, content: body.value }],
      };
      replaceActivity(db, activityId, next, ctx.now().toISOString());
      return { ...base, outcome: 'card', card: body.value, activity: next };
    }
    if (body.type === 'application/vnd.microsoft.activity.message')
      return { ...base, outcome: 'message', message: String(body.value ?? '') };
    if (statusCode >= 400) {
      const value = isObject(body.value) ? body.value : {};
      const message = typeof value.message === 'string' ? value.message : `The bot answered ${statusCode}.`;
      return { ...base, outcome: 'error', message };
    }
    return { ...base, outcome: 'none' };
  };

  ctx.root.post('/_emulator/teams/users/{id}/messages', async (req, p) => {
    const user = adminUser(p.id!);
    const text = adminJson(req).text;
    if (typeof text !== 'string' || !text.trim()) throw invalid(`'text' is required.`);
    requireChat(user);
    const activity = channel.message(user, localeOf(user), text);
    const now = ctx.now();
    const id = nextActivityId(db, now.getTime());
    insertActivity(db, id, user.id, { ...activity, id, timestamp: now.toISOString() }, now.toISOString());
    const reply = await deliver({ ...activity, id }, user);
    return ok({ id, httpStatus: reply?.status ?? null });
  });
}

import { startswith } from '../odata';
import { clip, readBool, readJson, readText, writeJson, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';
import { RepositoryConflictError } from './repository-errors';

/**
 * The Conversations list: the bot's 1:1 conversation reference per user, so the scheduler can send proactively
 * without asking Teams again. Key = the user's Entra object id (unique), so a replayed installationUpdate, two
 * server instances or the scheduler after a Graph installation all write the same item.
 */

/** The coordinator digest of one day, recorded so it goes out once (see docs/scheduler.md). */
export interface DigestRecord {
  date: string;
  marker: string;
  activityId?: string;
  channel?: 'teams' | 'mail';
}

export interface ConversationRef {
  id: string;
  /** = userOid. */
  key: string;
  userOid: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  /** False after an uninstall (installationUpdate remove) or a 403 "not installed" from the connector. */
  installed: boolean;
  digest?: DigestRecord;
}

const COLUMNS = ['UserOid', 'ConversationId', 'ServiceUrl', 'TenantId', 'Installed', 'DigestLog'] as const;

function fromListFields(id: string, f: Fields): ConversationRef {
  const ref: ConversationRef = {
    id,
    key: readText(f, 'Key') ?? '',
    userOid: readText(f, 'UserOid') ?? '',
    conversationId: readText(f, 'ConversationId') ?? '',
    serviceUrl: readText(f, 'ServiceUrl') ?? '',
    tenantId: readText(f, 'TenantId') ?? '',
    installed: readBool(f, 'Installed'),
  };
  const digest = readJson<DigestRecord | undefined>(f, 'DigestLog', undefined);
  if (digest && typeof digest.date === 'string') ref.digest = digest;
  return ref;
}

function toFields(v: Partial<ConversationRef>): Fields {
  const has = (k: keyof ConversationRef) => k in v;
  const f: Fields = {};
  if (has('key')) f.Title = v.key;
  if (has('userOid')) f.UserOid = v.userOid;
  if (has('conversationId')) f.ConversationId = v.conversationId;
  if (has('serviceUrl')) f.ServiceUrl = v.serviceUrl;
  if (has('tenantId')) f.TenantId = v.tenantId;
  if (has('installed')) f.Installed = v.installed === true;
  if (has('digest')) f.DigestLog = writeJson(v.digest);
  return f;
}

export type NewConversationRef = Omit<ConversationRef, 'id' | 'key' | 'digest'>;

export class ConversationsRepository extends ListRepository<ConversationRef> {
  constructor(ctx: RepositoryContext) {
    super(ctx, { list: 'Conversations', columns: COLUMNS, fromFields: fromListFields, toFields });
  }

  byUser(oid: string): Promise<Stored<ConversationRef> | undefined> {
    return this.getByKey(oid);
  }

  /** Conversation references of many users: ORed key filters in $batch. */
  byUsers(oids: readonly string[]): Promise<Map<string, Stored<ConversationRef>>> {
    return this.byKeys(oids);
  }

  /**
   * Creates or updates the user's reference. Idempotent: the unique Key makes a second create a read, and an
   * update that finds the item changed meanwhile is re-applied on the current version (last writer wins: every
   * writer writes what Teams just told it).
   */
  async upsert(ref: NewConversationRef): Promise<Stored<ConversationRef>> {
    const value = { ...ref, key: ref.userOid };
    let current: Stored<ConversationRef> | undefined = await this.create(value);
    for (let attempt = 0; attempt < 3 && current; attempt++) {
      if (
        current.conversationId === ref.conversationId &&
        current.serviceUrl === ref.serviceUrl &&
        current.tenantId === ref.tenantId &&
        current.installed === ref.installed &&
        current.userOid === ref.userOid
      )
        return current;
      try {
        return await this.update(current, value);
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
        current = e.current as Stored<ConversationRef> | undefined;
      }
    }
    return this.create(value);
  }
}

// ---------- teams (channel posts) ----------

/** The week's announcement in the team's channel: intent (marker) first, the activity id once it is posted. */
export interface AnnouncementRecord {
  /** Monday of the announced week. */
  week: string;
  marker: string;
  /** The channel the intent was for (the chosen channel may change later). */
  channelId: string;
  activityId?: string;
  postedAt?: string;
}

/**
 * A team the app is installed in, as the bot learnt it from Teams (conversationUpdate with `channelData.team`):
 * the arrivals-and-departures post goes to `channelId` (the channel picked at installation, else General, whose id
 * is the team id). Stored in the Conversations list under Key `team:<teamId>`, so no schema change: ConversationId
 * holds the channel, DigestLog the names and the announcement log as JSON.
 */
export interface TeamChannelRef {
  id: string;
  /** `team:<teamId>`. */
  key: string;
  /** The team's thread id (`19:…@thread.tacv2`), which is also the General channel's id. */
  teamId: string;
  teamName: string;
  /** The team's Microsoft 365 group: Graph addresses teams by it (`/teams/{aadGroupId}`). */
  aadGroupId?: string;
  channelId: string;
  channelName?: string;
  serviceUrl: string;
  tenantId: string;
  installed: boolean;
  announcement?: AnnouncementRecord;
}

export const TEAM_KEY_PREFIX = 'team:';
export const teamKey = (teamId: string): string => `${TEAM_KEY_PREFIX}${teamId}`;

interface TeamMeta {
  kind: 'team';
  teamId: string;
  teamName: string;
  aadGroupId?: string;
  channelName?: string;
  announcement?: AnnouncementRecord;
}

function teamFromFields(id: string, f: Fields): TeamChannelRef {
  const key = readText(f, 'Key') ?? '';
  const meta = readJson<Partial<TeamMeta>>(f, 'DigestLog', {});
  const teamId = typeof meta.teamId === 'string' ? meta.teamId : key.slice(TEAM_KEY_PREFIX.length);
  const ref: TeamChannelRef = {
    id,
    key,
    teamId,
    teamName: typeof meta.teamName === 'string' ? meta.teamName : '',
    channelId: readText(f, 'ConversationId') || teamId,
    serviceUrl: readText(f, 'ServiceUrl') ?? '',
    tenantId: readText(f, 'TenantId') ?? '',
    installed: readBool(f, 'Installed'),
  };
  if (typeof meta.aadGroupId === 'string' && meta.aadGroupId) ref.aadGroupId = meta.aadGroupId;
  if (typeof meta.channelName === 'string' && meta.channelName) ref.channelName = meta.channelName;
  const a = meta.announcement;
  if (a && typeof a.week === 'string' && typeof a.marker === 'string') ref.announcement = a;
  return ref;
}

/** Callers always pass the whole record (see `save`): DigestLog is one JSON value. */
function teamToFields(v: Partial<TeamChannelRef>): Fields {
  const f: Fields = {};
  if ('key' in v) f.Title = v.key;
  if ('channelId' in v) f.ConversationId = v.channelId;
  if ('serviceUrl' in v) f.ServiceUrl = v.serviceUrl;
  if ('tenantId' in v) f.TenantId = v.tenantId;
  if ('installed' in v) f.Installed = v.installed === true;
  if ('teamId' in v) {
    const meta: TeamMeta = {
      kind: 'team',
      teamId: v.teamId ?? '',
      teamName: clip(v.teamName ?? '', 256),
      ...(v.aadGroupId ? { aadGroupId: v.aadGroupId } : {}),
      ...(v.channelName ? { channelName: clip(v.channelName, 256) } : {}),
      ...(v.announcement ? { announcement: v.announcement } : {}),
    };
    f.DigestLog = writeJson(meta);
  }
  return f;
}

/** What Teams told the bot about a team; absent fields keep what is stored. */
export interface TeamInstallation {
  teamId: string;
  teamName?: string;
  aadGroupId?: string;
  /** The channel picked at installation (`channelData.settings.selectedChannel`). */
  channelId?: string;
  channelName?: string;
  serviceUrl: string;
  tenantId: string;
  installed: boolean;
}

export class TeamChannelsRepository extends ListRepository<TeamChannelRef> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Conversations',
      columns: ['ConversationId', 'ServiceUrl', 'TenantId', 'Installed', 'DigestLog'],
      fromFields: teamFromFields,
      toFields: teamToFields,
    });
  }

  /** Every team the bot was ever added to (installed or not): one indexed prefix query on Key. */
  teams(): Promise<Stored<TeamChannelRef>[]> {
    return this.query(startswith('fields/Key', TEAM_KEY_PREFIX));
  }

  byTeam(teamId: string): Promise<Stored<TeamChannelRef> | undefined> {
    return this.getByKey(teamKey(teamId));
  }

  /** Writes the whole record under the ETag of `current` (RepositoryConflictError when it changed meanwhile). */
  save(current: Stored<TeamChannelRef>, patch: Partial<Omit<TeamChannelRef, 'id' | 'key'>>) {
    const { id: _id, etag: _etag, ...whole } = { ...current, ...patch };
    return this.update(current, whole);
  }

  /** Creates or refreshes a team from an installation event; the announcement log is kept. */
  async upsertTeam(t: TeamInstallation): Promise<Stored<TeamChannelRef>> {
    const value: Omit<TeamChannelRef, 'id'> = {
      key: teamKey(t.teamId),
      teamId: t.teamId,
      teamName: t.teamName ?? '',
      channelId: t.channelId ?? t.teamId,
      serviceUrl: t.serviceUrl,
      tenantId: t.tenantId,
      installed: t.installed,
      ...(t.aadGroupId ? { aadGroupId: t.aadGroupId } : {}),
      ...(t.channelName ? { channelName: t.channelName } : {}),
    };
    let current: Stored<TeamChannelRef> | undefined = await this.create(value);
    for (let attempt = 0; attempt < 3 && current; attempt++) {
      const next = {
        teamName: t.teamName ?? current.teamName,
        aadGroupId: t.aadGroupId ?? current.aadGroupId,
        channelId: t.channelId ?? current.channelId,
        channelName: t.channelId ? t.channelName : current.channelName,
        serviceUrl: t.serviceUrl || current.serviceUrl,
        tenantId: t.tenantId || current.tenantId,
        installed: t.installed,
      };
      const same = (Object.keys(next) as (keyof typeof next)[]).every((k) => next[k] === current![k]);
      if (same) return current;
      try {
        return await this.save(current, next);
      } catch (e) {
        if (!(e instanceof RepositoryConflictError)) throw e;
        current = e.current as Stored<TeamChannelRef> | undefined;
      }
    }
    return (await this.byTeam(t.teamId)) ?? this.create(value);
  }
}

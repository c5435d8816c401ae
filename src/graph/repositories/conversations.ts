import { readBool, readJson, readText, writeJson, type Fields } from './fields';
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

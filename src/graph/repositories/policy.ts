import { policyDocumentSchema, type PolicyDocument } from '../../domain/policy';
import { readText, type Fields } from './fields';
import { ListRepository, type RepositoryContext, type Stored } from './list-repository';
import { RepositoryConflictError } from './repository-errors';

/**
 * The organisation's policy texts (plan of approach, communication plan, regulation: toolbox A2–A4) as their own
 * Settings entry, key `policy`. Its own item, not a section of `organisation`: the texts are long and edited by
 * other people at other times than the schedule rules, and one ETag per document keeps those edits from
 * conflicting with each other. Like the organisation settings, an entry edited by hand into something invalid
 * reads as the empty policy (with the problems reported), never as an error page.
 */

export const POLICY_SETTINGS_KEY = 'policy';

interface Entry {
  id: string;
  key: string;
  value: string;
}

class PolicyEntries extends ListRepository<Entry> {
  constructor(ctx: RepositoryContext) {
    super(ctx, {
      list: 'Settings',
      columns: ['Value'],
      fromFields: (id: string, f: Fields) => ({
        id,
        key: readText(f, 'Key') ?? '',
        value: readText(f, 'Value') ?? '',
      }),
      toFields: (v: Partial<Entry>) => ({
        ...('key' in v ? { Title: v.key } : {}),
        ...('value' in v ? { Value: v.value } : {}),
      }),
    });
  }
}

export interface PolicyRead {
  /** `etag` is '' while nothing was ever saved. */
  policy: Stored<PolicyDocument>;
  issues: { path: string; message: string }[];
}

export class PolicyRepository {
  private readonly entries: PolicyEntries;
  constructor(ctx: RepositoryContext) {
    this.entries = new PolicyEntries(ctx);
  }

  static parse(raw: string): { value: PolicyDocument; issues: { path: string; message: string }[] } {
    let json: unknown;
    try {
      json = raw ? JSON.parse(raw) : {};
    } catch {
      return { value: policyDocumentSchema.parse({}), issues: [{ path: '', message: 'not JSON' }] };
    }
    const parsed = policyDocumentSchema.safeParse(json);
    if (parsed.success) return { value: parsed.data, issues: [] };
    // Keep the parts that are valid on their own (a broken regulation must not blank the plan of approach).
    const bad = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
    const kept = Object.fromEntries(
      Object.entries((json ?? {}) as Record<string, unknown>).filter(([k]) => !bad.has(k)),
    );
    const retry = policyDocumentSchema.safeParse(kept);
    return {
      value: retry.success ? retry.data : policyDocumentSchema.parse({}),
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }

  async read(): Promise<PolicyRead> {
    const entry = await this.entries.getByKey(POLICY_SETTINGS_KEY);
    const { value, issues } = PolicyRepository.parse(entry?.value ?? '');
    return { policy: { ...value, etag: entry?.etag ?? '' }, issues };
  }

  /**
   * Writes the policy, guarded by the ETag the caller read (`ifMatch`; '' = the caller saw no policy yet, so a
   * policy someone created meanwhile is a conflict too). Conflicts throw RepositoryConflictError with the current
   * policy.
   */
  async write(next: PolicyDocument, ifMatch: string): Promise<Stored<PolicyDocument>> {
    const json = JSON.stringify(policyDocumentSchema.parse(next));
    const entry = await this.entries.getByKey(POLICY_SETTINGS_KEY);
    const current = (e: Stored<Entry>) => ({ ...PolicyRepository.parse(e.value).value, etag: e.etag });
    if (!entry) {
      if (ifMatch !== '' && ifMatch !== '*')
        throw new RepositoryConflictError<PolicyDocument>('Settings', POLICY_SETTINGS_KEY, undefined);
      const created = await this.entries.create({ key: POLICY_SETTINGS_KEY, value: json });
      return current(created);
    }
    if (ifMatch === '')
      throw new RepositoryConflictError<PolicyDocument>('Settings', POLICY_SETTINGS_KEY, current(entry));
    try {
      const updated = await this.entries.update({ ...entry, etag: ifMatch }, { value: json });
      return { ...PolicyRepository.parse(updated.value || json).value, etag: updated.etag };
    } catch (e) {
      if (e instanceof RepositoryConflictError) {
        const now = e.current as Stored<Entry> | undefined;
        throw new RepositoryConflictError<PolicyDocument>(
          'Settings',
          POLICY_SETTINGS_KEY,
          now ? current(now) : undefined,
        );
      }
      throw e;
    }
  }
}

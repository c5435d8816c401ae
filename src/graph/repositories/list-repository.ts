import { batch, BATCH_LIMIT, type BatchRequest, type BatchResult } from '../batch';
import type { Graph } from '../client';
import { AlreadyExistsError, ConflictError, NotFoundError } from '../errors';
import { and, anyOf, buildQuery, eq, expandFields, segment, type ODataFilter } from '../odata';
import { LIST_ITEMS_MAX_TOP, pageAll } from '../paging';
import type { People } from '../people';
import type { RetryPolicy } from '../retry-policy';
import type { Fields } from './fields';
import { chunk, mapPool } from './pool';
import { RepositoryConflictError, RepositoryWriteError } from './repository-errors';

/**
 * The common part of every list repository: idempotent creates, ETag-guarded updates, bulk writes in $batch and
 * paged reads with the largest page. Subclasses only declare the mapping of their list (fields ↔ domain).
 *
 * Idempotency: every item carries a client-generated `Key` in a unique, indexed column. A create is therefore
 * retry-safe: a retry after a lost response (or a second run of the seed) gets 409 from SharePoint, and we answer
 * with the item that is there instead of writing a twin.
 *
 * Concurrency: updates send `If-Match: <eTag>`. A 412 means someone else wrote in between; we read the current
 * version and throw RepositoryConflictError with it. One exception: when the current version already holds
 * exactly what we wrote, the 412 is our own write whose response was lost and the request replayed (the transport
 * replays ETag-guarded PATCHes: the ETag makes the replay harmless), so it counts as success.
 */

export interface RepositoryContext {
  graph: Graph;
  siteId: string;
  people: People;
  /** Retry policy of $batch sub-requests (the transport's own policy covers whole requests). */
  retry?: Partial<RetryPolicy>;
  /** $batch requests of one bulk operation in flight at once. */
  concurrency?: number;
}

/** A domain value as stored: with the ETag of the version it was read at. */
export type Stored<T> = T & { etag: string };

/** What a create takes: everything but the item id (distributes over unions such as JournalEntry). */
export type NewRecord<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface ListItem {
  id: string;
  eTag?: string;
  '@odata.etag'?: string;
  fields?: Fields;
}

export interface ListMapping<T extends { id: string; key: string }> {
  list: string;
  /** Columns read back (Key is always added). */
  columns: readonly string[];
  fromFields(id: string, f: Fields): T;
  /** The columns for the parts of `v` that are present (a PATCH writes only those). */
  toFields(v: Partial<T>): Fields;
  /** Person columns among the parts of `v` that are present: column name → Entra oid (null clears). */
  persons?(v: Partial<T>): Record<string, string | null | undefined>;
}

export interface QueryOptions {
  orderby?: readonly string[];
  /** Page size; the largest SharePoint serves by default (fewest round trips). */
  top?: number;
  /** Stop after this many items (the last page may be cut). */
  limit?: number;
}

export interface BulkUpdate<T> {
  current: Stored<T>;
  patch: Partial<T>;
}

export interface BulkUpdateResult<T> {
  updated: Stored<T>[];
  conflicts: RepositoryConflictError<T>[];
}

/** Keys ORed into one $filter: short enough for any URL limit, few enough requests. */
const KEYS_PER_QUERY = 25;

export class ListRepository<T extends { id: string; key: string }> {
  constructor(
    protected readonly ctx: RepositoryContext,
    protected readonly mapping: ListMapping<T>,
  ) {}

  get list(): string {
    return this.mapping.list;
  }

  protected get listPath(): string {
    return `/sites/${segment(this.ctx.siteId)}/lists/${segment(this.mapping.list)}`;
  }

  protected get itemsPath(): string {
    return `${this.listPath}/items`;
  }

  protected itemPath(id: string): string {
    return `${this.itemsPath}/${segment(id)}`;
  }

  protected get expand(): string {
    return expandFields(['Key', ...this.mapping.columns.filter((c) => c !== 'Key')]);
  }

  protected fromItem(item: ListItem): Stored<T> {
    const etag = item.eTag ?? item['@odata.etag'] ?? '';
    return { ...this.mapping.fromFields(item.id, item.fields ?? {}), etag };
  }

  private fromFieldSet(id: string, set: Fields): Stored<T> {
    return { ...this.mapping.fromFields(id, set), etag: String(set['@odata.etag'] ?? '') };
  }

  /** Items matching `filter` (indexed columns only), following every page. */
  async query(filter?: ODataFilter, opts: QueryOptions = {}): Promise<Stored<T>[]> {
    const top = opts.top ?? LIST_ITEMS_MAX_TOP;
    const url = `${this.itemsPath}${buildQuery({
      ...(filter ? { filter } : {}),
      expand: this.expand,
      ...(opts.orderby ? { orderby: opts.orderby } : {}),
      top: opts.limit !== undefined ? Math.min(top, opts.limit) : top,
    })}`;
    if (opts.limit === undefined)
      return (await pageAll<ListItem>(this.ctx.graph, url)).map((i) => this.fromItem(i));
    const out: Stored<T>[] = [];
    let next: string | undefined = url;
    while (next !== undefined && out.length < opts.limit) {
      const page: { value?: ListItem[]; '@odata.nextLink'?: string } = await this.ctx.graph.get(next);
      out.push(...(page.value ?? []).map((i) => this.fromItem(i)));
      next = page['@odata.nextLink'];
    }
    return out.slice(0, opts.limit);
  }

  /** Every Key of the list, read with the smallest payload (idempotent bulk loads skip what exists). */
  async keys(): Promise<Set<string>> {
    const items = await pageAll<ListItem>(
      this.ctx.graph,
      `${this.itemsPath}${buildQuery({ expand: expandFields(['Key']), top: LIST_ITEMS_MAX_TOP })}`,
    );
    return new Set(items.map((i) => String(i.fields?.Key ?? '')));
  }

  async all(): Promise<Stored<T>[]> {
    return this.query();
  }

  async getByKey(key: string): Promise<Stored<T> | undefined> {
    const found = await this.ctx.graph.get<{ value?: ListItem[] }>(
      `${this.itemsPath}${buildQuery({ filter: eq('fields/Key', key), expand: this.expand, top: 2 })}`,
    );
    const item = found.value?.[0];
    return item ? this.fromItem(item) : undefined;
  }

  async getById(id: string): Promise<Stored<T> | undefined> {
    try {
      return this.fromItem(
        await this.ctx.graph.get<ListItem>(`${this.itemPath(id)}${buildQuery({ expand: this.expand })}`),
      );
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }

  /** Items by key, in as few requests as possible ($batch of ORed key filters). */
  async byKeys(keys: readonly string[]): Promise<Map<string, Stored<T>>> {
    const unique = [...new Set(keys)];
    const out = new Map<string, Stored<T>>();
    if (unique.length === 0) return out;
    const reqs: BatchRequest[] = chunk(unique, KEYS_PER_QUERY).map((group) => ({
      method: 'GET',
      url: `${this.itemsPath}${buildQuery({ filter: anyOf('fields/Key', group), expand: this.expand, top: LIST_ITEMS_MAX_TOP })}`,
    }));
    const results = await this.runBatches<{ value?: ListItem[] }>(reqs);
    for (const r of results) {
      if (r.error) throw r.error;
      for (const item of r.body.value ?? []) {
        const v = this.fromItem(item);
        out.set(v.key.toLowerCase(), v);
      }
    }
    // SharePoint compares unique text case-insensitively; callers ask with their own spelling.
    return new Map(unique.flatMap((k) => (out.has(k.toLowerCase()) ? [[k, out.get(k.toLowerCase())!]] : [])));
  }

  /**
   * Items of many internships that also match `filter` (indexed columns only): see queryByKeyGroups. What a home
   * screen over all running internships needs costs a round trip per 500 internships, not one per internship.
   */
  protected async queryByInternshipKeys(
    keys: readonly string[] | 'all',
    filter?: ODataFilter,
  ): Promise<Stored<T>[]> {
    const items = await queryByKeyGroups(this.ctx, this.itemsPath, 'fields/InternshipKey', keys, {
      ...(filter ? { filter } : {}),
      expand: this.expand,
    });
    return items.map((i) => this.fromItem(i));
  }

  /** $batch requests in chunks of 20, a few chunks in flight. */
  protected async runBatches<R>(reqs: BatchRequest[]): Promise<BatchResult<R>[]> {
    const groups = chunk(reqs, BATCH_LIMIT);
    const results = await mapPool(groups, this.ctx.concurrency ?? 4, (g) =>
      batch<R>(this.ctx.graph, g, this.ctx.retry),
    );
    return results.flat();
  }

  /** Person oids of the values → lookup ids (one resolution for a whole bulk write). */
  private async lookups(values: readonly Partial<T>[]): Promise<Map<string, string>> {
    if (!this.mapping.persons) return new Map();
    const oids = values.flatMap((v) =>
      Object.values(this.mapping.persons!(v)).filter((o): o is string => typeof o === 'string' && o !== ''),
    );
    return oids.length === 0 ? new Map() : this.ctx.people.lookupIdsFor(oids);
  }

  private fieldsFor(v: Partial<T>, lookups: Map<string, string>): Fields {
    const f = this.mapping.toFields(v);
    for (const [column, oid] of Object.entries(this.mapping.persons?.(v) ?? {})) {
      if (oid === undefined) continue;
      f[`${column}Oid`] = oid ?? null;
      // Without a lookup id (user unknown to the site) the person column stays as it is: the oid is what counts.
      const lookupId = oid ? lookups.get(oid) : undefined;
      if (oid === null) f[`${column}LookupId`] = null;
      else if (lookupId) f[`${column}LookupId`] = lookupId;
    }
    return f;
  }

  async create(value: NewRecord<T>): Promise<Stored<T>> {
    const v = value as unknown as Partial<T>;
    const fields = this.fieldsFor(v, await this.lookups([v]));
    try {
      const item = await this.ctx.graph.post<ListItem>(
        `${this.itemsPath}`,
        { fields: { ...fields, Key: value.key } },
        { retrySafe: true },
      );
      // A create answers with every field; re-read only if this tenant did not include them.
      return item.fields ? this.fromItem(item) : ((await this.getById(item.id)) ?? this.fromItem(item));
    } catch (e) {
      if (!(e instanceof AlreadyExistsError)) throw new RepositoryWriteError(this.list, value.key, e);
      const existing = await this.getByKey(value.key);
      if (!existing) throw new RepositoryWriteError(this.list, value.key, e);
      return existing;
    }
  }

  /** Creates in $batch (20 per request); items that already exist (by Key) are returned as they are. */
  async createMany(values: readonly NewRecord<T>[]): Promise<Stored<T>[]> {
    if (values.length === 0) return [];
    const partials = values as unknown as Partial<T>[];
    const lookups = await this.lookups(partials);
    const reqs: BatchRequest[] = values.map((value, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: this.itemsPath,
      body: { fields: { ...this.fieldsFor(partials[i]!, lookups), Key: value.key } },
      retrySafe: true,
    }));
    const results = await this.runBatches<ListItem>(reqs);
    const out: (Stored<T> | undefined)[] = results.map((r) =>
      r.status === 201 || r.status === 200 ? this.fromItem(r.body) : undefined,
    );
    const existingKeys: string[] = [];
    results.forEach((r, i) => {
      if (out[i]) return;
      if (r.error instanceof AlreadyExistsError) existingKeys.push(values[i]!.key);
      else throw new RepositoryWriteError(this.list, values[i]!.key, r.error);
    });
    if (existingKeys.length > 0) {
      const existing = await this.byKeys(existingKeys);
      results.forEach((r, i) => {
        if (out[i]) return;
        const found = existing.get(values[i]!.key);
        if (!found) throw new RepositoryWriteError(this.list, values[i]!.key, r.error);
        out[i] = found;
      });
    }
    return out as Stored<T>[];
  }

  /** True when `current` already holds every column `patch` writes (our own replayed write, see the header). */
  private alreadyApplied(current: Stored<T>, patch: Partial<T>): boolean {
    const wanted = this.mapping.toFields(patch);
    const have = this.mapping.toFields(current as Partial<T>);
    const persons = this.mapping.persons?.(patch) ?? {};
    const havePersons = this.mapping.persons?.(current as Partial<T>) ?? {};
    return (
      Object.entries(wanted).every(
        ([k, v]) => k === 'Title' || JSON.stringify(have[k] ?? null) === JSON.stringify(v ?? null),
      ) && Object.entries(persons).every(([k, v]) => v === undefined || (havePersons[k] ?? null) === v)
    );
  }

  private merged(current: Stored<T>, patch: Partial<T>, etag: string): Stored<T> {
    return { ...current, ...patch, etag };
  }

  async update(current: Stored<T>, patch: Partial<T>): Promise<Stored<T>> {
    const fields = this.fieldsFor(patch, await this.lookups([patch]));
    try {
      const set = await this.ctx.graph.patch<Fields>(`${this.itemPath(current.id)}/fields`, fields, {
        ifMatch: current.etag,
        retrySafe: true,
        fetchCurrentOnConflict: `${this.itemPath(current.id)}${buildQuery({ expand: this.expand })}`,
      });
      return set && typeof set === 'object' && 'Key' in set
        ? this.fromFieldSet(current.id, set)
        : this.merged(current, patch, String(set?.['@odata.etag'] ?? ''));
    } catch (e) {
      if (!(e instanceof ConflictError)) throw new RepositoryWriteError(this.list, current.key, e);
      const now = e.current ? this.fromItem(e.current as ListItem) : await this.getById(current.id);
      if (now && this.alreadyApplied(now, patch)) return now;
      throw new RepositoryConflictError<T>(this.list, current.key, now, e);
    }
  }

  /**
   * Updates in $batch (20 per request), each guarded by its ETag. Conflicts do not stop the others: they come
   * back with the current version, for the caller to merge or report.
   */
  async updateMany(changes: readonly BulkUpdate<T>[]): Promise<BulkUpdateResult<T>> {
    if (changes.length === 0) return { updated: [], conflicts: [] };
    const lookups = await this.lookups(changes.map((c) => c.patch));
    const reqs: BatchRequest[] = changes.map((c, i) => ({
      id: String(i + 1),
      method: 'PATCH',
      url: `${this.itemPath(c.current.id)}/fields`,
      body: this.fieldsFor(c.patch, lookups),
      headers: { 'If-Match': c.current.etag },
      retrySafe: true,
    }));
    const results = await this.runBatches<Fields>(reqs);
    const updated: Stored<T>[] = [];
    const stale: number[] = [];
    results.forEach((r, i) => {
      const c = changes[i]!;
      if (r.status === 200 && r.body && typeof r.body === 'object' && 'Key' in r.body)
        updated.push(this.fromFieldSet(c.current.id, r.body));
      else if (r.status >= 200 && r.status < 300)
        updated.push(this.merged(c.current, c.patch, String(r.body?.['@odata.etag'] ?? '')));
      else if (r.error instanceof ConflictError) stale.push(i);
      else throw new RepositoryWriteError(this.list, c.current.key, r.error);
    });
    const conflicts: RepositoryConflictError<T>[] = [];
    if (stale.length > 0) {
      const fetched = await this.runBatches<ListItem>(
        stale.map((i) => ({
          method: 'GET' as const,
          url: `${this.itemPath(changes[i]!.current.id)}${buildQuery({ expand: this.expand })}`,
        })),
      );
      fetched.forEach((r, j) => {
        const c = changes[stale[j]!]!;
        const now = r.status === 200 ? this.fromItem(r.body) : undefined;
        if (now && this.alreadyApplied(now, c.patch)) updated.push(now);
        else conflicts.push(new RepositoryConflictError<T>(this.list, c.current.key, now, r.error));
      });
    }
    return { updated, conflicts };
  }

  async delete(current: Stored<T>): Promise<void> {
    try {
      await this.ctx.graph.delete(this.itemPath(current.id), { ifMatch: current.etag });
    } catch (e) {
      if (e instanceof NotFoundError) return;
      if (e instanceof ConflictError)
        throw new RepositoryConflictError<T>(this.list, current.key, await this.getById(current.id), e);
      throw e;
    }
  }
}

/**
 * List items whose `column` (indexed) is one of `keys`: the keys ORed in groups of KEYS_PER_QUERY, each group ANDed
 * with `filter`, the group queries sent in $batch (20 per request, a few requests in flight), every page followed.
 */
export async function queryByKeyGroups(
  ctx: RepositoryContext,
  itemsPath: string,
  column: string,
  keys: readonly string[] | 'all',
  opts: { filter?: ODataFilter; expand: string },
): Promise<ListItem[]> {
  // Every internship (a coordinator's home): one paged query on the indexed filter alone is cheaper than
  // thousands of keys in groups; the caller keeps the internships it wants.
  if (keys === 'all')
    return pageAll<ListItem>(
      ctx.graph,
      `${itemsPath}${buildQuery({ ...(opts.filter ? { filter: opts.filter } : {}), expand: opts.expand, top: LIST_ITEMS_MAX_TOP })}`,
    );
  const unique = [...new Set(keys)].filter((k) => k !== '');
  if (unique.length === 0) return [];
  const reqs: BatchRequest[] = chunk(unique, KEYS_PER_QUERY).map((group) => {
    const byKey = anyOf(column, group);
    return {
      method: 'GET',
      url: `${itemsPath}${buildQuery({
        filter: opts.filter ? and(byKey, opts.filter) : byKey,
        expand: opts.expand,
        top: LIST_ITEMS_MAX_TOP,
      })}`,
    };
  });
  const results = await mapPool(chunk(reqs, BATCH_LIMIT), ctx.concurrency ?? 4, (g) =>
    batch<{ value?: ListItem[]; '@odata.nextLink'?: string }>(ctx.graph, g, ctx.retry),
  );
  const out: ListItem[] = [];
  for (const r of results.flat()) {
    if (r.error) throw r.error;
    out.push(...(r.body.value ?? []));
    const next = r.body['@odata.nextLink'];
    if (next) out.push(...(await pageAll<ListItem>(ctx.graph, next)));
  }
  return out;
}

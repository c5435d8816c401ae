import { randomUUID } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { badRequest, conflict, GraphError, notFound, preconditionFailed } from '../http/errors';
import type { Db } from '../store/db';
import { builtInColumns, fieldKey, normaliseValue, type ColumnDef } from './columns';
import type { SqlField } from './odata';
import type { IdentitySet, ListInfo, ListItemRecord, ListTemplate, SiteInfo } from './ports';

/** SharePoint's lookup id of the app-only principal ("SharePoint App") and of the system account. */
export const APP_LOOKUP_ID = 1073741822;
export const SYSTEM_LOOKUP_ID = 1073741823;

export const USER_INFO_LIST = 'User Information List';

export type SiteRole = 'owner' | 'member' | 'visitor';
export interface RoleAssignment {
  principalId: string;
  role: SiteRole;
}
export interface AppGrant {
  id: string;
  siteId: string;
  appId: string;
  displayName: string;
  roles: string[];
}

interface ItemRow {
  list_id: string;
  item_id: number;
  guid: string;
  version: number;
  content_type: ListItemRecord['contentType'];
  fields: string;
  created: string;
  modified: string;
  author_id: number;
  editor_id: number;
  author: string;
  editor: string;
}

interface ListRow {
  id: string;
  site_id: string;
  name: string;
  display_name: string;
  description: string;
  template: ListTemplate;
  hidden: number;
  system: number;
  drive_id: string | null;
  created: string;
  modified: string;
  unique_roles: string | null;
}

interface SiteRow {
  id: string;
  hostname: string;
  path: string;
  name: string;
  display_name: string;
  is_root: number;
  created: string;
  modified: string;
}

/** Who performs a write, resolved to a site lookup id and a Graph identitySet. */
export interface Actor {
  lookupId: number;
  identity: IdentitySet;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS sp_sites (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  hostname TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  is_root INTEGER NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sp_lists (
  id TEXT PRIMARY KEY COLLATE NOCASE,
  site_id TEXT NOT NULL,
  name TEXT NOT NULL,
  display_name TEXT NOT NULL,
  description TEXT NOT NULL,
  template TEXT NOT NULL,
  hidden INTEGER NOT NULL,
  system INTEGER NOT NULL,
  drive_id TEXT,
  next_item_id INTEGER NOT NULL DEFAULT 1,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  unique_roles TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS sp_lists_title ON sp_lists (site_id, display_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS sp_columns (
  site_id TEXT NOT NULL,
  list_id TEXT NOT NULL,
  name TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  def TEXT NOT NULL,
  PRIMARY KEY (site_id, list_id, name)
);
CREATE TABLE IF NOT EXISTS sp_items (
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  guid TEXT NOT NULL,
  version INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  fields TEXT NOT NULL,
  created TEXT NOT NULL,
  modified TEXT NOT NULL,
  author_id INTEGER NOT NULL,
  editor_id INTEGER NOT NULL,
  author TEXT NOT NULL,
  editor TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS sp_items_created ON sp_items (list_id, created);
CREATE INDEX IF NOT EXISTS sp_items_modified ON sp_items (list_id, modified);
CREATE TABLE IF NOT EXISTS sp_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  at_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sp_changes_list ON sp_changes (list_id, seq);
CREATE INDEX IF NOT EXISTS sp_changes_at ON sp_changes (at_ms);
CREATE TABLE IF NOT EXISTS sp_grants (
  id TEXT NOT NULL,
  site_id TEXT NOT NULL,
  app_id TEXT NOT NULL COLLATE NOCASE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  PRIMARY KEY (site_id, id),
  UNIQUE (site_id, app_id)
);
CREATE TABLE IF NOT EXISTS sp_site_roles (
  site_id TEXT NOT NULL,
  principal_id TEXT NOT NULL COLLATE NOCASE,
  role TEXT NOT NULL,
  PRIMARY KEY (site_id, principal_id)
);
CREATE TABLE IF NOT EXISTS sp_site_users (
  site_id TEXT NOT NULL,
  user_id TEXT NOT NULL COLLATE NOCASE,
  lookup_id INTEGER NOT NULL,
  PRIMARY KEY (site_id, user_id)
);
`;

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Name of the SQLite expression index for a column name (index names are case-insensitive; names are not). */
const indexName = (key: string) => `sp_items_ix_${Buffer.from(key).toString('hex')}`;

/**
 * SharePoint sites, lists, columns and items in SQLite. Items keep their column values as one JSON document;
 * every indexed column gets an expression index `(list_id, json_extract(fields,'$.X'))`, so an indexed `$filter`
 * is an index lookup. Sites, lists and column schemas are cached in memory (they change rarely and are read on
 * every request); every write goes through this class, which keeps the caches coherent.
 */
export class SharePointStore {
  private readonly sites = new Map<string, SiteInfo>();
  private readonly lists = new Map<string, ListInfo & { uniqueRoles: RoleAssignment[] | null }>();
  private readonly columns = new Map<string, ColumnDef[]>();
  private readonly stmts = new Map<string, Statement>();

  constructor(
    readonly db: Db,
    readonly hostname: string,
    private readonly now: () => Date,
  ) {
    db.exec(SCHEMA);
    for (const row of db.prepare('SELECT * FROM sp_sites').all() as SiteRow[]) this.cacheSite(row);
    for (const row of db.prepare('SELECT * FROM sp_lists').all() as ListRow[]) this.cacheList(row);
  }

  /** Prepared statements are compiled once per SQL text (filters produce a handful of shapes). */
  stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      if (this.stmts.size > 500) this.stmts.clear();
      this.stmts.set(sql, s);
    }
    return s;
  }

  // ---- sites -------------------------------------------------------------------------------------------------

  private cacheSite(row: SiteRow): SiteInfo {
    const site: SiteInfo = {
      id: row.id,
      hostname: row.hostname,
      path: row.path,
      name: row.name,
      displayName: row.display_name,
      webUrl: `https://${row.hostname}${row.path === '/' ? '' : row.path}`,
      isRoot: row.is_root === 1,
      createdDateTime: row.created,
      lastModifiedDateTime: row.modified,
    };
    this.sites.set(row.id.toLowerCase(), site);
    return site;
  }

  siteById(id: string): SiteInfo | undefined {
    return this.sites.get(id.toLowerCase());
  }

  siteByPath(path: string): SiteInfo | undefined {
    const norm = normalisePath(path);
    for (const s of this.sites.values()) if (s.path.toLowerCase() === norm.toLowerCase()) return s;
    return undefined;
  }

  rootSite(): SiteInfo | undefined {
    for (const s of this.sites.values()) if (s.isRoot) return s;
    return undefined;
  }

  allSites(): SiteInfo[] {
    return [...this.sites.values()];
  }

  createSite(path: string, displayName: string): SiteInfo {
    const norm = normalisePath(path);
    const existing = this.siteByPath(norm);
    if (existing) return existing;
    const id = `${this.hostname},${randomUUID()},${randomUUID()}`;
    const at = iso(this.now());
    const name = norm === '/' ? displayName : norm.split('/').filter(Boolean).pop()!;
    this.db
      .prepare(
        'INSERT INTO sp_sites (id, hostname, path, name, display_name, is_root, created, modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, this.hostname, norm, name, displayName, norm === '/' ? 1 : 0, at, at);
    return this.cacheSite(this.db.prepare('SELECT * FROM sp_sites WHERE id = ?').get(id) as SiteRow);
  }

  // ---- lists -------------------------------------------------------------------------------------------------

  private cacheList(row: ListRow) {
    const site = this.siteById(row.site_id);
    const base = site?.webUrl ?? '';
    const list = {
      id: row.id,
      siteId: row.site_id,
      name: row.name,
      displayName: row.display_name,
      description: row.description,
      template: row.template,
      hidden: row.hidden === 1,
      system: row.system === 1,
      webUrl:
        row.template === 'documentLibrary'
          ? `${base}/${encodeURI(row.name)}`
          : row.template === 'userInformation'
            ? `${base}/_catalogs/users`
            : `${base}/Lists/${encodeURI(row.name)}`,
      driveId: row.drive_id,
      createdDateTime: row.created,
      lastModifiedDateTime: row.modified,
      uniqueRoles: row.unique_roles ? (JSON.parse(row.unique_roles) as RoleAssignment[]) : null,
    };
    this.lists.set(row.id.toLowerCase(), list);
    return list;
  }

  private reloadList(id: string) {
    const row = this.db.prepare('SELECT * FROM sp_lists WHERE id = ?').get(id) as ListRow | undefined;
    if (!row) {
      this.lists.delete(id.toLowerCase());
      return undefined;
    }
    return this.cacheList(row);
  }

  listById(id: string) {
    return this.lists.get(id.toLowerCase());
  }

  /** A list of a site by id, display name or URL name (case-insensitive), as Graph's `lists/{list-id | title}`. */
  findList(siteId: string, ref: string) {
    const byId = this.lists.get(ref.toLowerCase());
    if (byId && byId.siteId === siteId) return byId;
    const lower = ref.toLowerCase();
    for (const l of this.lists.values())
      if (l.siteId === siteId && (l.displayName.toLowerCase() === lower || l.name.toLowerCase() === lower))
        return l;
    return undefined;
  }

  listsOfSite(siteId: string) {
    return [...this.lists.values()]
      .filter((l) => l.siteId === siteId)
      .sort((a, b) => a.createdDateTime.localeCompare(b.createdDateTime) || a.name.localeCompare(b.name));
  }

  allLists() {
    return [...this.lists.values()];
  }

  createList(
    siteId: string,
    input: {
      displayName: string;
      name?: string;
      description?: string;
      template: ListTemplate;
      hidden?: boolean;
      system?: boolean;
      columns?: ColumnDef[];
    },
  ) {
    const dup = this.findList(siteId, input.displayName);
    if (dup)
      throw conflict(
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        'nameAlreadyExists',
      );
    const id = randomUUID();
    const at = iso(this.now());
    const name = input.name ?? (input.displayName.replace(/[^A-Za-z0-9_-]/g, '') || 'List');
    const cols = [...builtInColumns(input.template), ...(input.columns ?? [])];
    const seen = new Set<string>();
    for (const c of cols) {
      if (seen.has(c.name.toLowerCase())) throw conflict(`A duplicate field name "${c.name}" was found.`);
      seen.add(c.name.toLowerCase());
    }
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO sp_lists (id, site_id, name, display_name, description, template, hidden, system, created, modified)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          siteId,
          name,
          input.displayName,
          input.description ?? '',
          input.template,
          input.hidden ? 1 : 0,
          input.system ? 1 : 0,
          at,
          at,
        );
      cols.forEach((c, i) => this.insertColumn(siteId, id, c, i));
    })();
    for (const c of cols) if (c.indexed) this.ensureIndex(c);
    return this.reloadList(id)!;
  }

  updateList(listId: string, patch: { displayName?: string; description?: string }) {
    const list = this.listById(listId);
    if (!list) throw notFound('The specified list was not found');
    if (
      patch.displayName !== undefined &&
      patch.displayName.toLowerCase() !== list.displayName.toLowerCase()
    ) {
      if (this.findList(list.siteId, patch.displayName))
        throw conflict(
          'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
        );
    }
    this.db
      .prepare('UPDATE sp_lists SET display_name = ?, description = ?, modified = ? WHERE id = ?')
      .run(
        patch.displayName ?? list.displayName,
        patch.description ?? list.description,
        iso(this.now()),
        listId,
      );
    return this.reloadList(listId)!;
  }

  deleteList(listId: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sp_items WHERE list_id = ?').run(listId);
      this.db.prepare('DELETE FROM sp_columns WHERE list_id = ?').run(listId);
      this.db.prepare('DELETE FROM sp_changes WHERE list_id = ?').run(listId);
      this.db.prepare('DELETE FROM sp_lists WHERE id = ?').run(listId);
    })();
    this.columns.delete(listId.toLowerCase());
    this.lists.delete(listId.toLowerCase());
  }

  setListDrive(listId: string, driveId: string): void {
    this.db.prepare('UPDATE sp_lists SET drive_id = ? WHERE id = ?').run(driveId, listId);
    this.reloadList(listId);
  }

  setListRoles(listId: string, assignments: RoleAssignment[] | null): void {
    this.db
      .prepare('UPDATE sp_lists SET unique_roles = ? WHERE id = ?')
      .run(assignments ? JSON.stringify(assignments) : null, listId);
    this.reloadList(listId);
  }

  // ---- columns -----------------------------------------------------------------------------------------------

  private insertColumn(siteId: string, listId: string, col: ColumnDef, position: number): void {
    this.db
      .prepare('INSERT INTO sp_columns (site_id, list_id, name, position, def) VALUES (?, ?, ?, ?, ?)')
      .run(siteId, listId, col.name, position, JSON.stringify(col));
  }

  /** Columns of a list ('' for site columns), in creation order; cached. */
  columnsOf(siteId: string, listId: string): ColumnDef[] {
    const key = `${siteId.toLowerCase()}|${listId.toLowerCase()}`;
    let cols = this.columns.get(key);
    if (!cols) {
      cols = (
        this.db
          .prepare('SELECT def FROM sp_columns WHERE site_id = ? AND list_id = ? ORDER BY position')
          .all(siteId, listId) as { def: string }[]
      ).map((r) => JSON.parse(r.def) as ColumnDef);
      this.columns.set(key, cols);
    }
    return cols;
  }

  addColumn(siteId: string, listId: string, col: ColumnDef): ColumnDef {
    const cols = this.columnsOf(siteId, listId);
    const clash = cols.find(
      (c) =>
        c.name.toLowerCase() === col.name.toLowerCase() ||
        fieldKey(c).toLowerCase() === col.name.toLowerCase(),
    );
    if (clash) throw conflict(`A duplicate field name "${col.name}" was found.`);
    this.insertColumn(siteId, listId, col, cols.length);
    this.columns.delete(`${siteId.toLowerCase()}|${listId.toLowerCase()}`);
    if (col.indexed) this.ensureIndex(col);
    return col;
  }

  replaceColumn(siteId: string, listId: string, col: ColumnDef): ColumnDef {
    this.db
      .prepare('UPDATE sp_columns SET def = ? WHERE site_id = ? AND list_id = ? AND name = ?')
      .run(JSON.stringify(col), siteId, listId, col.name);
    this.columns.delete(`${siteId.toLowerCase()}|${listId.toLowerCase()}`);
    if (col.indexed) this.ensureIndex(col);
    return col;
  }

  deleteColumn(siteId: string, listId: string, name: string): void {
    this.db
      .prepare('DELETE FROM sp_columns WHERE site_id = ? AND list_id = ? AND name = ?')
      .run(siteId, listId, name);
    this.columns.delete(`${siteId.toLowerCase()}|${listId.toLowerCase()}`);
  }

  /** One expression index per column name, shared by all lists (list_id leads, so each list uses its part). */
  private readonly ensuredIndexes = new Set<string>();

  private ensureIndex(col: ColumnDef): void {
    if (col.builtIn) return;
    const key = fieldKey(col);
    const marker = `${key}|${col.enforceUniqueValues ? 'u' : ''}`;
    if (this.ensuredIndexes.has(marker)) return;
    this.ensuredIndexes.add(marker);
    // Partial indexes: every list shares sp_items, so a full expression index per column name would be written
    // (as NULL) on every insert into every list; rows without the column stay out.
    const expr = `json_extract(fields, '$.${key}')`;
    this.db.exec(
      `CREATE INDEX IF NOT EXISTS ${indexName(key)} ON sp_items (list_id, ${expr}) WHERE ${expr} IS NOT NULL`,
    );
    // Unique text is compared case-insensitively (checkUnique); without a NOCASE index that check scans the list.
    if (col.enforceUniqueValues)
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${indexName(key)}_nocase ON sp_items (list_id, ${expr} COLLATE NOCASE) WHERE ${expr} IS NOT NULL`,
      );
  }

  /**
   * SQL for a field path of `$filter`/`$orderby` (`fields/X`), plus whether the column is indexed. Built-in
   * columns map to row columns; the others to the same json_extract expression as their index.
   */
  sqlField(cols: ColumnDef[], path: string): SqlField & { indexed: boolean; name: string } {
    const m = /^fields\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(path);
    if (!m)
      throw badRequest(
        `Invalid filter clause: '${path}' cannot be filtered or sorted on; use fields/<column name>.`,
      );
    const name = m[1]!;
    const lower = name.toLowerCase();
    if (lower === 'id') return { sql: 'item_id', kind: 'number', indexed: true, name };
    const col = cols.find((c) => c.name.toLowerCase() === lower || fieldKey(c).toLowerCase() === lower);
    if (!col) throw badRequest(`Field '${name}' is not recognized`);
    switch (col.name) {
      case 'Created':
        return { sql: 'created', kind: 'datetime', indexed: col.indexed, name: col.name };
      case 'Modified':
        return { sql: 'modified', kind: 'datetime', indexed: col.indexed, name: col.name };
      case 'Author':
        return { sql: 'author_id', kind: 'number', indexed: col.indexed, name: col.name };
      case 'Editor':
        return { sql: 'editor_id', kind: 'number', indexed: col.indexed, name: col.name };
      case 'ContentType':
        return { sql: 'content_type', kind: 'text', indexed: col.indexed, name: col.name };
      case 'Attachments':
        return { sql: '0', kind: 'boolean', indexed: col.indexed, name: col.name };
    }
    const kind: SqlField['kind'] =
      col.type === 'number' || col.type === 'personOrGroup' || col.type === 'lookup'
        ? 'number'
        : col.type === 'boolean'
          ? 'boolean'
          : col.type === 'dateTime'
            ? 'datetime'
            : 'text';
    return { sql: `json_extract(fields, '$.${fieldKey(col)}')`, kind, indexed: col.indexed, name: col.name };
  }

  // ---- items -------------------------------------------------------------------------------------------------

  private toRecord(row: ItemRow, siteId: string): ListItemRecord {
    return {
      listId: row.list_id,
      siteId,
      id: row.item_id,
      guid: row.guid,
      version: row.version,
      eTag: `"{${row.guid.toUpperCase()}},${row.version}"`,
      contentType: row.content_type,
      fields: JSON.parse(row.fields) as Record<string, unknown>,
      createdDateTime: row.created,
      lastModifiedDateTime: row.modified,
      createdBy: JSON.parse(row.author) as IdentitySet,
      lastModifiedBy: JSON.parse(row.editor) as IdentitySet,
      authorLookupId: row.author_id,
      editorLookupId: row.editor_id,
    };
  }

  getItem(siteId: string, listId: string, itemId: number): ListItemRecord | undefined {
    const row = this.stmt('SELECT * FROM sp_items WHERE list_id = ? AND item_id = ?').get(listId, itemId) as
      ItemRow | undefined;
    return row ? this.toRecord(row, siteId) : undefined;
  }

  /** Runs a compiled query over one list's items. */
  queryItems(
    siteId: string,
    listId: string,
    where: string,
    params: unknown[],
    orderBy: string,
    limit: number,
    offset: number,
  ): ListItemRecord[] {
    const sql = `SELECT * FROM sp_items WHERE list_id = ?${where ? ` AND ${where}` : ''} ORDER BY ${orderBy} LIMIT ? OFFSET ?`;
    return (this.stmt(sql).all(listId, ...params, limit, offset) as ItemRow[]).map((r) =>
      this.toRecord(r, siteId),
    );
  }

  /** Validates a fieldValueSet against the list's columns; `trusted` (port callers) may set read-only ones. */
  normaliseFields(
    cols: ColumnDef[],
    input: Record<string, unknown>,
    trusted: boolean,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) {
      if (key.startsWith('@')) continue;
      const lower = key.toLowerCase();
      const col = cols.find((c) => fieldKey(c).toLowerCase() === lower);
      if (!col) {
        const byName = cols.find((c) => c.name.toLowerCase() === lower);
        if (byName && fieldKey(byName) !== byName.name)
          throw badRequest(
            `Field '${key}' is not recognized. Write person and lookup columns as '${fieldKey(byName)}'.`,
          );
        throw badRequest(`Field '${key}' is not recognized`);
      }
      if (col.readOnly && !trusted) throw badRequest(`Field '${key}' is read-only`);
      if (col.builtIn && col.name !== 'Title' && !trusted) throw badRequest(`Field '${key}' is read-only`);
      out[fieldKey(col)] = normaliseValue(col, value);
    }
    return out;
  }

  /** Refuses a value already present in another item of the list for a column that enforces unique values. */
  private checkUnique(
    cols: ColumnDef[],
    listId: string,
    fields: Record<string, unknown>,
    selfId: number,
  ): void {
    for (const col of cols) {
      if (!col.enforceUniqueValues) continue;
      const key = fieldKey(col);
      const value = fields[key];
      if (value === undefined || value === null) continue;
      const expr = `json_extract(fields, '$.${key}')`;
      // SharePoint compares unique text case-insensitively.
      // INDEXED BY: without statistics SQLite prefers the clustered primary key (list_id) and scans the whole
      // list on every create, which makes bulk loads quadratic.
      if (typeof value === 'string') this.ensureIndex(col);
      const sql =
        typeof value === 'string'
          ? `SELECT item_id FROM sp_items INDEXED BY ${indexName(key)}_nocase WHERE list_id = ? AND ${expr} = ? COLLATE NOCASE AND item_id <> ? LIMIT 1`
          : `SELECT item_id FROM sp_items WHERE list_id = ? AND ${expr} = ? AND item_id <> ? LIMIT 1`;
      const bound =
        typeof value === 'boolean'
          ? value
            ? 1
            : 0
          : typeof value === 'object'
            ? JSON.stringify(value)
            : value;
      if (this.stmt(sql).get(listId, bound, selfId))
        throw new GraphError(
          409,
          'nameAlreadyExists',
          `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${col.name}].`,
        );
    }
  }

  private recordChange(listId: string, itemId: number): void {
    this.stmt('INSERT INTO sp_changes (list_id, item_id, at_ms) VALUES (?, ?, ?)').run(
      listId,
      itemId,
      this.now().getTime(),
    );
  }

  createItem(
    siteId: string,
    listId: string,
    fields: Record<string, unknown>,
    actor: Actor,
    contentType: ListItemRecord['contentType'] = 'Item',
  ): ListItemRecord {
    const cols = this.columnsOf(siteId, listId);
    const at = iso(this.now());
    const id = this.db.transaction(() => {
      this.checkUnique(cols, listId, fields, 0);
      const next = this.stmt(
        'UPDATE sp_lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id',
      ).get(listId) as { next_item_id: number } | undefined;
      if (!next) throw notFound('The specified list was not found');
      const itemId = next.next_item_id - 1;
      const who = JSON.stringify(actor.identity);
      this.stmt(
        `INSERT INTO sp_items (list_id, item_id, guid, version, content_type, fields, created, modified, author_id, editor_id, author, editor)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        listId,
        itemId,
        randomUUID(),
        contentType,
        JSON.stringify(fields),
        at,
        at,
        actor.lookupId,
        actor.lookupId,
        who,
        who,
      );
      this.recordChange(listId, itemId);
      return itemId;
    })();
    return this.getItem(siteId, listId, id)!;
  }

  updateItem(
    siteId: string,
    listId: string,
    itemId: number,
    fields: Record<string, unknown>,
    actor: Actor,
    ifMatch: string | undefined,
  ): ListItemRecord {
    const cols = this.columnsOf(siteId, listId);
    this.db.transaction(() => {
      const current = this.getItem(siteId, listId, itemId);
      if (!current) throw notFound('Item not found');
      checkIfMatch(current, ifMatch);
      const merged = { ...current.fields, ...fields };
      for (const [k, v] of Object.entries(merged)) if (v === null) delete merged[k];
      this.checkUnique(cols, listId, fields, itemId);
      this.stmt(
        'UPDATE sp_items SET fields = ?, version = version + 1, modified = ?, editor_id = ?, editor = ? WHERE list_id = ? AND item_id = ?',
      ).run(
        JSON.stringify(merged),
        iso(this.now()),
        actor.lookupId,
        JSON.stringify(actor.identity),
        listId,
        itemId,
      );
      this.recordChange(listId, itemId);
    })();
    return this.getItem(siteId, listId, itemId)!;
  }

  deleteItem(siteId: string, listId: string, itemId: number, ifMatch?: string): void {
    this.db.transaction(() => {
      const current = this.getItem(siteId, listId, itemId);
      if (!current) throw notFound('Item not found');
      checkIfMatch(current, ifMatch);
      this.stmt('DELETE FROM sp_items WHERE list_id = ? AND item_id = ?').run(listId, itemId);
      this.recordChange(listId, itemId);
    })();
  }

  // ---- change log (delta) ------------------------------------------------------------------------------------

  maxChangeSeq(): number {
    return (this.stmt('SELECT COALESCE(MAX(seq), 0) AS m FROM sp_changes').get() as { m: number }).m;
  }

  /** Items changed after `afterSeq` up to `untilSeq`, each once at its latest change, in change order. */
  changesSince(
    listId: string,
    afterSeq: number,
    untilSeq: number,
    limit: number,
  ): { itemId: number; seq: number }[] {
    return this.stmt(
      `SELECT item_id AS itemId, MAX(seq) AS seq FROM sp_changes WHERE list_id = ? AND seq > ? AND seq <= ?
         GROUP BY item_id ORDER BY seq LIMIT ?`,
    ).all(listId, afterSeq, untilSeq, limit) as { itemId: number; seq: number }[];
  }

  /** Forgets changes older than the retention; tokens older than that are answered 410 anyway. */
  purgeChanges(olderThanMs: number): void {
    this.stmt('DELETE FROM sp_changes WHERE at_ms < ?').run(olderThanMs);
  }

  // ---- permissions and users ---------------------------------------------------------------------------------

  siteRoles(siteId: string): RoleAssignment[] {
    return this.stmt('SELECT principal_id AS principalId, role FROM sp_site_roles WHERE site_id = ?').all(
      siteId,
    ) as RoleAssignment[];
  }

  setSiteRole(siteId: string, principalId: string, role: SiteRole | 'none'): void {
    if (role === 'none')
      this.stmt('DELETE FROM sp_site_roles WHERE site_id = ? AND principal_id = ?').run(siteId, principalId);
    else
      this.stmt(
        'INSERT INTO sp_site_roles (site_id, principal_id, role) VALUES (?, ?, ?) ON CONFLICT (site_id, principal_id) DO UPDATE SET role = excluded.role',
      ).run(siteId, principalId, role);
  }

  grantsOf(siteId: string): AppGrant[] {
    return (
      this.stmt(
        'SELECT id, site_id AS siteId, app_id AS appId, display_name AS displayName, roles FROM sp_grants WHERE site_id = ? ORDER BY rowid',
      ).all(siteId) as (Omit<AppGrant, 'roles'> & { roles: string })[]
    ).map((g) => ({ ...g, roles: JSON.parse(g.roles) as string[] }));
  }

  grantFor(siteId: string, appId: string): AppGrant | undefined {
    return this.grantsOf(siteId).find((g) => g.appId.toLowerCase() === appId.toLowerCase());
  }

  /** One grant per app and site, as the service keeps it: granting again replaces the roles. */
  upsertGrant(
    siteId: string,
    appId: string,
    displayName: string,
    roles: string[],
    tenantId: string,
  ): AppGrant {
    const existing = this.grantFor(siteId, appId);
    // Real permission ids are base64 of the app's SharePoint claim; stable per app, as here.
    const id =
      existing?.id ??
      Buffer.from(`i:0i.t|ms.sp.ext|${appId.toLowerCase()}@${tenantId}`).toString('base64url');
    this.stmt(
      `INSERT INTO sp_grants (id, site_id, app_id, display_name, roles) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (site_id, app_id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles`,
    ).run(id, siteId, appId, displayName, JSON.stringify(roles));
    return this.grantFor(siteId, appId)!;
  }

  updateGrantRoles(siteId: string, grantId: string, roles: string[]): AppGrant | undefined {
    this.stmt('UPDATE sp_grants SET roles = ? WHERE site_id = ? AND id = ?').run(
      JSON.stringify(roles),
      siteId,
      grantId,
    );
    return this.grantsOf(siteId).find((g) => g.id === grantId);
  }

  deleteGrant(siteId: string, grantId: string): boolean {
    return this.stmt('DELETE FROM sp_grants WHERE site_id = ? AND id = ?').run(siteId, grantId).changes > 0;
  }

  lookupIdOf(siteId: string, userId: string): number | undefined {
    const row = this.stmt('SELECT lookup_id FROM sp_site_users WHERE site_id = ? AND user_id = ?').get(
      siteId,
      userId,
    ) as { lookup_id: number } | undefined;
    return row?.lookup_id;
  }

  /** Adds a user to the site's User Information List (an item there; its id is the lookup id). */
  addSiteUser(
    siteId: string,
    user: { id: string; displayName: string; mail: string | null; userPrincipalName: string },
  ): number {
    const existing = this.lookupIdOf(siteId, user.id);
    if (existing !== undefined) return existing;
    const uil = this.findList(siteId, USER_INFO_LIST);
    if (!uil) throw new Error(`site ${siteId} has no User Information List`);
    const item = this.createItem(
      siteId,
      uil.id,
      {
        Title: user.displayName,
        Name: `i:0#.f|membership|${user.userPrincipalName.toLowerCase()}`,
        EMail: user.mail ?? user.userPrincipalName,
        UserName: user.userPrincipalName.toLowerCase(),
      },
      { lookupId: SYSTEM_LOOKUP_ID, identity: { user: { displayName: 'System Account' } } },
    );
    this.stmt('INSERT INTO sp_site_users (site_id, user_id, lookup_id) VALUES (?, ?, ?)').run(
      siteId,
      user.id,
      item.id,
    );
    return item.id;
  }
}

/** If-Match: `*` matches any version; otherwise the item's eTag, with or without quotes (or W/). */
export function checkIfMatch(item: ListItemRecord, ifMatch: string | undefined): void {
  if (ifMatch === undefined || ifMatch.trim() === '') return;
  const wanted = ifMatch
    .split(',')
    .map((s) => s.trim())
    .join(',');
  if (wanted === '*') return;
  const strip = (s: string) => s.replace(/^W\//, '').replace(/^"|"$/g, '').toLowerCase();
  if (strip(wanted) !== strip(item.eTag)) throw preconditionFailed();
}

export function normalisePath(path: string): string {
  const p = `/${path.split('/').filter(Boolean).join('/')}`;
  return p;
}

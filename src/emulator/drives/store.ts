import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../store/db';

/** An identitySet as driveItems carry it in createdBy/lastModifiedBy. */
export type IdentitySet = Record<string, Record<string, string>>;

export interface DriveRow {
  id: string;
  site_id: string;
  list_id: string;
  name: string;
  root_id: string;
  created_at: string;
}

export interface ItemRow {
  id: string;
  drive_id: string;
  parent_id: string | null;
  name: string;
  is_folder: number;
  size: number;
  mime_type: string | null;
  quick_xor: string | null;
  uid: string;
  version: number;
  content_version: number;
  created_at: string;
  modified_at: string;
  created_by: string;
  modified_by: string;
  list_item_id: string | null;
}

export interface PermissionRow {
  id: string;
  item_id: string;
  user_id: string;
  roles: string;
  granted_by: string;
  created_at: string;
}

export interface UploadSessionRow {
  id: string;
  drive_id: string;
  parent_id: string;
  name: string;
  target_item_id: string | null;
  conflict: string;
  total: number | null;
  received: number;
  expires_at: string;
  defer_commit: number;
  created_by: string;
  /** The caller who created the session, as JSON: the fragments are pre-authenticated on their behalf. */
  principal: string;
}

/**
 * Tables of the drives module (prefix drv_). File bytes and upload fragments are SQLite blobs, so an acknowledged
 * write is durable the same way as the metadata (WAL, see store/db.ts) and a kill -9 mid-upload leaves a
 * resumable session. Cascades keep subtrees, content and grants consistent when a folder is deleted.
 */
export function ensureDriveTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS drv_drives (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      list_id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      root_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS drv_items (
      id TEXT PRIMARY KEY,
      drive_id TEXT NOT NULL REFERENCES drv_drives(id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES drv_items(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      is_folder INTEGER NOT NULL,
      size INTEGER NOT NULL DEFAULT 0,
      mime_type TEXT,
      quick_xor TEXT,
      uid TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 1,
      content_version INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL,
      modified_at TEXT NOT NULL,
      created_by TEXT NOT NULL,
      modified_by TEXT NOT NULL,
      list_item_id TEXT
    );
    CREATE UNIQUE INDEX IF NOT EXISTS drv_items_child_name ON drv_items(parent_id, name COLLATE NOCASE);
    CREATE INDEX IF NOT EXISTS drv_items_drive ON drv_items(drive_id);
    CREATE INDEX IF NOT EXISTS drv_items_list_item ON drv_items(drive_id, list_item_id);
    CREATE TABLE IF NOT EXISTS drv_content (
      item_id TEXT PRIMARY KEY REFERENCES drv_items(id) ON DELETE CASCADE,
      data BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS drv_permissions (
      id TEXT NOT NULL,
      item_id TEXT NOT NULL REFERENCES drv_items(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      roles TEXT NOT NULL,
      granted_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (item_id, id)
    );
    CREATE INDEX IF NOT EXISTS drv_permissions_user ON drv_permissions(user_id);
    CREATE TABLE IF NOT EXISTS drv_upload_sessions (
      id TEXT PRIMARY KEY,
      drive_id TEXT NOT NULL REFERENCES drv_drives(id) ON DELETE CASCADE,
      parent_id TEXT NOT NULL,
      name TEXT NOT NULL,
      target_item_id TEXT,
      conflict TEXT NOT NULL,
      total INTEGER,
      received INTEGER NOT NULL DEFAULT 0,
      expires_at TEXT NOT NULL,
      defer_commit INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      principal TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS drv_upload_chunks (
      session_id TEXT NOT NULL REFERENCES drv_upload_sessions(id) ON DELETE CASCADE,
      offset INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (session_id, offset)
    );
  `);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** SharePoint driveItem ids look like "01" + 32 base32 characters (e.g. 01BYE5RZ56Y2GOVW7725BZO354PWSELRRZ). */
export function newItemId(): string {
  const bytes = randomBytes(20);
  let bits = 0;
  let value = 0;
  let out = '01';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < 34) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

const guidBytes = (s: string | undefined): Buffer | undefined => {
  const hex = s?.replace(/-/g, '') ?? '';
  return /^[0-9a-f]{32}$/i.test(hex) ? Buffer.from(hex, 'hex') : undefined;
};

/**
 * Drive ids of document libraries are "b!" + base64url(site collection id, web id, list id), so the same library
 * always has the same drive id; we derive it the same way from "host,siteGuid,webGuid" and the list's guid.
 */
export function driveIdFor(siteId: string, listId: string): string {
  const [, site, web] = siteId.split(',');
  const parts = [guidBytes(site), guidBytes(web), guidBytes(listId)];
  const bytes = parts.every(Boolean) ? Buffer.concat(parts as Buffer[]) : randomBytes(48);
  return `b!${bytes.toString('base64url')}`;
}

export class DriveStore {
  constructor(private readonly db: Db) {
    ensureDriveTables(db);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  // ---- drives

  createDrive(siteId: string, listId: string, name: string, now: string, system: IdentitySet): DriveRow {
    const existing = this.db.prepare('SELECT * FROM drv_drives WHERE list_id = ?').get(listId) as
      DriveRow | undefined;
    if (existing) return existing;
    const drive: DriveRow = {
      id: driveIdFor(siteId, listId),
      site_id: siteId,
      list_id: listId,
      name,
      root_id: newItemId(),
      created_at: now,
    };
    this.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO drv_drives (id, site_id, list_id, name, root_id, created_at) VALUES (@id, @site_id, @list_id, @name, @root_id, @created_at)',
        )
        .run(drive);
      this.insertItem({
        id: drive.root_id,
        drive_id: drive.id,
        parent_id: null,
        name: 'root',
        is_folder: 1,
        size: 0,
        mime_type: null,
        quick_xor: null,
        uid: randomUUID().toUpperCase(),
        version: 1,
        content_version: 1,
        created_at: now,
        modified_at: now,
        created_by: JSON.stringify(system),
        modified_by: JSON.stringify(system),
        list_item_id: null,
      });
    });
    return drive;
  }

  renameDrive(listId: string, name: string): void {
    this.db.prepare('UPDATE drv_drives SET name = ? WHERE list_id = ?').run(name, listId);
  }

  getDrive(id: string): DriveRow | undefined {
    return this.db.prepare('SELECT * FROM drv_drives WHERE id = ?').get(id) as DriveRow | undefined;
  }

  driveForList(listId: string): DriveRow | undefined {
    return this.db.prepare('SELECT * FROM drv_drives WHERE list_id = ? COLLATE NOCASE').get(listId) as
      DriveRow | undefined;
  }

  drivesOfSite(siteId: string): DriveRow[] {
    return this.db
      .prepare('SELECT * FROM drv_drives WHERE site_id = ? COLLATE NOCASE ORDER BY created_at, rowid')
      .all(siteId) as DriveRow[];
  }

  // ---- items

  insertItem(row: ItemRow): ItemRow {
    this.db
      .prepare(
        `INSERT INTO drv_items (id, drive_id, parent_id, name, is_folder, size, mime_type, quick_xor, uid, version,
           content_version, created_at, modified_at, created_by, modified_by, list_item_id)
         VALUES (@id, @drive_id, @parent_id, @name, @is_folder, @size, @mime_type, @quick_xor, @uid, @version,
           @content_version, @created_at, @modified_at, @created_by, @modified_by, @list_item_id)`,
      )
      .run(row);
    return row;
  }

  getItem(id: string): ItemRow | undefined {
    return this.db.prepare('SELECT * FROM drv_items WHERE id = ?').get(id) as ItemRow | undefined;
  }

  /** The file or folder behind a list item of the drive's library (a listItem's driveItem). */
  itemByListItem(driveId: string, listItemId: string): ItemRow | undefined {
    return this.db
      .prepare('SELECT * FROM drv_items WHERE drive_id = ? AND list_item_id = ?')
      .get(driveId, listItemId) as ItemRow | undefined;
  }

  childByName(parentId: string, name: string): ItemRow | undefined {
    return this.db
      .prepare('SELECT * FROM drv_items WHERE parent_id = ? AND name = ? COLLATE NOCASE')
      .get(parentId, name) as ItemRow | undefined;
  }

  children(parentId: string): ItemRow[] {
    return this.db
      .prepare('SELECT * FROM drv_items WHERE parent_id = ? ORDER BY name COLLATE NOCASE, id')
      .all(parentId) as ItemRow[];
  }

  childCount(parentId: string): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM drv_items WHERE parent_id = ?').get(parentId) as {
        n: number;
      }
    ).n;
  }

  /** The item and everything below it. */
  subtree(id: string): ItemRow[] {
    return this.db
      .prepare(
        `WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT i.id FROM drv_items i JOIN t ON i.parent_id = t.id)
         SELECT drv_items.* FROM drv_items JOIN t ON drv_items.id = t.id`,
      )
      .all(id) as ItemRow[];
  }

  /** Folder sizes are the sum of the files below them, as SharePoint reports. */
  folderSize(id: string): number {
    return (
      this.db
        .prepare(
          `WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT i.id FROM drv_items i JOIN t ON i.parent_id = t.id)
           SELECT COALESCE(SUM(size), 0) AS n FROM drv_items WHERE id IN (SELECT id FROM t) AND is_folder = 0`,
        )
        .get(id) as { n: number }
    ).n;
  }

  /** Ancestors from the parent up to the root (nearest first). */
  ancestors(item: ItemRow): ItemRow[] {
    const out: ItemRow[] = [];
    let cur = item.parent_id ? this.getItem(item.parent_id) : undefined;
    while (cur) {
      out.push(cur);
      cur = cur.parent_id ? this.getItem(cur.parent_id) : undefined;
    }
    return out;
  }

  updateItem(id: string, fields: Partial<ItemRow>): void {
    const keys = Object.keys(fields);
    if (keys.length === 0) return;
    this.db
      .prepare(`UPDATE drv_items SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`)
      .run({ ...fields, id });
  }

  deleteItem(id: string): void {
    this.db.prepare('DELETE FROM drv_items WHERE id = ?').run(id);
  }

  setContent(itemId: string, data: Buffer): void {
    this.db
      .prepare(
        'INSERT INTO drv_content (item_id, data) VALUES (?, ?) ON CONFLICT(item_id) DO UPDATE SET data = excluded.data',
      )
      .run(itemId, data);
  }

  getContent(itemId: string): Buffer {
    const row = this.db.prepare('SELECT data FROM drv_content WHERE item_id = ?').get(itemId) as
      { data: Buffer } | undefined;
    return row?.data ?? Buffer.alloc(0);
  }

  // ---- permissions

  permissionsOn(itemId: string): PermissionRow[] {
    return this.db
      .prepare('SELECT * FROM drv_permissions WHERE item_id = ? ORDER BY created_at, rowid')
      .all(itemId) as PermissionRow[];
  }

  upsertPermission(row: PermissionRow): void {
    this.db
      .prepare(
        `INSERT INTO drv_permissions (id, item_id, user_id, roles, granted_by, created_at)
         VALUES (@id, @item_id, @user_id, @roles, @granted_by, @created_at)
         ON CONFLICT(item_id, id) DO UPDATE SET roles = excluded.roles`,
      )
      .run(row);
  }

  deletePermission(itemId: string, id: string): void {
    this.db.prepare('DELETE FROM drv_permissions WHERE item_id = ? AND id = ?').run(itemId, id);
  }

  /** Whether the user holds a grant on any item of the drive: SharePoint's "limited access" to the library. */
  hasGrantInDrive(driveId: string, userId: string): boolean {
    return !!this.db
      .prepare(
        'SELECT 1 FROM drv_permissions p JOIN drv_items i ON i.id = p.item_id WHERE i.drive_id = ? AND p.user_id = ? LIMIT 1',
      )
      .get(driveId, userId);
  }

  // ---- upload sessions

  createSession(row: UploadSessionRow): void {
    this.db
      .prepare(
        `INSERT INTO drv_upload_sessions (id, drive_id, parent_id, name, target_item_id, conflict, total, received,
           expires_at, defer_commit, created_by, principal)
         VALUES (@id, @drive_id, @parent_id, @name, @target_item_id, @conflict, @total, @received, @expires_at,
           @defer_commit, @created_by, @principal)`,
      )
      .run(row);
  }

  getSession(id: string): UploadSessionRow | undefined {
    return this.db.prepare('SELECT * FROM drv_upload_sessions WHERE id = ?').get(id) as
      UploadSessionRow | undefined;
  }

  /** Stores one accepted fragment and advances the session in one transaction (durable before we answer 202). */
  appendChunk(id: string, offset: number, data: Buffer, total: number, expiresAt: string): void {
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO drv_upload_chunks (session_id, offset, data) VALUES (?, ?, ?)')
        .run(id, offset, data);
      this.db
        .prepare('UPDATE drv_upload_sessions SET received = ?, total = ?, expires_at = ? WHERE id = ?')
        .run(offset + data.length, total, expiresAt, id);
    });
  }

  sessionBytes(id: string): Buffer {
    const rows = this.db
      .prepare('SELECT data FROM drv_upload_chunks WHERE session_id = ? ORDER BY offset')
      .all(id) as { data: Buffer }[];
    return Buffer.concat(rows.map((r) => r.data));
  }

  deleteSession(id: string): void {
    this.db.prepare('DELETE FROM drv_upload_sessions WHERE id = ?').run(id);
  }

  /** Expired sessions are cleaned up lazily, as the service does ("might not be deleted immediately"). */
  purgeExpiredSessions(nowIso: string): void {
    this.db.prepare('DELETE FROM drv_upload_sessions WHERE expires_at < ?').run(nowIso);
  }
}

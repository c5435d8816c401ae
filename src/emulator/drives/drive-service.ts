import { randomUUID } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { accessDenied, badRequest, conflict, GraphError, notFound, preconditionFailed } from '../http/errors';
import type { EmuRequest, Principal } from '../http/types';
import { sharepointPort, type ListInfo, type SharePointPort, type SiteInfo } from '../sharepoint/ports';
import { atLeast, DriveAccess } from './access';
import { identityOf, pathSegments, type DownloadUrls, type RenderContext } from './json';
import { mimeTypeFor, renamedCandidate, type ConflictBehavior } from './names';
import type { ItemAddress } from './paths';
import { quickXorHash } from './quick-xor-hash';
import { newItemId, type DriveRow, type DriveStore, type IdentitySet, type ItemRow } from './store';

/** A drive resolved from the URL, with what rendering needs. */
export interface DriveScope {
  drive: DriveRow;
  site: SiteInfo | undefined;
  list: ListInfo | undefined;
  render: RenderContext;
}

export const itemNotFound = () => notFound('The resource could not be found.');
export const nameExists = () => conflict('The specified item name already exists.', 'nameAlreadyExists');

/**
 * The drives module's operations on items, shared by the item routes, upload sessions and sharing. Every Graph
 * entry point goes through `openDrive` (403 accessDenied when the caller has no access to the library at all) and
 * `readable`/`writable` (404 itemNotFound for items trimmed from the caller's view, 403 accessDenied when it can
 * see but not change them), which is how SharePoint answers.
 */
export class DriveService {
  readonly access: DriveAccess;

  constructor(
    readonly ctx: EmulatorContext,
    readonly store: DriveStore,
    readonly downloads: DownloadUrls,
  ) {
    this.access = new DriveAccess(store, () => this.sharepoint);
  }

  /** Looked up per call: the SharePoint module may register before or after this one. */
  get sharepoint(): SharePointPort {
    const port = sharepointPort(this.ctx);
    if (!port)
      throw new GraphError(
        503,
        'serviceNotAvailable',
        'The SharePoint module of the emulator is not loaded.',
      );
    return port;
  }

  scope(drive: DriveRow): DriveScope {
    const site = this.sharepoint.getSite(drive.site_id);
    const list = this.sharepoint.getList(drive.site_id, drive.list_id);
    return {
      drive,
      site,
      list,
      render: { store: this.store, drive, site, list, downloads: this.downloads, now: this.ctx.now() },
    };
  }

  /** `/drives/{id}`, `/sites/{s}/drives/{id}`, `/sites/{s}/lists/{l}/drive` or `/sites/{s}/drive`. */
  resolveDrive(params: Record<string, string | undefined>): DriveScope {
    const siteRef = params.siteId?.replace(/:$/, '');
    let site: SiteInfo | undefined;
    if (siteRef !== undefined) {
      site = this.sharepoint.getSite(siteRef);
      if (!site) throw notFound('Requested site could not be found');
    }
    let drive: DriveRow | undefined;
    if (params.driveId) {
      drive = this.store.getDrive(params.driveId);
      if (drive && site && drive.site_id.toLowerCase() !== site.id.toLowerCase()) drive = undefined;
    } else if (site && params.listId) {
      const list = this.sharepoint.getList(site.id, params.listId);
      if (!list) throw notFound('The specified list was not found');
      drive = this.store.driveForList(list.id);
    } else if (site) {
      const lib = this.sharepoint.defaultLibrary(site.id);
      drive = lib ? this.store.driveForList(lib.id) : undefined;
    }
    if (!drive) throw itemNotFound();
    return this.scope(drive);
  }

  openDrive(principal: Principal, scope: DriveScope): void {
    if (!this.access.canOpenDrive(principal, scope.drive)) throw accessDenied('Access denied');
  }

  private baseItem(scope: DriveScope, addr: ItemAddress): ItemRow {
    const id = addr.base?.kind === 'id' ? addr.base.id : scope.drive.root_id;
    const item = this.store.getItem(id);
    if (!item || item.drive_id !== scope.drive.id) throw itemNotFound();
    return item;
  }

  /**
   * Walks the path part. SharePoint lets a user with limited access traverse folders they cannot read to reach
   * what was shared with them, so intermediate folders are not checked; the target is (by the caller).
   */
  resolveItem(scope: DriveScope, addr: ItemAddress): ItemRow {
    let cur = this.baseItem(scope, addr);
    for (const name of addr.path) {
      const next = this.store.childByName(cur.id, name);
      if (!next) throw itemNotFound();
      cur = next;
    }
    return cur;
  }

  /** For creation by path: the parent folder, the new leaf name and the item already there, if any. */
  locate(scope: DriveScope, addr: ItemAddress): { parent: ItemRow; name: string; existing?: ItemRow } {
    if (addr.path.length === 0) throw badRequest('A file name is required in the path.', 'invalidRequest');
    const parent = this.resolveItem(scope, { ...addr, path: addr.path.slice(0, -1) });
    if (!parent.is_folder) throw itemNotFound();
    const name = addr.path[addr.path.length - 1]!;
    const existing = this.store.childByName(parent.id, name);
    return existing ? { parent, name, existing } : { parent, name };
  }

  isReadable(principal: Principal, scope: DriveScope, item: ItemRow): boolean {
    // The root is reachable with limited access; what is below it is trimmed.
    if (item.parent_id === null) return true;
    return atLeast(this.access.itemRole(principal, scope.drive, item), 'read');
  }

  readable(principal: Principal, scope: DriveScope, item: ItemRow): void {
    if (!this.isReadable(principal, scope, item)) throw itemNotFound();
  }

  writable(principal: Principal, scope: DriveScope, item: ItemRow): void {
    const role = this.access.itemRole(principal, scope.drive, item);
    if (atLeast(role, 'write')) return;
    if (item.parent_id !== null && role === 'none') throw itemNotFound();
    throw accessDenied('Access denied');
  }

  /** If-Match with the item's eTag or cTag (quoted or not); anything else is 412 resourceModified. */
  checkIfMatch(req: EmuRequest, item: ItemRow): void {
    const header = req.headers['if-match']?.trim();
    if (!header || header === '*') return;
    const bare = (t: string) => t.replace(/^W\//, '').replace(/^"|"$/g, '');
    const tags = [`{${item.uid}},${item.version}`, `c:{${item.uid}},${item.content_version}`];
    if (!tags.includes(bare(header))) throw preconditionFailed();
  }

  /** Picks the name per conflictBehavior: 409 on fail, "name 1" on rename, the existing item on replace. */
  resolveConflict(
    parent: ItemRow,
    name: string,
    behavior: ConflictBehavior,
    isFolder: boolean,
  ): { name: string; replace?: ItemRow } {
    const existing = this.store.childByName(parent.id, name);
    if (!existing) return { name };
    if (behavior === 'fail') throw nameExists();
    if (behavior === 'replace') return { name: existing.name, replace: existing };
    for (let n = 1; ; n++) {
      const candidate = renamedCandidate(name, n, isFolder);
      if (!this.store.childByName(parent.id, candidate)) return { name: candidate };
    }
  }

  // ---- the listItem facet (every file and folder of a library is an item of that list)

  private serverRelativeUrl(scope: DriveScope, segments: string[]): string {
    const sitePath = scope.site?.path && scope.site.path !== '/' ? scope.site.path : '';
    const libName = scope.list?.name ?? scope.drive.name;
    return [`${sitePath}/${libName}`, ...segments].join('/');
  }

  /** The document columns SharePoint maintains itself (read-only through Graph). */
  private systemFields(scope: DriveScope, item: ItemRow): Record<string, unknown> {
    const fields: Record<string, unknown> = {
      FileLeafRef: item.name,
      FileRef: this.serverRelativeUrl(scope, pathSegments(this.store, item)),
    };
    if (!item.is_folder) fields.FileSizeDisplay = item.size;
    return fields;
  }

  private syncListItem(scope: DriveScope, item: ItemRow, principal: Principal): void {
    if (!item.list_item_id || !scope.list) return;
    this.sharepoint.updateListItem(
      scope.drive.site_id,
      scope.list.id,
      Number(item.list_item_id),
      this.systemFields(scope, item),
      principal,
    );
  }

  // ---- writes

  createItem(
    scope: DriveScope,
    parent: ItemRow,
    name: string,
    kind: { folder: true } | { folder: false; content: Buffer },
    principal: Principal,
    by: IdentitySet = identityOf(this.ctx.db, principal),
  ): ItemRow {
    const now = this.ctx.now().toISOString();
    const content = kind.folder ? undefined : kind.content;
    const row: ItemRow = {
      id: newItemId(),
      drive_id: scope.drive.id,
      parent_id: parent.id,
      name,
      is_folder: kind.folder ? 1 : 0,
      size: content?.length ?? 0,
      mime_type: content ? mimeTypeFor(name) : null,
      quick_xor: content ? quickXorHash(content) : null,
      uid: randomUUID().toUpperCase(),
      version: 1,
      content_version: 1,
      created_at: now,
      modified_at: now,
      created_by: JSON.stringify(by),
      modified_by: JSON.stringify(by),
      list_item_id: null,
    };
    return this.store.transaction(() => {
      this.store.insertItem(row);
      if (content) this.store.setContent(row.id, content);
      if (scope.list) {
        const li = this.sharepoint.createListItem(
          scope.drive.site_id,
          scope.list.id,
          this.systemFields(scope, row),
          principal,
          kind.folder ? 'Folder' : 'Document',
        );
        row.list_item_id = String(li.id);
        this.store.updateItem(row.id, { list_item_id: row.list_item_id });
      }
      return row;
    });
  }

  replaceContent(
    scope: DriveScope,
    item: ItemRow,
    content: Buffer,
    principal: Principal,
    by: IdentitySet = identityOf(this.ctx.db, principal),
  ): ItemRow {
    return this.store.transaction(() => {
      const fields: Partial<ItemRow> = {
        size: content.length,
        mime_type: mimeTypeFor(item.name),
        quick_xor: quickXorHash(content),
        version: item.version + 1,
        content_version: item.content_version + 1,
        modified_at: this.ctx.now().toISOString(),
        modified_by: JSON.stringify(by),
      };
      this.store.updateItem(item.id, fields);
      this.store.setContent(item.id, content);
      const updated = { ...item, ...fields };
      this.syncListItem(scope, updated, principal);
      return updated;
    });
  }

  deleteItem(scope: DriveScope, item: ItemRow): void {
    if (item.parent_id === null) throw accessDenied('The root of a drive cannot be deleted.');
    this.store.transaction(() => {
      for (const it of this.store.subtree(item.id))
        if (it.list_item_id && scope.list)
          this.sharepoint.deleteListItem(scope.drive.site_id, scope.list.id, Number(it.list_item_id));
      this.store.deleteItem(item.id);
    });
  }

  /** Rename and/or move; the list items of the whole subtree follow (their FileRef changes). */
  moveItem(
    scope: DriveScope,
    item: ItemRow,
    change: { name?: string; parent?: ItemRow },
    behavior: ConflictBehavior,
    principal: Principal,
  ): ItemRow {
    if (item.parent_id === null)
      throw badRequest('The root of a drive cannot be renamed or moved.', 'invalidRequest');
    const parent = change.parent ?? this.store.getItem(item.parent_id)!;
    if (!parent.is_folder) throw badRequest('The destination is not a folder.', 'invalidRequest');
    if (change.parent && this.store.subtree(item.id).some((i) => i.id === parent.id))
      throw badRequest('An item cannot be moved into itself or one of its children.', 'invalidRequest');
    const wanted = change.name ?? item.name;
    let name = wanted;
    const clash = this.store.childByName(parent.id, wanted);
    if (clash && clash.id !== item.id) {
      if (behavior === 'replace') this.deleteItem(scope, clash);
      else name = this.resolveConflict(parent, wanted, behavior, !!item.is_folder).name;
    }
    return this.store.transaction(() => {
      const fields: Partial<ItemRow> = {
        name,
        parent_id: parent.id,
        version: item.version + 1,
        modified_at: this.ctx.now().toISOString(),
        modified_by: JSON.stringify(identityOf(this.ctx.db, principal)),
      };
      this.store.updateItem(item.id, fields);
      for (const it of this.store.subtree(item.id)) this.syncListItem(scope, it, principal);
      return this.store.getItem(item.id)!;
    });
  }

  /** Errors the item routes share for bodies that are not JSON objects. */
  static jsonBody(req: EmuRequest): Record<string, unknown> {
    if (req.body.length === 0) return {};
    try {
      const v = JSON.parse(req.body.toString('utf8')) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      /* fall through */
    }
    throw new GraphError(400, 'BadRequest', 'Invalid request body: a JSON object was expected.');
  }
}

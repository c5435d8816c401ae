import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from '../context';
import { accessDenied, badRequest, GraphError, notFound } from '../http/errors';
import type { EmuRequest, EmuResponse, Handler } from '../http/types';
import { sharepointPort, type DrivesPort, type SharePointPort } from '../sharepoint/ports';
import { kvGet, kvSet } from '../store/db';
import { atLeast } from './access';
import { DriveService, itemNotFound, type DriveScope } from './drive-service';
import { applySelect, driveItemJson, driveJson, DownloadUrls, SYSTEM_ACCOUNT } from './json';
import { listItemDriveItemMiddleware } from './list-item-drive-item';
import { parseConflictBehavior, validateName } from './names';
import { parseDriveRest, type ItemAddress } from './paths';
import { Sharing } from './sharing';
import { DriveStore, type ItemRow } from './store';
import { UPLOAD_PATH_PREFIX, Uploads } from './uploads';

/** The service's default page size for children ("If a collection exceeds the default page size (200 items)"). */
export const DEFAULT_PAGE_SIZE = 200;

// A site segment is an id ("host,guid,guid", "root") or the path form "host:/sites/Stages:".
const SITE = '(?<siteId>[^/:]+:/[^:]*:|[^/]+)';
const DRIVE_ROUTES: RegExp[] = [
  /^\/drives\/(?<driveId>[^/]+)(?<rest>\/.*)?$/i,
  new RegExp(`^/sites/${SITE}/drives/(?<driveId>[^/]+)(?<rest>/.*)?$`, 'i'),
  new RegExp(`^/sites/${SITE}/lists/(?<listId>[^/]+)/drive(?<rest>/.*)?$`, 'i'),
  new RegExp(`^/sites/${SITE}/drive(?<rest>/.*)?$`, 'i'),
];
const SITE_DRIVES = new RegExp(`^/sites/${SITE}/drives/?$`, 'i');

/**
 * Document libraries as drives (issue #3): drives, driveItems by id and by path, simple and resumable uploads,
 * downloads through pre-authenticated URLs, the listItem facet, and sharing. Must be registered after the
 * SharePoint module, whose port gives sites, lists, list items and library-level roles.
 */
export function drivesModule(ctx: EmulatorContext): void {
  const store = new DriveStore(ctx.db);
  let secret = kvGet(ctx.db, 'drives.urlSecret');
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    kvSet(ctx.db, 'drives.urlSecret', secret);
  }
  const downloads = new DownloadUrls(secret, () => ctx.baseUrl());
  const svc = new DriveService(ctx, store, downloads);
  const uploads = new Uploads(svc);
  const sharing = new Sharing(svc);

  const port: DrivesPort = {
    createDriveForList: (siteId, listId, name) =>
      store.createDrive(siteId, listId, name, ctx.now().toISOString(), SYSTEM_ACCOUNT).id,
  };
  ctx.ports.drives = port;
  // Libraries the SharePoint module created before we were registered (e.g. a site's default "Documents");
  // when it registers after us, it calls createDriveForList itself.
  const early = sharepointPort(ctx);
  for (const lib of early?.librariesWithoutDrive() ?? [])
    early!.setListDrive(lib.id, port.createDriveForList(lib.siteId, lib.id, lib.displayName));

  const handler: Handler = (req, params) => {
    const scope = svc.resolveDrive(params);
    return dispatch(svc, uploads, sharing, svc.sharepoint, req, scope, parseDriveRest(params.rest));
  };
  for (const re of DRIVE_ROUTES)
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) ctx.graph.add(method, re, handler);
  // `/sites/{s}/lists/{l}/items?$expand=driveItem`: the list item routes are the SharePoint module's.
  ctx.graphMiddlewares.push(listItemDriveItemMiddleware(svc));

  ctx.graph.get(SITE_DRIVES, (req, params) => {
    const sharepoint = svc.sharepoint;
    const site = sharepoint.getSite((params.siteId ?? '').replace(/:$/, ''));
    if (!site) throw notFound('Requested site could not be found');
    const visible = store
      .drivesOfSite(site.id)
      .map((d) => svc.scope(d))
      .filter((s) => svc.access.canOpenDrive(req.principal, s.drive));
    if (visible.length === 0 && !atLeast(sharepoint.effectiveRole(req.principal, site.id), 'read'))
      throw accessDenied('Access denied');
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#drives`,
        value: visible.map((s) => driveJson(s, store.folderSize(s.drive.root_id))),
      },
    };
  });

  // Pre-authenticated URLs outside /v1.0: no Authorization header needed; one sent anyway is ignored.
  const uploadRoute = `${UPLOAD_PATH_PREFIX}{token}`;
  ctx.root.put(uploadRoute, (req, p) => uploads.putFragment(req, p.token ?? ''));
  ctx.root.get(uploadRoute, (_req, p) => uploads.status(p.token ?? ''));
  ctx.root.delete(uploadRoute, (_req, p) => uploads.cancel(p.token ?? ''));
  ctx.root.post(uploadRoute, (_req, p) => uploads.complete(p.token ?? ''));
  ctx.root.get('/_layouts/15/download.aspx', (req) => {
    const token = downloads.verify(req.query.get('tempauth') ?? '', ctx.now());
    const item = token ? store.getItem(token.itemId) : undefined;
    if (!token || !item)
      return {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'The download URL is invalid or has expired.' } },
      };
    const bytes = store.getContent(item.id);
    return {
      status: 200,
      headers: {
        'content-type': item.mime_type ?? 'application/octet-stream',
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
        etag: `"{${item.uid}},${item.version}"`,
      },
      body: bytes,
    };
  });
}

const READ_ONLY_FIELDS = new Set(
  [
    'FileLeafRef',
    'FileRef',
    'FileSizeDisplay',
    'ID',
    'Created',
    'Modified',
    'Author',
    'AuthorLookupId',
    'Editor',
    'EditorLookupId',
    'ContentType',
    'Attachments',
  ].map((f) => f.toLowerCase()),
);

function resourceNotFound(segment: string | undefined): GraphError {
  return new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment ?? ''}'.`);
}

function dispatch(
  svc: DriveService,
  uploads: Uploads,
  sharing: Sharing,
  sharepoint: SharePointPort,
  req: EmuRequest,
  scope: DriveScope,
  addr: ItemAddress,
): EmuResponse {
  const p = req.principal;
  svc.openDrive(p, scope);
  const [seg0, seg1, ...more] = addr.segments;
  const m = req.method;

  if (!addr.base) {
    if (m !== 'GET' || addr.segments.length > 0) throw resourceNotFound(seg0);
    return {
      status: 200,
      body: {
        '@odata.context': `${req.graphBase}/$metadata#drives/$entity`,
        ...(driveJson(scope, svc.store.folderSize(scope.drive.root_id)) as object),
      },
    };
  }
  if (more.length > 0) throw resourceNotFound(more[0]);

  // Creation by path: the leaf may not exist yet.
  if (m === 'PUT' && seg0?.toLowerCase() === 'content' && !seg1) return uploads.putContent(req, scope, addr);
  if (m === 'POST' && seg0?.toLowerCase() === 'createuploadsession' && !seg1)
    return uploads.createSession(req, scope, addr);

  const item = svc.resolveItem(scope, addr);
  svc.readable(p, scope, item);

  switch (`${m} ${seg0?.toLowerCase() ?? ''}${seg1 ? '/*' : ''}`.trimEnd()) {
    case 'GET':
      return { status: 200, body: applySelect(driveItemJson(scope.render, item), req.query.get('$select')) };
    case 'GET children':
      return listChildren(svc, req, scope, item);
    case 'POST children':
      return createFolder(svc, req, scope, item);
    case 'PATCH':
      return updateItem(svc, req, scope, item);
    case 'DELETE':
      svc.writable(p, scope, item);
      svc.checkIfMatch(req, item);
      svc.deleteItem(scope, item);
      return { status: 204 };
    case 'GET content':
      if (item.is_folder) throw itemNotFound();
      return { status: 302, headers: { location: svc.downloads.create(item, svc.ctx.now()) } };
    case 'POST invite':
      return sharing.invite(req, scope, item);
    case 'GET permissions':
      return sharing.list(req, scope, item);
    case 'GET permissions/*':
      return sharing.get(req, scope, item, seg1!);
    case 'PATCH permissions/*':
      return sharing.update(req, scope, item, seg1!);
    case 'DELETE permissions/*':
      return sharing.remove(req, scope, item, seg1!);
    case 'GET listitem':
    case 'GET listitem/*':
    case 'PATCH listitem/*':
      return listItemFacet(svc, sharepoint, req, scope, item, seg1);
    default:
      throw resourceNotFound(seg0);
  }
}

function listChildren(svc: DriveService, req: EmuRequest, scope: DriveScope, folder: ItemRow): EmuResponse {
  const topParam = req.query.get('$top');
  const top = topParam === null ? DEFAULT_PAGE_SIZE : Number(topParam);
  if (!Number.isInteger(top) || top < 1)
    throw badRequest(`Invalid value '${topParam}' for $top.`, 'invalidRequest');
  const skip = decodeSkipToken(req.query.get('$skiptoken') ?? req.query.get('$skipToken'));
  let children = svc.store.children(folder.id).filter((c) => svc.isReadable(req.principal, scope, c));
  const orderBy = req.query.get('$orderby');
  if (orderBy) {
    const [field, dir] = orderBy.trim().split(/\s+/);
    const key = (i: ItemRow): string | number =>
      field === 'lastModifiedDateTime' ? i.modified_at : field === 'size' ? i.size : i.name.toLowerCase();
    children = [...children].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    if (dir?.toLowerCase() === 'desc') children.reverse();
  }
  const page = children.slice(skip, skip + top);
  const body: Record<string, unknown> = {
    '@odata.context': `${req.graphBase}/$metadata#drives('${scope.drive.id}')/items('${folder.id}')/children`,
    value: page.map((c) => applySelect(driveItemJson(scope.render, c), req.query.get('$select'))),
  };
  if (skip + top < children.length) {
    // Graph keeps the `$` of system query options literal in nextLinks (…?$top=10&$skiptoken=…).
    const q = [...req.query.entries()].filter(([k]) => k.toLowerCase() !== '$skiptoken');
    q.push(['$skiptoken', encodeSkipToken(skip + top)]);
    const qs = q.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    body['@odata.nextLink'] = `${req.graphBase}${encodeURI(req.path)}?${qs}`;
  }
  return { status: 200, body };
}

// SharePoint's skip tokens are base64 of "Paged=TRUE&p_..." markers; ours carries the offset the same way.
const encodeSkipToken = (offset: number) =>
  Buffer.from(`Paged=TRUE&p_Offset=${offset}`).toString('base64url');
function decodeSkipToken(token: string | null): number {
  if (!token) return 0;
  const m = /p_Offset=(\d+)/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest('The $skiptoken is not valid.', 'invalidRequest');
  return Number(m[1]);
}

function createFolder(svc: DriveService, req: EmuRequest, scope: DriveScope, parent: ItemRow): EmuResponse {
  if (!parent.is_folder) throw badRequest('Children can only be created in a folder.', 'invalidRequest');
  const body = DriveService.jsonBody(req);
  const name = validateName(body.name);
  if (!body.folder || typeof body.folder !== 'object')
    throw badRequest(
      'Only folders can be created with POST; upload files with PUT …/content.',
      'invalidRequest',
    );
  const behavior = parseConflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  svc.writable(req.principal, scope, parent);
  const picked = svc.resolveConflict(parent, name, behavior, true);
  if (picked.replace) svc.deleteItem(scope, picked.replace);
  const created = svc.createItem(scope, parent, picked.name, { folder: true }, req.principal);
  return { status: 201, body: driveItemJson(scope.render, created) };
}

function updateItem(svc: DriveService, req: EmuRequest, scope: DriveScope, item: ItemRow): EmuResponse {
  svc.writable(req.principal, scope, item);
  svc.checkIfMatch(req, item);
  const body = DriveService.jsonBody(req);
  const change: { name?: string; parent?: ItemRow } = {};
  if (body.name !== undefined) change.name = validateName(body.name);
  const ref = body.parentReference as { id?: unknown; path?: unknown; driveId?: unknown } | undefined;
  if (ref) {
    if (ref.driveId !== undefined && ref.driveId !== scope.drive.id)
      throw badRequest('Moving items to another drive is not supported.', 'invalidRequest');
    let parent: ItemRow | undefined;
    if (typeof ref.id === 'string') parent = svc.store.getItem(ref.id);
    else if (typeof ref.path === 'string') {
      const m = /^\/drives\/[^/]+\/root:(?<path>.*)$|^\/drive\/root:(?<path2>.*)$/.exec(ref.path);
      const rel = m?.groups?.path ?? m?.groups?.path2;
      if (rel === undefined) throw badRequest('The parentReference path is not valid.', 'invalidRequest');
      parent = svc.resolveItem(scope, {
        base: { kind: 'root' },
        path: rel.split('/').filter(Boolean),
        segments: [],
      });
    }
    if (!parent || parent.drive_id !== scope.drive.id) throw itemNotFound();
    svc.writable(req.principal, scope, parent);
    change.parent = parent;
  }
  const behavior = parseConflictBehavior(
    body['@microsoft.graph.conflictBehavior'] ?? req.query.get('@microsoft.graph.conflictBehavior'),
    'fail',
  );
  const updated =
    change.name || change.parent ? svc.moveItem(scope, item, change, behavior, req.principal) : item;
  return { status: 200, body: driveItemJson(scope.render, updated) };
}

/** `GET …/listItem[?$expand=fields]`, `GET …/listItem/fields`, `PATCH …/listItem/fields`. */
function listItemFacet(
  svc: DriveService,
  sharepoint: SharePointPort,
  req: EmuRequest,
  scope: DriveScope,
  item: ItemRow,
  sub: string | undefined,
): EmuResponse {
  if (!item.list_item_id || !scope.list) throw itemNotFound();
  if (sub !== undefined && sub.toLowerCase() !== 'fields') throw resourceNotFound(sub);
  const siteId = scope.drive.site_id;
  const listId = scope.list.id;
  const id = Number(item.list_item_id);
  if (req.method === 'PATCH') {
    svc.writable(req.principal, scope, item);
    const fields = DriveService.jsonBody(req);
    // The port's update is trusted; a caller may only set the library's own columns (and Title), as via Graph.
    for (const key of Object.keys(fields))
      if (READ_ONLY_FIELDS.has(key.toLowerCase()))
        throw badRequest(`Field '${key}' is read-only`, 'invalidRequest');
    sharepoint.updateListItem(siteId, listId, id, fields, req.principal, req.headers['if-match']);
    const json = sharepoint.listItemJson(siteId, listId, id, req.graphBase, true) as { fields?: unknown };
    return { status: 200, body: json.fields ?? {} };
  }
  const expand = (req.query.get('$expand') ?? '').toLowerCase();
  if (sub) {
    const json = sharepoint.listItemJson(siteId, listId, id, req.graphBase, true) as { fields?: unknown };
    return { status: 200, body: json.fields ?? {} };
  }
  return {
    status: 200,
    body: sharepoint.listItemJson(siteId, listId, id, req.graphBase, expand.includes('fields')),
  };
}

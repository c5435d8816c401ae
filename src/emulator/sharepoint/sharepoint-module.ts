import type { EmulatorModule } from '../context';
import { accessDenied, badRequest, GraphError, notFound } from '../http/errors';
import type { EmuRequest, EmuResponse, Principal } from '../http/types';
import { getApp, getUser } from '../identity/directory-store';
import { kvGet, kvSet } from '../store/db';
import { columnFromBody, columnJson, patchColumn, type ColumnDef } from './columns';
import {
  applySelect,
  itemJson,
  itemsContext,
  fieldsJson,
  listJson,
  parseItemExpand,
  siteJson,
  type ExpandSpec,
} from './json';
import { compileFilter, filterFields, parseFilter, parseOrderBy } from './odata';
import {
  canManagePermissions,
  effectiveRole,
  EVERYONE,
  hasSitesPermission,
  ROLE_RANK,
  siteAccess,
} from './permissions';
import { drivesPort, type EffectiveRole, type ListInfo, type SharePointPort, type SiteInfo } from './ports';
import {
  APP_LOOKUP_ID,
  SharePointStore,
  USER_INFO_LIST,
  type Actor,
  type AppGrant,
  type RoleAssignment,
  type SiteRole,
} from './store';

/** Graph's default page size for list items, and the largest page it serves (a larger $top is capped). */
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
const DEFAULT_DELTA_RETENTION_DAYS = 30;
const RETENTION_KEY = 'sharepoint.deltaRetentionDays';

const NON_INDEXED = (name: string) =>
  badRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
    'invalidRequest',
  );
const SITE_NOT_FOUND = () => notFound('Requested site could not be found');
const LIST_NOT_FOUND = () => notFound('The specified list was not found');
const ITEM_NOT_FOUND = () => notFound('Item not found');

// `{site}` forms: root | composite id | hostname | host:/server/relative/path: (trailing colon before a sub-path).
const SITE_SELF = String.raw`^/sites/(?<site>root|[^/:]+|[^/:]+:/[^:]*?):?/?$`;
const SITE = String.raw`^/sites/(?<site>root|[^/:]+|[^/:]+:/[^:]*:)`;
const LIST = String.raw`/lists/(?<list>[^/]+)`;
const re = (...parts: string[]) => new RegExp(`${parts.join('')}/?$`, 'i');

function json(body: unknown, status = 200, headers?: Record<string, string>): EmuResponse {
  return { status, body, ...(headers ? { headers } : {}) };
}

function parseBody(req: EmuRequest): Record<string, unknown> {
  if (req.body.length === 0) return {};
  try {
    const v = JSON.parse(req.body.toString('utf8')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* fall through */
  }
  throw badRequest(
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    'BadRequest',
  );
}

/** `$select` on items; an expanded navigation property (fields) is returned whatever `$select` says (OData). */
function itemSelect(q: URLSearchParams, expand: ExpandSpec): string | null {
  const select = q.get('$select');
  return select && expand.fields ? `${select},fields,fields@odata.context` : select;
}

const encodeToken = (o: Record<string, unknown>) => Buffer.from(JSON.stringify(o)).toString('base64url');
function decodeToken<T>(s: string): T | undefined {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    return v && typeof v === 'object' ? (v as T) : undefined;
  } catch {
    return undefined;
  }
}

function parseTop(q: URLSearchParams, fallback: number): number {
  const raw = q.get('$top') ?? q.get('top');
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1)
    throw badRequest(`Invalid value '${raw}' for $top.`, 'invalidRequest');
  return Math.min(Number(raw), MAX_PAGE_SIZE);
}

/** The request's own URL with one query parameter replaced (for nextLink). */
function linkWith(req: EmuRequest, path: string, key: string, value: string, drop: string[] = []): string {
  const q = new URLSearchParams(req.query);
  for (const d of [...drop, key]) q.delete(d);
  q.set(key, value);
  return `${req.graphBase}${path}?${q.toString().replace(/\+/g, '%20')}`;
}

export const sharepointModule: EmulatorModule = (ctx) => {
  const store = new SharePointStore(ctx.db, ctx.config.hostname, () => ctx.now());

  const retentionMs = () =>
    Number(kvGet(ctx.db, RETENTION_KEY) ?? DEFAULT_DELTA_RETENTION_DAYS) * 24 * 3600_000;

  // ---- resolution and authorisation -----------------------------------------------------------------------------

  function resolveSite(ref: string): SiteInfo | undefined {
    if (ref.toLowerCase() === 'root') return store.rootSite();
    const pathForm = /^([^/:]+):(\/[^:]*?):?$/.exec(ref);
    if (pathForm) {
      if (pathForm[1]!.toLowerCase() !== store.hostname.toLowerCase()) return undefined;
      return store.siteByPath(pathForm[2]!);
    }
    if (ref.includes(',')) {
      const direct = store.siteById(ref);
      if (direct) return direct;
      // `hostname,siteCollectionGuid` (without the web id) also addresses a site collection's root web.
      const parts = ref.toLowerCase().split(',');
      if (parts.length === 2)
        return store.allSites().find((s) => s.id.toLowerCase().startsWith(`${parts[0]},${parts[1]},`));
      return undefined;
    }
    return ref.toLowerCase() === store.hostname.toLowerCase() ? store.rootSite() : undefined;
  }

  function gateSite(req: EmuRequest, ref: string, need: EffectiveRole = 'read'): SiteInfo {
    if (!hasSitesPermission(req.principal)) throw accessDenied();
    const site = resolveSite(ref);
    if (!site) throw SITE_NOT_FOUND();
    const role = siteAccess(store, req.principal, site.id);
    if (ROLE_RANK[role] < ROLE_RANK[need]) throw accessDenied();
    return site;
  }

  /** A list the caller cannot read is answered as missing (SharePoint does not reveal it); one it can read but not
   * write answers 403. */
  function gateList(req: EmuRequest, params: Record<string, string>, need: EffectiveRole = 'read') {
    const site = gateSite(req, params.site ?? '');
    const list = store.findList(site.id, params.list ?? '');
    if (!list) throw LIST_NOT_FOUND();
    const role = effectiveRole(store, req.principal, site.id, list.id);
    if (role === 'none') throw LIST_NOT_FOUND();
    if (ROLE_RANK[role] < ROLE_RANK[need]) throw accessDenied();
    if (need !== 'read' && list.system) throw accessDenied();
    return { site, list, cols: store.columnsOf(site.id, list.id) };
  }

  function actorFor(principal: Principal, siteId: string): Actor {
    if (principal.kind === 'app') {
      const app = getApp(ctx.db, principal.appId);
      return {
        lookupId: APP_LOOKUP_ID,
        identity: {
          application: { id: principal.appId, displayName: app?.displayName ?? principal.appId },
          user: { displayName: 'SharePoint App' },
        },
      };
    }
    const user = getUser(ctx.db, principal.oid);
    const lookupId = ensureUser(siteId, principal.oid);
    return {
      lookupId,
      identity: {
        user: {
          displayName: user?.displayName ?? principal.upn ?? principal.oid,
          email: user?.mail ?? user?.userPrincipalName ?? principal.upn ?? '',
          id: principal.oid,
        },
      },
    };
  }

  function ensureUser(siteId: string, userId: string): number {
    const existing = store.lookupIdOf(siteId, userId);
    if (existing !== undefined) return existing;
    const user = getUser(ctx.db, userId);
    if (!user) throw notFound(`User '${userId}' was not found in the directory.`);
    return store.addSiteUser(siteId, user);
  }

  // ---- sites ---------------------------------------------------------------------------------------------------

  function createLibrary(siteId: string, displayName: string, name: string, description = ''): ListInfo {
    const list = store.createList(siteId, { displayName, name, description, template: 'documentLibrary' });
    const drives = drivesPort(ctx);
    if (drives) store.setListDrive(list.id, drives.createDriveForList(siteId, list.id, displayName));
    return store.listById(list.id)!;
  }

  /** Every site has a User Information List and a default "Documents" library, as in SharePoint. */
  function createSite(path: string, displayName: string): { site: SiteInfo; created: boolean } {
    const existing = store.siteByPath(path);
    if (existing) return { site: existing, created: false };
    const site = store.createSite(path, displayName);
    store.createList(site.id, {
      displayName: USER_INFO_LIST,
      name: 'users',
      template: 'userInformation',
      hidden: true,
      system: true,
    });
    createLibrary(site.id, 'Documents', 'Shared Documents');
    return { site, created: true };
  }

  const port: SharePointPort = {
    effectiveRole: (principal, siteId, listId) => effectiveRole(store, principal, siteId, listId ?? null),
    getSite: (ref) => resolveSite(ref),
    getList: (siteId, ref) => store.findList(siteId, ref),
    getListByDriveId: (driveId) => store.allLists().find((l) => l.driveId === driveId),
    defaultLibrary: (siteId) =>
      store
        .listsOfSite(siteId)
        .find((l) => l.template === 'documentLibrary' && l.name === 'Shared Documents'),
    librariesWithoutDrive: () =>
      store.allLists().filter((l) => l.template === 'documentLibrary' && !l.driveId),
    setListDrive: (listId, driveId) => store.setListDrive(listId, driveId),
    createListItem: (siteId, listId, fields, by, contentType) => {
      const cols = store.columnsOf(siteId, listId);
      return store.createItem(
        siteId,
        listId,
        store.normaliseFields(cols, fields, true),
        actorFor(by, siteId),
        contentType,
      );
    },
    getListItem: (siteId, listId, itemId) => store.getItem(siteId, listId, itemId),
    updateListItem: (siteId, listId, itemId, fields, by, ifMatch) => {
      const cols = store.columnsOf(siteId, listId);
      return store.updateItem(
        siteId,
        listId,
        itemId,
        store.normaliseFields(cols, fields, true),
        actorFor(by, siteId),
        ifMatch,
      );
    },
    deleteListItem: (siteId, listId, itemId) => store.deleteItem(siteId, listId, itemId),
    listItemJson: (siteId, listId, itemId, graphBase, withFields) => {
      const site = store.siteById(siteId);
      const list = store.listById(listId);
      const rec = store.getItem(siteId, listId, itemId);
      if (!site || !list || !rec) return undefined;
      return itemJson(store, graphBase, site, list, store.columnsOf(siteId, listId), rec, {
        fields: withFields,
      });
    },
    ensureUser,
  };
  // Published before the root site is made, so a drives module registered earlier can call back into it.
  ctx.ports.sharepoint = port;
  if (!store.rootSite()) createSite('/', 'Communication site');

  const g = ctx.graph;

  g.get(new RegExp(SITE_SELF, 'i'), (req, p) => {
    const site = gateSite(req, p.site ?? '');
    return json({
      '@odata.context': `${req.graphBase}/$metadata#sites/$entity`,
      ...applySelect(siteJson(site), req.query.get('$select')),
    });
  });

  // ---- lists ---------------------------------------------------------------------------------------------------

  const listContext = (req: EmuRequest, site: SiteInfo) =>
    `${req.graphBase}/$metadata#sites('${site.id}')/lists`;

  g.get(re(SITE, '/lists'), (req, p) => {
    const site = gateSite(req, p.site ?? '');
    const select = req.query.get('$select');
    const withSystem = (select ?? '')
      .toLowerCase()
      .split(',')
      .map((s) => s.trim())
      .includes('system');
    const lists = store
      .listsOfSite(site.id)
      .filter((l) => withSystem || !l.system)
      .filter((l) => effectiveRole(store, req.principal, site.id, l.id) !== 'none');
    return json({
      '@odata.context': listContext(req, site),
      value: lists.map((l) => applySelect(listJson(l), select)),
    });
  });

  g.post(re(SITE, '/lists'), (req, p) => {
    const site = gateSite(req, p.site ?? '', 'write');
    const body = parseBody(req);
    const displayName = body.displayName;
    if (typeof displayName !== 'string' || !displayName.trim())
      throw badRequest('The list needs a displayName.', 'invalidRequest');
    const template = ((body.list as { template?: unknown } | undefined)?.template ?? 'genericList') as string;
    if (template !== 'genericList' && template !== 'documentLibrary')
      throw badRequest(
        `List template '${template}' is not supported by the emulator (genericList, documentLibrary).`,
      );
    const columns = Array.isArray(body.columns)
      ? (body.columns as Record<string, unknown>[]).map((c) => columnFromBody(c))
      : [];
    const name = displayName.replace(/[^A-Za-z0-9_-]/g, '') || 'List';
    let list: ListInfo;
    if (template === 'documentLibrary') {
      list = createLibrary(
        site.id,
        displayName,
        name,
        typeof body.description === 'string' ? body.description : '',
      );
      for (const c of columns) store.addColumn(site.id, list.id, c);
    } else
      list = store.createList(site.id, {
        displayName,
        name,
        description: typeof body.description === 'string' ? body.description : '',
        template: 'genericList',
        columns,
      });
    return json(
      {
        '@odata.context': `${listContext(req, site)}/$entity`,
        ...listJson(list, store.columnsOf(site.id, list.id), columnJson),
      },
      201,
    );
  });

  g.get(re(SITE, LIST), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const expand = (req.query.get('$expand') ?? '').toLowerCase();
    return json({
      '@odata.context': `${listContext(req, site)}/$entity`,
      ...applySelect(
        listJson(list, expand.includes('columns') ? cols : undefined, columnJson),
        req.query.get('$select'),
      ),
    });
  });

  g.patch(re(SITE, LIST), (req, p) => {
    const { site, list } = gateList(req, p, 'write');
    const body = parseBody(req);
    for (const k of ['displayName', 'description'] as const)
      if (body[k] !== undefined && typeof body[k] !== 'string') throw badRequest(`'${k}' must be a string.`);
    const updated = store.updateList(list.id, {
      ...(typeof body.displayName === 'string' ? { displayName: body.displayName } : {}),
      ...(typeof body.description === 'string' ? { description: body.description } : {}),
    });
    return json({ '@odata.context': `${listContext(req, site)}/$entity`, ...listJson(updated) });
  });

  g.delete(re(SITE, LIST), (req, p) => {
    const { list } = gateList(req, p, 'write');
    store.deleteList(list.id);
    return { status: 204 };
  });

  // ---- columns -------------------------------------------------------------------------------------------------

  const findColumn = (cols: ColumnDef[], ref: string) =>
    cols.find((c) => c.id.toLowerCase() === ref.toLowerCase() || c.name.toLowerCase() === ref.toLowerCase());
  const visibleColumns = (req: EmuRequest, cols: ColumnDef[]) =>
    (req.query.get('$select') ?? '').toLowerCase().includes('hidden') ? cols : cols.filter((c) => !c.hidden);

  g.get(re(SITE, LIST, '/columns'), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    return json({
      '@odata.context': `${listContext(req, site)}('${list.id}')/columns`,
      value: visibleColumns(req, cols).map((c) => applySelect(columnJson(c), req.query.get('$select'))),
    });
  });

  g.post(re(SITE, LIST, '/columns'), (req, p) => {
    const { site, list } = gateList(req, p, 'write');
    const col = store.addColumn(site.id, list.id, columnFromBody(parseBody(req)));
    return json(
      { '@odata.context': `${listContext(req, site)}('${list.id}')/columns/$entity`, ...columnJson(col) },
      201,
    );
  });

  g.get(re(SITE, LIST, '/columns/(?<col>[^/]+)'), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const col = findColumn(cols, p.col ?? '');
    if (!col) throw notFound('Column not found');
    return json({
      '@odata.context': `${listContext(req, site)}('${list.id}')/columns/$entity`,
      ...columnJson(col),
    });
  });

  g.patch(re(SITE, LIST, '/columns/(?<col>[^/]+)'), (req, p) => {
    const { site, list, cols } = gateList(req, p, 'write');
    const col = findColumn(cols, p.col ?? '');
    if (!col) throw notFound('Column not found');
    const next = store.replaceColumn(site.id, list.id, patchColumn(col, parseBody(req)));
    return json({
      '@odata.context': `${listContext(req, site)}('${list.id}')/columns/$entity`,
      ...columnJson(next),
    });
  });

  g.delete(re(SITE, LIST, '/columns/(?<col>[^/]+)'), (req, p) => {
    const { site, list, cols } = gateList(req, p, 'write');
    const col = findColumn(cols, p.col ?? '');
    if (!col) throw notFound('Column not found');
    if (col.builtIn) throw accessDenied(`Built-in column '${col.name}' cannot be deleted.`);
    store.deleteColumn(site.id, list.id, col.name);
    return { status: 204 };
  });

  // Site columns: definitions only (the emulator does not propagate them into lists or content types).
  g.get(re(SITE, '/columns'), (req, p) => {
    const site = gateSite(req, p.site ?? '');
    return json({
      '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/columns`,
      value: store.columnsOf(site.id, '').map(columnJson),
    });
  });
  g.post(re(SITE, '/columns'), (req, p) => {
    const site = gateSite(req, p.site ?? '', 'owner');
    const col = store.addColumn(site.id, '', columnFromBody(parseBody(req)));
    return json(
      {
        '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/columns/$entity`,
        ...columnJson(col),
      },
      201,
    );
  });

  // ---- items ---------------------------------------------------------------------------------------------------

  const prefersNonIndexed = (req: EmuRequest) =>
    /HonorNonIndexedQueriesWarningMayFailRandomly/i.test(req.headers.prefer ?? '');
  const itemsPath = (site: SiteInfo, list: ListInfo) => `/sites/${site.id}/lists/${list.id}/items`;

  g.get(re(SITE, LIST, '/items'), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const q = req.query;
    const expand = parseItemExpand(q.get('$expand') ?? q.get('expand'));
    const allowNonIndexed = prefersNonIndexed(req);
    const params: unknown[] = [];
    const where: string[] = [];
    const filterSrc = q.get('$filter') ?? q.get('filter');
    if (filterSrc !== null) {
      const ast = parseFilter(filterSrc);
      for (const f of filterFields(ast)) {
        const sf = store.sqlField(cols, f);
        if (!sf.indexed && !allowNonIndexed) throw NON_INDEXED(sf.name);
      }
      where.push(compileFilter(ast, (path) => store.sqlField(cols, path), params));
    }
    const orderSrc = q.get('$orderby') ?? q.get('orderby');
    const order: string[] = [];
    if (orderSrc !== null) {
      for (const o of parseOrderBy(orderSrc)) {
        const sf = store.sqlField(cols, o.field);
        if (!sf.indexed && !allowNonIndexed) throw NON_INDEXED(sf.name);
        order.push(`${sf.sql} ${o.desc ? 'DESC' : 'ASC'}`);
      }
    }
    order.push('item_id ASC');
    const top = parseTop(q, DEFAULT_PAGE_SIZE);

    // $skiptoken, opaque like the service's ("Paged=TRUE&p_ID=200", base64): keyset on ID when the order is the
    // default one (stable under inserts, and an index range scan), an offset otherwise.
    let offset = 0;
    const skip = q.get('$skiptoken');
    if (skip !== null) {
      const decoded = new URLSearchParams(Buffer.from(skip, 'base64url').toString('utf8'));
      const lastId = decoded.get('p_ID');
      const off = decoded.get('p_Offset');
      if (decoded.get('Paged') !== 'TRUE' || (lastId === null && off === null))
        throw badRequest('The $skiptoken is not valid.', 'invalidRequest');
      if (off !== null) offset = Number(off);
      else {
        where.push('item_id > ?');
        params.push(Number(lastId));
      }
    }
    const rows = store.queryItems(
      site.id,
      list.id,
      where.join(' AND '),
      params,
      order.join(', '),
      top + 1,
      offset,
    );
    const page = rows.slice(0, top);
    const body: Record<string, unknown> = {
      '@odata.context': itemsContext(req.graphBase, site, list),
      value: page.map((r) =>
        applySelect(itemJson(store, req.graphBase, site, list, cols, r, expand), itemSelect(q, expand)),
      ),
    };
    if (rows.length > top) {
      const token =
        orderSrc !== null
          ? `Paged=TRUE&p_Offset=${offset + top}`
          : `Paged=TRUE&p_ID=${page[page.length - 1]!.id}`;
      body['@odata.nextLink'] = linkWith(
        req,
        itemsPath(site, list),
        '$skiptoken',
        Buffer.from(token).toString('base64url'),
      );
    }
    return json(body);
  });

  g.post(re(SITE, LIST, '/items'), (req, p) => {
    const { site, list, cols } = gateList(req, p, 'write');
    const body = parseBody(req);
    const fieldsIn = body.fields ?? {};
    if (typeof fieldsIn !== 'object' || fieldsIn === null || Array.isArray(fieldsIn))
      throw badRequest("'fields' must be an object.");
    const fields = store.normaliseFields(cols, fieldsIn as Record<string, unknown>, false);
    const rec = store.createItem(site.id, list.id, fields, actorFor(req.principal, site.id));
    return json(
      {
        '@odata.context': `${itemsContext(req.graphBase, site, list)}/$entity`,
        ...itemJson(store, req.graphBase, site, list, cols, rec, { fields: true }),
      },
      201,
    );
  });

  // delta before items/{id}: "delta" would otherwise be taken for an item id.
  g.get(re(SITE, LIST, String.raw`/items/(?:microsoft\.graph\.)?delta(?:\(\))?`), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const q = req.query;
    const expand = parseItemExpand(q.get('$expand') ?? q.get('expand'));
    const top = parseTop(q, DEFAULT_PAGE_SIZE);
    const path = `${itemsPath(site, list)}/delta`;
    const now = ctx.now().getTime();
    store.purgeChanges(now - retentionMs());
    const tokenParam = q.get('token') ?? q.get('$deltatoken');
    const body: Record<string, unknown> = {
      '@odata.context': `${req.graphBase}/$metadata#Collection(listItem)`,
      value: [],
    };
    // Links keep the request's other options ($top, $expand, $select), as the service's do.
    const link = (t: Record<string, unknown>) =>
      linkWith(req, path, 'token', encodeToken(t), ['$deltatoken']);
    const deltaLink = (seq: number) => link({ l: list.id, k: 'd', s: seq, t: now });
    const render = (r: Parameters<typeof itemJson>[5]) =>
      itemJson(store, req.graphBase, site, list, cols, r, expand);

    if (tokenParam === 'latest') {
      body['@odata.deltaLink'] = deltaLink(store.maxChangeSeq());
      return json(body);
    }
    type Tok = { l: string; k: 'f' | 'd'; s?: number; a?: number; e?: number; t: number };
    let tok: Tok;
    if (tokenParam === null) tok = { l: list.id, k: 'f', a: 0, e: store.maxChangeSeq(), t: now };
    else {
      const decoded = decodeToken<Tok>(tokenParam);
      if (!decoded || typeof decoded.t !== 'number' || (decoded.k !== 'f' && decoded.k !== 'd'))
        throw badRequest('Provided sync token is malformed.', 'invalidRequest');
      if (decoded.l !== list.id || now - decoded.t > retentionMs())
        throw new GraphError(
          410,
          'resyncChangesApplyDifferences',
          "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.",
          { Location: `${req.graphBase}${path}` },
        );
      tok = decoded;
    }
    const end = tok.e ?? store.maxChangeSeq();
    if (tok.k === 'f') {
      const rows = store.queryItems(site.id, list.id, 'item_id > ?', [tok.a ?? 0], 'item_id ASC', top + 1, 0);
      const page = rows.slice(0, top);
      body.value = page.map(render);
      if (rows.length > top) body['@odata.nextLink'] = link({ ...tok, a: page[page.length - 1]!.id, e: end });
      else body['@odata.deltaLink'] = deltaLink(end);
      return json(body);
    }
    const changes = store.changesSince(list.id, tok.s ?? 0, end, top + 1);
    const page = changes.slice(0, top);
    body.value = page.map(({ itemId }) => {
      const rec = store.getItem(site.id, list.id, itemId);
      if (rec) return render(rec);
      return { id: String(itemId), parentReference: { siteId: site.id }, deleted: { state: 'deleted' } };
    });
    if (changes.length > top)
      body['@odata.nextLink'] = link({ ...tok, s: page[page.length - 1]!.seq, e: end });
    else body['@odata.deltaLink'] = deltaLink(end);
    return json(body);
  });

  const ITEM = '/items/(?<item>[^/]+)';
  const itemId = (p: Record<string, string>) => {
    const raw = p.item ?? '';
    if (!/^\d{1,10}$/.test(raw)) throw ITEM_NOT_FOUND();
    return Number(raw);
  };
  const itemEntity = (
    req: EmuRequest,
    site: SiteInfo,
    list: ListInfo,
    cols: ColumnDef[],
    id: number,
    expand: ExpandSpec,
  ) => {
    const rec = store.getItem(site.id, list.id, id);
    if (!rec) throw ITEM_NOT_FOUND();
    return {
      '@odata.context': `${itemsContext(req.graphBase, site, list)}/$entity`,
      ...itemJson(store, req.graphBase, site, list, cols, rec, expand),
    };
  };
  const fieldsEntity = (
    req: EmuRequest,
    site: SiteInfo,
    list: ListInfo,
    cols: ColumnDef[],
    id: number,
    select?: Set<string>,
  ) => {
    const rec = store.getItem(site.id, list.id, id);
    if (!rec) throw ITEM_NOT_FOUND();
    return {
      '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/lists('${list.id}')/items('${id}')/fields/$entity`,
      ...fieldsJson(store, list, cols, rec, select),
    };
  };

  g.get(re(SITE, LIST, ITEM), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const expandSrc = req.query.get('$expand') ?? req.query.get('expand');
    // A single item comes with its fields unless the caller shapes the response itself.
    const expand: ExpandSpec = expandSrc ? parseItemExpand(expandSrc) : { fields: !req.query.get('$select') };
    return json(
      applySelect(itemEntity(req, site, list, cols, itemId(p), expand), itemSelect(req.query, expand)),
    );
  });

  g.patch(re(SITE, LIST, ITEM), (req, p) => {
    const { site, list, cols } = gateList(req, p, 'write');
    const id = itemId(p);
    const body = parseBody(req);
    const fieldsIn = (body.fields ?? {}) as Record<string, unknown>;
    if (typeof fieldsIn !== 'object' || Array.isArray(fieldsIn))
      throw badRequest("'fields' must be an object.");
    if (!store.getItem(site.id, list.id, id)) throw ITEM_NOT_FOUND();
    const fields = store.normaliseFields(cols, fieldsIn, false);
    store.updateItem(site.id, list.id, id, fields, actorFor(req.principal, site.id), req.headers['if-match']);
    return json(itemEntity(req, site, list, cols, id, { fields: true }));
  });

  g.delete(re(SITE, LIST, ITEM), (req, p) => {
    const { site, list } = gateList(req, p, 'write');
    store.deleteItem(site.id, list.id, itemId(p), req.headers['if-match']);
    return { status: 204 };
  });

  g.get(re(SITE, LIST, ITEM, '/fields'), (req, p) => {
    const { site, list, cols } = gateList(req, p);
    const select = req.query.get('$select');
    const set = select
      ? new Set(
          select
            .split(',')
            .map((s) => s.trim().toLowerCase())
            .filter(Boolean),
        )
      : undefined;
    return json(fieldsEntity(req, site, list, cols, itemId(p), set));
  });

  g.patch(re(SITE, LIST, ITEM, '/fields'), (req, p) => {
    const { site, list, cols } = gateList(req, p, 'write');
    const id = itemId(p);
    if (!store.getItem(site.id, list.id, id)) throw ITEM_NOT_FOUND();
    const fields = store.normaliseFields(cols, parseBody(req), false);
    store.updateItem(site.id, list.id, id, fields, actorFor(req.principal, site.id), req.headers['if-match']);
    return json(fieldsEntity(req, site, list, cols, id));
  });

  // ---- site permissions (application grants, for Sites.Selected) -----------------------------------------------

  const permissionJson = (gr: AppGrant) => {
    const ids = [{ application: { id: gr.appId, displayName: gr.displayName } }];
    return {
      id: gr.id,
      '@deprecated.GrantedToIdentities':
        'GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2',
      roles: gr.roles,
      grantedToIdentitiesV2: ids,
      grantedToIdentities: ids,
    };
  };

  function gatePermissions(req: EmuRequest, ref: string): SiteInfo {
    if (!hasSitesPermission(req.principal)) throw accessDenied();
    const site = resolveSite(ref);
    if (!site) throw SITE_NOT_FOUND();
    // Managing site permissions needs Sites.FullControl.All (and, delegated, Full Control on the site).
    if (!canManagePermissions(req.principal)) throw accessDenied();
    if (req.principal.kind === 'user' && effectiveRole(store, req.principal, site.id) !== 'owner')
      throw accessDenied();
    return site;
  }

  const VALID_ROLES = new Set(['read', 'write', 'manage', 'fullcontrol', 'owner']);
  function readRoles(body: Record<string, unknown>): string[] {
    const roles = body.roles;
    if (
      !Array.isArray(roles) ||
      roles.length === 0 ||
      !roles.every((r) => typeof r === 'string' && VALID_ROLES.has(r))
    )
      throw badRequest(
        "'roles' must be a non-empty array of 'read', 'write', 'manage' or 'fullcontrol'.",
        'invalidRequest',
      );
    return roles as string[];
  }

  g.get(re(SITE, '/permissions'), (req, p) => {
    const site = gatePermissions(req, p.site ?? '');
    return json({
      '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/permissions`,
      value: store.grantsOf(site.id).map(permissionJson),
    });
  });

  g.post(re(SITE, '/permissions'), (req, p) => {
    const site = gatePermissions(req, p.site ?? '');
    const body = parseBody(req);
    const roles = readRoles(body);
    const identities = (body.grantedToIdentitiesV2 ?? body.grantedToIdentities) as
      { application?: { id?: unknown; displayName?: unknown } }[] | undefined;
    const app = Array.isArray(identities) ? identities[0]?.application : undefined;
    if (!app || typeof app.id !== 'string')
      throw badRequest(
        'Only application permissions can be created: grantedToIdentities[0].application.id is required.',
        'invalidRequest',
      );
    const gr = store.upsertGrant(
      site.id,
      app.id,
      typeof app.displayName === 'string' ? app.displayName : (getApp(ctx.db, app.id)?.displayName ?? app.id),
      roles,
      ctx.config.tenantId,
    );
    return json(
      {
        '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/permissions/$entity`,
        ...permissionJson(gr),
      },
      201,
    );
  });

  const PERM = '/permissions/(?<perm>[^/]+)';
  g.get(re(SITE, PERM), (req, p) => {
    const site = gatePermissions(req, p.site ?? '');
    const gr = store.grantsOf(site.id).find((x) => x.id === p.perm);
    if (!gr) throw notFound('Permission not found');
    return json({
      '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/permissions/$entity`,
      ...permissionJson(gr),
    });
  });
  g.patch(re(SITE, PERM), (req, p) => {
    const site = gatePermissions(req, p.site ?? '');
    const gr = store.updateGrantRoles(site.id, p.perm ?? '', readRoles(parseBody(req)));
    if (!gr) throw notFound('Permission not found');
    return json({
      '@odata.context': `${req.graphBase}/$metadata#sites('${site.id}')/permissions/$entity`,
      ...permissionJson(gr),
    });
  });
  g.delete(re(SITE, PERM), (req, p) => {
    const site = gatePermissions(req, p.site ?? '');
    if (!store.deleteGrant(site.id, p.perm ?? '')) throw notFound('Permission not found');
    return { status: 204 };
  });

  // ---- admin API (outside Graph: what a tenant admin or site owner does in the SharePoint UI) -------------------

  const r = ctx.root;
  const adminSite = (ref: string) => {
    const site = resolveSite(ref);
    if (!site) throw SITE_NOT_FOUND();
    return site;
  };
  const adminBody = (req: EmuRequest) => parseBody(req);

  r.get('/_emulator/sites', (req) => json({ value: store.allSites().map(siteJson), graph: req.graphBase }));

  r.post('/_emulator/sites', (req) => {
    const body = adminBody(req);
    if (typeof body.path !== 'string' || !/^\/sites\/[A-Za-z0-9_-]+$/.test(body.path))
      throw badRequest("'path' must look like /sites/Name.", 'invalidRequest');
    const displayName = typeof body.displayName === 'string' ? body.displayName : body.path.split('/').pop()!;
    const { site, created } = createSite(body.path, displayName);
    return json(siteJson(site), created ? 201 : 200);
  });

  r.post('/_emulator/sites/{site}/grants', (req, p) => {
    const site = adminSite(p.site ?? '');
    const body = adminBody(req);
    if (typeof body.appId !== 'string') throw badRequest("'appId' is required.", 'invalidRequest');
    const roles = readRoles(body);
    const gr = store.upsertGrant(
      site.id,
      body.appId,
      typeof body.displayName === 'string'
        ? body.displayName
        : (getApp(ctx.db, body.appId)?.displayName ?? body.appId),
      roles,
      ctx.config.tenantId,
    );
    return json(permissionJson(gr), 201);
  });

  const SITE_ROLES = new Set(['owner', 'member', 'visitor', 'none']);
  const readAssignment = (a: Record<string, unknown>): { principalId: string; role: SiteRole | 'none' } => {
    if (typeof a.principalId !== 'string' || typeof a.role !== 'string' || !SITE_ROLES.has(a.role))
      throw badRequest(
        "Each assignment needs 'principalId' and 'role' (owner, member, visitor or none).",
        'invalidRequest',
      );
    return { principalId: a.principalId, role: a.role as SiteRole | 'none' };
  };

  r.put('/_emulator/sites/{site}/roles', (req, p) => {
    const site = adminSite(p.site ?? '');
    const a = readAssignment(adminBody(req));
    // Being granted access to a site puts a user in its User Information List, as in SharePoint.
    if (a.principalId.toLowerCase() !== EVERYONE && a.role !== 'none') ensureUser(site.id, a.principalId);
    store.setSiteRole(site.id, a.principalId, a.role);
    return json({ value: store.siteRoles(site.id) });
  });

  r.put('/_emulator/sites/{site}/lists/{list}/roles', (req, p) => {
    const site = adminSite(p.site ?? '');
    const list = store.findList(site.id, p.list ?? '');
    if (!list) throw LIST_NOT_FOUND();
    const body = adminBody(req);
    if (body.inherit === true) {
      store.setListRoles(list.id, null);
      return json({ inherit: true, assignments: store.siteRoles(site.id) });
    }
    if (body.inherit !== false || !Array.isArray(body.assignments))
      throw badRequest(
        'Send {inherit: true} or {inherit: false, assignments: [{principalId, role}]}.',
        'invalidRequest',
      );
    const assignments = (body.assignments as Record<string, unknown>[])
      .map(readAssignment)
      .filter((a): a is RoleAssignment => a.role !== 'none');
    for (const a of assignments)
      if (a.principalId.toLowerCase() !== EVERYONE) ensureUser(site.id, a.principalId);
    store.setListRoles(list.id, assignments);
    return json({ inherit: false, assignments });
  });

  r.post('/_emulator/sites/{site}/ensureUser', (req, p) => {
    const site = adminSite(p.site ?? '');
    const body = adminBody(req);
    if (typeof body.userId !== 'string') throw badRequest("'userId' is required.", 'invalidRequest');
    return json({ lookupId: ensureUser(site.id, body.userId), siteId: site.id, userId: body.userId });
  });

  r.put('/_emulator/sharepoint/settings', (req) => {
    const body = adminBody(req);
    const days = body.deltaRetentionDays;
    if (typeof days !== 'number' || !(days > 0))
      throw badRequest("'deltaRetentionDays' must be a positive number.", 'invalidRequest');
    kvSet(ctx.db, RETENTION_KEY, String(days));
    return json({ deltaRetentionDays: days });
  });
};

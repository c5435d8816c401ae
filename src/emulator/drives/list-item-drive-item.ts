import type { GraphMiddleware } from '../http/types';
import type { DriveService } from './drive-service';
import { applySelect, driveItemJson } from './json';

// The list item routes of the SharePoint module: `/sites/{site}/lists/{list}/items[/{id}]`.
const ITEMS =
  /^\/sites\/(?<site>root|[^/:]+|[^/:]+:\/[^:]*:)\/lists\/(?<list>[^/]+)\/items(?:\/(?<item>\d{1,10}))?\/?$/i;

/** Splits an `$expand` value on the commas that are not inside parentheses. */
function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Whether `$expand` names `driveItem`, and its own `$select` (`driveItem($select=id,webUrl)`): undefined when not
 * expanded, null when expanded with every property.
 */
export function driveItemExpand(expand: string | null): string | null | undefined {
  if (!expand) return undefined;
  for (const part of splitTopLevel(expand)) {
    const m = /^([A-Za-z.]+)\s*(?:\((.*)\))?$/s.exec(part);
    if (m?.[1]?.toLowerCase() !== 'driveitem') continue;
    for (const opt of (m[2] ?? '').split(';')) {
      const sel = /^\s*\$?select\s*=\s*(.*)$/i.exec(opt);
      if (sel) return sel[1]!.trim();
    }
    return null;
  }
  return undefined;
}

/**
 * `$expand=driveItem` on the items of a document library. Graph's listItem has a `driveItem` navigation property
 * ("For document libraries, the driveItem relationship exposes the listItem as a driveItem"), so one list query
 * (filtered on indexed columns) also answers each file's webUrl, size and driveItem id. The SharePoint module
 * renders list items and leaves the expansion out; this middleware, run around every Graph request and $batch
 * sub-request, adds the driveItem from this module's tables, so neither module reads the other's. An item the
 * caller may not read as a file gets no driveItem (list items are already trimmed to what the caller may read).
 */
export function listItemDriveItemMiddleware(svc: DriveService): GraphMiddleware {
  return async (req, next) => {
    const res = await next();
    if (req.method !== 'GET' || res.status !== 200) return res;
    const m = ITEMS.exec(req.path);
    if (!m?.groups) return res;
    const select = driveItemExpand(req.query.get('$expand') ?? req.query.get('expand'));
    if (select === undefined) return res;
    const body = res.body;
    if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return res;
    const site = svc.sharepoint.getSite(m.groups.site!.replace(/:$/, ''));
    const list = site ? svc.sharepoint.getList(site.id, m.groups.list!) : undefined;
    const drive = list ? svc.store.driveForList(list.id) : undefined;
    if (!drive) return res;
    const scope = svc.scope(drive);
    const value = (body as { value?: unknown }).value;
    const items = (m.groups.item === undefined && Array.isArray(value) ? value : [body]) as Record<
      string,
      unknown
    >[];
    for (const item of items) {
      const row = svc.store.itemByListItem(drive.id, String(item.id ?? ''));
      if (!row || !svc.isReadable(req.principal, scope, row)) continue;
      item.driveItem = applySelect(driveItemJson(scope.render, row), select);
    }
    return res;
  };
}

import { createHmac } from 'node:crypto';
import { getApp, getUser } from '../identity/directory-store';
import type { Principal } from '../http/types';
import type { Db } from '../store/db';
import type { ListInfo, SiteInfo } from '../sharepoint/ports';
import type { DriveRow, DriveStore, IdentitySet, ItemRow } from './store';

/** identitySet of the caller, as the service writes it into createdBy / lastModifiedBy. */
export function identityOf(db: Db, principal: Principal): IdentitySet {
  if (principal.kind === 'user') {
    const u = getUser(db, principal.oid);
    return {
      user: {
        email: u?.mail ?? principal.upn ?? '',
        id: principal.oid,
        displayName: u?.displayName ?? principal.upn ?? principal.oid,
      },
    };
  }
  const app = getApp(db, principal.appId);
  return {
    application: { id: principal.appId, displayName: app?.displayName ?? principal.appId },
    user: { displayName: 'SharePoint App' },
  };
}

export const SYSTEM_ACCOUNT: IdentitySet = { user: { displayName: 'System Account' } };

const DOWNLOAD_LIFETIME_MS = 60 * 60 * 1000;

/** Pre-authenticated download URLs: signed, short-lived, usable without an Authorization header. */
export class DownloadUrls {
  constructor(
    private readonly secret: string,
    private readonly baseUrl: () => string,
  ) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  create(item: ItemRow, now: Date): string {
    const payload = Buffer.from(
      JSON.stringify({ i: item.id, v: item.content_version, e: now.getTime() + DOWNLOAD_LIFETIME_MS }),
    ).toString('base64url');
    const q = new URLSearchParams({ UniqueId: item.uid, tempauth: `${payload}.${this.sign(payload)}` });
    return `${this.baseUrl()}/_layouts/15/download.aspx?${q.toString()}`;
  }

  /** The item id and content version the token was issued for, or undefined when forged or expired. */
  verify(token: string, now: Date): { itemId: string; version: number } | undefined {
    const [payload, sig] = token.split('.');
    if (!payload || !sig || this.sign(payload) !== sig) return undefined;
    const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      i: string;
      v: number;
      e: number;
    };
    if (p.e < now.getTime()) return undefined;
    return { itemId: p.i, version: p.v };
  }
}

export interface RenderContext {
  store: DriveStore;
  drive: DriveRow;
  site: SiteInfo | undefined;
  list: ListInfo | undefined;
  downloads: DownloadUrls;
  now: Date;
}

/** Names from the root down to the item (root → []). */
export function pathSegments(store: DriveStore, item: ItemRow): string[] {
  return [item, ...store.ancestors(item)]
    .filter((i) => i.parent_id !== null)
    .map((i) => i.name)
    .reverse();
}

const encodePath = (segments: string[]) => segments.map((s) => encodeURIComponent(s)).join('/');

export function driveWebUrl(r: Pick<RenderContext, 'site' | 'list' | 'drive'>): string {
  return r.list?.webUrl ?? `${r.site?.webUrl ?? ''}/${encodeURIComponent(r.drive.name)}`;
}

export function driveJson(r: Pick<RenderContext, 'site' | 'list' | 'drive'>, usedBytes: number): unknown {
  const total = 27_487_790_694_400; // 25 TiB, the default quota of a SharePoint Online site collection
  return {
    createdDateTime: r.drive.created_at,
    description: r.list?.description ?? '',
    id: r.drive.id,
    lastModifiedDateTime: r.list?.lastModifiedDateTime ?? r.drive.created_at,
    name: r.list?.displayName ?? r.drive.name,
    webUrl: driveWebUrl(r),
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    owner: { user: { displayName: 'System Account' } },
    quota: { deleted: 0, remaining: total - usedBytes, state: 'normal', total, used: usedBytes },
  };
}

/** The driveItem resource with the default property set of SharePoint's answer. */
export function driveItemJson(r: RenderContext, item: ItemRow): Record<string, unknown> {
  const segments = pathSegments(r.store, item);
  const isRoot = item.parent_id === null;
  const base: Record<string, unknown> = {};
  const size = item.is_folder ? r.store.folderSize(item.id) : item.size;
  if (!item.is_folder) base['@microsoft.graph.downloadUrl'] = r.downloads.create(item, r.now);
  Object.assign(base, {
    createdDateTime: item.created_at,
    eTag: `"{${item.uid}},${item.version}"`,
    id: item.id,
    lastModifiedDateTime: item.modified_at,
    name: isRoot ? 'root' : item.name,
    webUrl: isRoot ? driveWebUrl(r) : `${driveWebUrl(r)}/${encodePath(segments)}`,
    cTag: `"c:{${item.uid}},${item.content_version}"`,
    size,
    createdBy: JSON.parse(item.created_by) as unknown,
    lastModifiedBy: JSON.parse(item.modified_by) as unknown,
    parentReference: isRoot
      ? { driveType: 'documentLibrary', driveId: r.drive.id }
      : {
          driveType: 'documentLibrary',
          driveId: r.drive.id,
          id: item.parent_id,
          name: segments.length > 1 ? segments[segments.length - 2] : (r.list?.displayName ?? r.drive.name),
          path: `/drives/${r.drive.id}/root:${segments.length > 1 ? `/${segments.slice(0, -1).join('/')}` : ''}`,
          siteId: r.site?.id ?? r.drive.site_id,
        },
    fileSystemInfo: { createdDateTime: item.created_at, lastModifiedDateTime: item.modified_at },
  });
  if (item.is_folder) base.folder = { childCount: r.store.childCount(item.id) };
  else base.file = { mimeType: item.mime_type, hashes: { quickXorHash: item.quick_xor } };
  if (isRoot) base.root = {};
  return base;
}

/** `$select=a,b` keeps those properties (@odata annotations are kept, as the service does). */
export function applySelect(obj: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return obj;
  const keep = new Set(select.split(',').map((s) => s.trim()));
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keep.has(k) || k.startsWith('@odata')));
}

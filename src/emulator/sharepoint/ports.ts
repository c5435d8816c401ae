import type { EmulatorContext } from '../context';
import type { Principal } from '../http/types';

/**
 * Implemented by the drives module: a document library is a list AND a drive. When a library is created here
 * (Graph `POST /sites/{id}/lists` with template documentLibrary, or a site's default "Documents"), this port is
 * called if present; the returned drive id is stored on the list. Libraries created before the drives module was
 * registered have `driveId: null` and can be backfilled with `SharePointPort.librariesWithoutDrive()` +
 * `setListDrive()`.
 */
export interface DrivesPort {
  createDriveForList(siteId: string, listId: string, name: string): string;
}

/** Effective SharePoint permission of a caller on a site or list; `owner` is Full Control. */
export type EffectiveRole = 'none' | 'read' | 'write' | 'owner';

export interface SiteInfo {
  /** Composite id `hostname,siteCollectionGuid,webGuid`. */
  id: string;
  hostname: string;
  /** Server-relative path: "/" for the root site, "/sites/Stages" otherwise. */
  path: string;
  name: string;
  displayName: string;
  webUrl: string;
  isRoot: boolean;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

export type ListTemplate = 'genericList' | 'documentLibrary' | 'userInformation';

export interface ListInfo {
  id: string;
  siteId: string;
  /** URL name, e.g. "Shared Documents" or "Internships". */
  name: string;
  displayName: string;
  description: string;
  template: ListTemplate;
  hidden: boolean;
  /** System lists (User Information List) are left out of `GET /lists` unless `$select` names `system`. */
  system: boolean;
  webUrl: string;
  driveId: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
}

/** Who created or last modified something, as Graph's identitySet. */
export interface IdentitySet {
  user?: { id?: string; displayName: string; email?: string };
  application?: { id: string; displayName: string };
}

export interface ListItemRecord {
  listId: string;
  siteId: string;
  /** Integer item id (Graph renders it as a string). */
  id: number;
  /** Stable GUID of the item (first part of the eTag). */
  guid: string;
  /** Incremented on every update; second part of the eTag. */
  version: number;
  /** `"{GUID},N"`, quoted like the service. */
  eTag: string;
  contentType: 'Item' | 'Document' | 'Folder';
  /** Stored column values (internal names; person/lookup columns as `<Name>LookupId` numbers). */
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  lastModifiedBy: IdentitySet;
  authorLookupId: number;
  editorLookupId: number;
}

/**
 * What the SharePoint module offers other modules (published as `ctx.ports.sharepoint`). Everything is synchronous
 * (better-sqlite3). The item methods are trusted: they skip Graph's read-only checks so the drives module can set
 * FileLeafRef and the like on a library's listItem facet; authorisation is the caller's job via `effectiveRole`.
 */
export interface SharePointPort {
  /** The caller's effective permission; with a listId, the list's (unique role assignments honoured). */
  effectiveRole(principal: Principal, siteId: string, listId?: string | null): EffectiveRole;
  /** Resolves "root", a composite id, a hostname, or "host:/server/relative/path". */
  getSite(siteRef: string): SiteInfo | undefined;
  /** By id or title/name. */
  getList(siteId: string, listRef: string): ListInfo | undefined;
  getListByDriveId(driveId: string): ListInfo | undefined;
  /** The site's default document library ("Documents"). */
  defaultLibrary(siteId: string): ListInfo | undefined;
  librariesWithoutDrive(): ListInfo[];
  setListDrive(listId: string, driveId: string): void;
  createListItem(
    siteId: string,
    listId: string,
    fields: Record<string, unknown>,
    by: Principal,
    contentType?: ListItemRecord['contentType'],
  ): ListItemRecord;
  getListItem(siteId: string, listId: string, itemId: number): ListItemRecord | undefined;
  /** Merges `fields` into the item; `ifMatch` as the If-Match header (412 GraphError on mismatch). */
  updateListItem(
    siteId: string,
    listId: string,
    itemId: number,
    fields: Record<string, unknown>,
    by: Principal,
    ifMatch?: string,
  ): ListItemRecord;
  deleteListItem(siteId: string, listId: string, itemId: number): void;
  /** The listItem exactly as Graph renders it (for a driveItem's `listItem` facet). */
  listItemJson(
    siteId: string,
    listId: string,
    itemId: number,
    graphBase: string,
    withFields: boolean,
  ): unknown;
  /** The user's lookup id in the site's User Information List, adding them if needed. */
  ensureUser(siteId: string, userId: string): number;
}

export const sharepointPort = (ctx: EmulatorContext): SharePointPort | undefined =>
  ctx.ports.sharepoint as SharePointPort | undefined;

export const drivesPort = (ctx: EmulatorContext): DrivesPort | undefined =>
  ctx.ports.drives as DrivesPort | undefined;

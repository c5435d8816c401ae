import type { Locale } from '../domain/i18n';
import { batch, type BatchRequest } from './batch';
import type { Graph } from './client';
import { AlreadyExistsError, ForbiddenError, NotFoundError } from './errors';
import { buildQuery, eq, segment } from './odata';
import { pageAll } from './paging';
import {
  columnDefinition,
  LISTS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_KEY,
  type ColumnSchema,
  type ListSchema,
} from './schema';
import { resolveSite, type SiteRef } from './sites';

/**
 * Idempotent, additive provisioning of the "Stages" site: lists and libraries, their columns, the indexes the app
 * relies on, the schema version in Settings, and a check of the confidential library's permissions.
 * It reads first and writes only what is missing, so a second run makes no write at all; it never deletes or
 * changes a column's type, so data written under an older schema survives an upgrade.
 */

interface GraphList {
  id: string;
  name: string;
  displayName?: string;
  list?: { template?: string };
}

interface GraphColumn {
  id: string;
  name: string;
  displayName?: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
}

interface SettingsItem {
  id: string;
  fields?: { Key?: string; Value?: string };
}

export interface ProvisionOptions {
  /** Site id or URL. */
  site: string;
  /** Language of the single SharePoint display name of columns. */
  locale?: Locale;
  /** The schema to provision; defaults to the current one (tests pass `schemaAt(n)`). */
  lists?: readonly ListSchema[];
  /** The version to record; defaults to SCHEMA_VERSION. */
  version?: number;
  progress?: (line: string) => void;
  /**
   * Graph client with the delegated token of an ordinary site member who is NOT a coordinator, used to check
   * that the confidential library is closed to them.
   */
  probe?: Graph;
}

export type PermissionCheck =
  { ok: true; detail: string } | { ok: false; detail: string; manualStep: string };

export interface ProvisionReport {
  site: SiteRef;
  createdLists: string[];
  createdColumns: string[];
  indexedColumns: string[];
  schemaVersion: { before: number | undefined; after: number };
  confidential: PermissionCheck | undefined;
}

const listsPath = (siteId: string) => `/sites/${segment(siteId)}/lists`;
const listPath = (siteId: string, listId: string) => `${listsPath(siteId)}/${segment(listId)}`;

const wantsIndex = (col: ColumnSchema) => col.indexed === true || col.unique === true;

export async function provision(graph: Graph, opts: ProvisionOptions): Promise<ProvisionReport> {
  const locale = opts.locale ?? 'nl';
  const schema = opts.lists ?? LISTS;
  const version = opts.version ?? SCHEMA_VERSION;
  const say = opts.progress ?? (() => {});
  const total = 2 + schema.length + 2;
  let step = 0;
  const progress = (what: string) => say(`step ${++step}/${total}: ${what}`);

  const report: ProvisionReport = {
    site: { id: '' },
    createdLists: [],
    createdColumns: [],
    indexedColumns: [],
    schemaVersion: { before: undefined, after: version },
    confidential: undefined,
  };

  progress(`resolve site ${opts.site}`);
  const site = await resolveSite(graph, opts.site);
  report.site = site;

  progress(`read lists of ${site.webUrl ?? site.id}`);
  const readLists = () =>
    pageAll<GraphList>(
      graph,
      `${listsPath(site.id)}${buildQuery({ select: ['id', 'name', 'displayName', 'list'] })}`,
    );
  let existing = await readLists();
  const byName = (name: string) => existing.find((l) => l.name.toLowerCase() === name.toLowerCase());

  const listIds = new Map<string, string>();
  for (const list of schema) {
    let found = byName(list.name);
    if (!found) {
      try {
        // Created with its internal name as display name: SharePoint derives the list's URL name (our stable
        // handle) from the display name at creation; columns come in the same request.
        found = await graph.post<GraphList>(
          listsPath(site.id),
          {
            displayName: list.name,
            list: { template: list.template },
            columns: list.columns.map((col) => columnDefinition(col, locale)),
          },
          { retrySafe: true },
        );
        report.createdLists.push(list.name);
        progress(`list ${list.name}: created with ${list.columns.length} columns`);
        listIds.set(list.name, found.id);
        continue;
      } catch (e) {
        // Someone else (or our retried request) created it meanwhile: continue with what is there.
        if (!(e instanceof AlreadyExistsError)) throw e;
        existing = await readLists();
        found = byName(list.name);
        if (!found) throw e;
      }
    }
    listIds.set(list.name, found.id);
    const changes = await reconcileColumns(graph, site.id, found.id, list, locale, report);
    progress(`list ${list.name}: ${changes === 0 ? 'up to date' : `${changes} change(s)`}`);
  }

  progress('schema version');
  report.schemaVersion = await recordVersion(graph, site.id, listIds.get('Settings'), version);
  if (report.schemaVersion.before !== undefined && report.schemaVersion.before > version)
    say(
      `  note: the site has schema version ${report.schemaVersion.before}, newer than ${version}; left as is`,
    );

  progress('confidential library permissions');
  const confidential = schema.find((l) => l.coordinatorsOnly);
  if (confidential) {
    const id = listIds.get(confidential.name);
    report.confidential = id
      ? await verifyCoordinatorsOnly(site, id, confidential.name, opts.probe)
      : undefined;
    if (report.confidential?.ok === false)
      say(`  NOT IN PLACE: ${report.confidential.detail}\n${report.confidential.manualStep}`);
    else if (report.confidential) say(`  ok: ${report.confidential.detail}`);
  }
  return report;
}

async function reconcileColumns(
  graph: Graph,
  siteId: string,
  listId: string,
  list: ListSchema,
  locale: Locale,
  report: ProvisionReport,
): Promise<number> {
  const cols = await pageAll<GraphColumn>(
    graph,
    `${listPath(siteId, listId)}/columns${buildQuery({ select: ['id', 'name', 'displayName', 'indexed', 'enforceUniqueValues'] })}`,
  );
  const have = new Map(cols.map((c) => [c.name.toLowerCase(), c]));
  const writes: (BatchRequest & { label: string; kind: 'create' | 'index' })[] = [];
  for (const col of list.columns) {
    const current = have.get(col.name.toLowerCase());
    if (!current)
      writes.push({
        label: `${list.name}.${col.name}`,
        kind: 'create',
        method: 'POST',
        url: `${listPath(siteId, listId)}/columns`,
        body: columnDefinition(col, locale),
        // A repeated create of the same internal name answers 409, never a twin column.
        retrySafe: true,
      });
    else if (wantsIndex(col) && current.indexed !== true)
      writes.push({
        label: `${list.name}.${col.name}`,
        kind: 'index',
        method: 'PATCH',
        url: `${listPath(siteId, listId)}/columns/${segment(current.id)}`,
        body: { indexed: true },
        retrySafe: true,
      });
  }
  if (writes.length === 0) return 0;
  const results = await batch(graph, writes);
  results.forEach((r, i) => {
    const w = writes[i]!;
    if (r.error && !(r.error instanceof AlreadyExistsError)) throw r.error;
    (w.kind === 'create' ? report.createdColumns : report.indexedColumns).push(w.label);
  });
  return writes.length;
}

async function recordVersion(
  graph: Graph,
  siteId: string,
  settingsListId: string | undefined,
  version: number,
): Promise<{ before: number | undefined; after: number }> {
  if (!settingsListId) throw new Error('the schema has no Settings list');
  const items = `${listPath(siteId, settingsListId)}/items`;
  const found = await graph.get<{ value?: SettingsItem[] }>(
    `${items}${buildQuery({ filter: eq('fields/Key', SCHEMA_VERSION_KEY), expand: 'fields($select=Key,Value)' })}`,
  );
  const item = found.value?.[0];
  const before = item?.fields?.Value === undefined ? undefined : Number(item.fields.Value);
  if (!item) {
    await graph.post(
      items,
      { fields: { Title: SCHEMA_VERSION_KEY, Key: SCHEMA_VERSION_KEY, Value: String(version) } },
      {
        retrySafe: true,
      },
    );
    return { before, after: version };
  }
  if (before === undefined || Number.isNaN(before) || before < version) {
    await graph.patch(`${items}/${segment(item.id)}/fields`, { Value: String(version) });
    return { before, after: version };
  }
  return { before, after: before };
}

/**
 * Graph v1.0 cannot break a list's permission inheritance (there is no list permissions API; only sites and drive
 * items have one, and a library root's sharing links do not reflect its role assignments). So provisioning does
 * not pretend: it PROBES. With the delegated token of an ordinary member of the site (not a coordinator), it asks
 * for the library; SharePoint answers 403/404 only if the library has unique permissions that leave members out.
 * Without a probe identity the state is reported as unverified. Either way the admin step is printed when the
 * check does not pass, and the check runs on every provisioning, so drift is caught too.
 */
export async function verifyCoordinatorsOnly(
  site: SiteRef,
  listId: string,
  listName: string,
  probe: Graph | undefined,
  coordinatorsGroup = 'Stagemap Coordinators',
): Promise<PermissionCheck> {
  const url = site.webUrl ?? '<site url>';
  const manualStep = [
    `  A SharePoint administrator must give "${listName}" unique permissions (Graph v1.0 cannot):`,
    `    in the browser: ${url}/${listName} → Library settings → Permissions for this document library`,
    `      → Stop Inheriting Permissions → remove the site's Members and Visitors groups`,
    `      → Grant Permissions → "${coordinatorsGroup}" (Contribute). Site owners keep Full Control.`,
    `    or with PnP PowerShell after Connect-PnPOnline -Url ${url}:`,
    `      Set-PnPList -Identity "${listName}" -BreakRoleInheritance`,
    `      Set-PnPListPermission -Identity "${listName}" -Group (Get-PnPGroup -AssociatedMemberGroup) -RemoveRole "Edit"`,
    `      Set-PnPListPermission -Identity "${listName}" -Group (Get-PnPGroup -AssociatedVisitorGroup) -RemoveRole "Read"`,
    `      Set-PnPListPermission -Identity "${listName}" -Group "${coordinatorsGroup}" -AddRole "Contribute"`,
    `  The app itself keeps access: Sites.Selected application permission is site-wide.`,
    `  Verify by provisioning again with --probe-token <delegated token of a member who is not a coordinator>.`,
  ].join('\n');
  if (!probe)
    return {
      ok: false,
      detail: `${listName}: not verified (no probe identity given)`,
      manualStep,
    };
  try {
    await probe.get(`/sites/${segment(site.id)}/lists/${segment(listId)}?$select=id`);
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof ForbiddenError)
      return { ok: true, detail: `${listName} is not readable by an ordinary member (${e.status})` };
    throw e;
  }
  return { ok: false, detail: `${listName} is readable by an ordinary member of the site`, manualStep };
}

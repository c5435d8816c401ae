import { badRequest } from '../http/errors';
import { fieldKey, type ColumnDef } from './columns';
import type { ListInfo, ListItemRecord, SiteInfo } from './ports';
import type { SharePointStore } from './store';

/** Graph JSON for sites, lists and list items, laid out as the service returns them. */

export function siteJson(site: SiteInfo): Record<string, unknown> {
  return {
    createdDateTime: site.createdDateTime,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.lastModifiedDateTime,
    name: site.name,
    webUrl: site.webUrl,
    displayName: site.displayName,
    ...(site.isRoot ? { root: {} } : {}),
    siteCollection: { hostname: site.hostname },
  };
}

export function listJson(list: ListInfo, columns?: ColumnDef[], columnJson?: (c: ColumnDef) => unknown) {
  const out: Record<string, unknown> = {
    '@odata.etag': `"${list.id},1"`,
    createdDateTime: list.createdDateTime,
    description: list.description,
    eTag: `"${list.id},1"`,
    id: list.id,
    lastModifiedDateTime: list.lastModifiedDateTime,
    name: list.name,
    webUrl: list.webUrl,
    displayName: list.displayName,
    createdBy: { user: { displayName: 'System Account' } },
    parentReference: { siteId: list.siteId },
    list: { contentTypesEnabled: false, hidden: list.hidden, template: list.template },
    ...(list.system ? { system: {} } : {}),
  };
  if (columns && columnJson) out.columns = columns.map(columnJson);
  return out;
}

/** Applies a top-level `$select` (case-insensitive); OData annotations stay. */
export function applySelect(obj: Record<string, unknown>, select: string | null): Record<string, unknown> {
  if (!select) return obj;
  const keep = new Set(
    select
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('@') || keep.has(k.toLowerCase())) out[k] = v;
  return out;
}

export interface ExpandSpec {
  fields: boolean;
  /** Lower-cased column names from `fields($select=…)`; undefined = all visible columns. */
  fieldSelect?: Set<string>;
}

/** Parses `$expand` for list items: `fields`, `fields($select=A,B)` (also `select=` without `$`). */
export function parseItemExpand(expand: string | null): ExpandSpec {
  if (!expand) return { fields: false };
  const spec: ExpandSpec = { fields: false };
  for (const part of splitTopLevel(expand)) {
    const m = /^([A-Za-z.]+)\s*(?:\((.*)\))?$/s.exec(part.trim());
    const prop = m?.[1];
    if (!m || !prop)
      throw badRequest(`Parsing OData Select and Expand failed: invalid $expand '${part}'.`, 'BadRequest');
    if (prop.toLowerCase() === 'driveitem') continue; // served by the drives module's listItem routes
    if (prop.toLowerCase() !== 'fields')
      throw badRequest(
        `Parsing OData Select and Expand failed: Could not find a property named '${prop}' on type 'microsoft.graph.listItem'.`,
        'BadRequest',
      );
    spec.fields = true;
    for (const opt of (m[2] ?? '').split(';')) {
      const o = /^\s*\$?select\s*=\s*(.*)$/i.exec(opt);
      if (!o) continue;
      spec.fieldSelect = new Set(
        o[1]!
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean),
      );
    }
  }
  return spec;
}

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
  return parts.filter((p) => p.trim());
}

const CONTENT_TYPE_PREFIX: Record<ListItemRecord['contentType'], string> = {
  Item: '0x0100',
  Document: '0x0101',
  Folder: '0x0120',
};

export function contentTypeId(list: ListInfo, ct: ListItemRecord['contentType']): string {
  return `${CONTENT_TYPE_PREFIX[ct]}${list.id.replace(/-/g, '').toUpperCase()}`;
}

/**
 * The fieldValueSet of an item. Hidden columns are left out unless selected by name; empty values are left out
 * (the service omits them); person and lookup columns read back as `<Name>LookupId` (a string), lookup columns
 * also as `<Name>` (the looked-up value).
 */
export function fieldsJson(
  store: SharePointStore,
  list: ListInfo,
  cols: ColumnDef[],
  rec: ListItemRecord,
  select?: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': rec.eTag };
  const wanted = (col: ColumnDef) =>
    select ? select.has(col.name.toLowerCase()) || select.has(fieldKey(col).toLowerCase()) : !col.hidden;
  for (const col of cols) {
    if (col.name === 'ID') {
      if (!select || select.has('id')) out.id = String(rec.id);
      continue;
    }
    if (!wanted(col)) continue;
    switch (col.name) {
      case 'Created':
        out.Created = rec.createdDateTime;
        continue;
      case 'Modified':
        out.Modified = rec.lastModifiedDateTime;
        continue;
      case 'Author':
        out.AuthorLookupId = String(rec.authorLookupId);
        continue;
      case 'Editor':
        out.EditorLookupId = String(rec.editorLookupId);
        continue;
      case 'ContentType':
        out.ContentType = rec.contentType;
        continue;
      case 'Attachments':
        if (list.template === 'genericList') out.Attachments = false;
        continue;
    }
    const key = fieldKey(col);
    const value = rec.fields[key];
    if (value === undefined || value === null) continue;
    if (col.type === 'personOrGroup') out[key] = String(value);
    else if (col.type === 'lookup') {
      const target = typeof col.facet.listId === 'string' ? store.listById(col.facet.listId) : undefined;
      const looked = target ? store.getItem(target.siteId, target.id, Number(value)) : undefined;
      const show = String(col.facet.columnName ?? 'Title');
      const shown = looked ? (show === 'ID' ? String(looked.id) : looked.fields[show]) : undefined;
      if (shown !== undefined && shown !== null) out[col.name] = shown;
      out[key] = String(value);
    } else out[key] = value;
  }
  if (!select) {
    const title = typeof rec.fields.Title === 'string' ? rec.fields.Title : undefined;
    Object.assign(out, {
      _UIVersionString: `${rec.version}.0`,
      Edit: '',
      ...(title !== undefined ? { LinkTitleNoMenu: title, LinkTitle: title } : {}),
      ItemChildCount: '0',
      FolderChildCount: '0',
      _ComplianceFlags: '',
      _ComplianceTag: '',
      _ComplianceTagWrittenTime: '',
      _ComplianceTagUserId: '',
    });
  }
  return out;
}

export const itemsContext = (graphBase: string, site: SiteInfo, list: ListInfo) =>
  `${graphBase}/$metadata#sites('${site.id}')/lists('${list.id}')/items`;

export function itemJson(
  store: SharePointStore,
  graphBase: string,
  site: SiteInfo,
  list: ListInfo,
  cols: ColumnDef[],
  rec: ListItemRecord,
  expand: ExpandSpec,
): Record<string, unknown> {
  const leaf = typeof rec.fields.FileLeafRef === 'string' ? rec.fields.FileLeafRef : undefined;
  const out: Record<string, unknown> = {
    '@odata.etag': rec.eTag,
    createdDateTime: rec.createdDateTime,
    eTag: rec.eTag,
    id: String(rec.id),
    lastModifiedDateTime: rec.lastModifiedDateTime,
    webUrl:
      list.template === 'documentLibrary' && leaf
        ? `${list.webUrl}/${encodeURIComponent(leaf)}`
        : `${list.webUrl}/${rec.id}_.000`,
    createdBy: rec.createdBy,
    lastModifiedBy: rec.lastModifiedBy,
    parentReference: { id: list.id, siteId: site.id },
    contentType: { id: contentTypeId(list, rec.contentType), name: rec.contentType },
  };
  if (expand.fields) {
    out['fields@odata.context'] =
      `${graphBase}/$metadata#sites('${site.id}')/lists('${list.id}')/items('${rec.id}')/fields/$entity`;
    out.fields = fieldsJson(store, list, cols, rec, expand.fieldSelect);
  }
  return out;
}

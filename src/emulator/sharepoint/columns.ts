import { randomUUID } from 'node:crypto';
import { badRequest, GraphError } from '../http/errors';
import { normaliseDateTime } from './odata';

/** The column types Stagemap uses; each is one of Graph's mutually exclusive type facets on columnDefinition. */
export const COLUMN_TYPES = [
  'text',
  'number',
  'boolean',
  'dateTime',
  'choice',
  'personOrGroup',
  'lookup',
  'hyperlinkOrPicture',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  columnGroup: string;
  type: ColumnType;
  /** The type facet as Graph returns it (e.g. `text: {allowMultipleLines, maxLength, …}`). */
  facet: Record<string, unknown>;
  indexed: boolean;
  enforceUniqueValues: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  /** Built-in columns cannot be deleted; their values live in the item row, not in `fields`. */
  builtIn: boolean;
}

/** Internal names are what `fields/X` and the fieldValueSet use; SharePoint caps them at 32 characters. */
export const COLUMN_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;

const FACET_DEFAULTS: Record<ColumnType, Record<string, unknown>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  number: {
    decimalPlaces: 'automatic',
    displayAs: 'number',
    maximum: 1.7976931348623157e308,
    minimum: -1.7976931348623157e308,
  },
  boolean: {},
  dateTime: { displayAs: 'default', format: 'dateTime' },
  choice: { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu' },
  personOrGroup: {
    allowMultipleSelection: false,
    chooseFromType: 'peopleOnly',
    displayAs: 'nameWithPresence',
  },
  lookup: { allowMultipleValues: false, allowUnlimitedLength: false, columnName: 'Title', listId: '' },
  hyperlinkOrPicture: { isPicture: false },
};

/** SharePoint's well-known field ids for the built-in columns every list has. */
function builtIn(
  id: string,
  name: string,
  displayName: string,
  type: ColumnType,
  extra: Partial<ColumnDef> = {},
): ColumnDef {
  return {
    id,
    name,
    displayName,
    description: '',
    columnGroup: 'Custom Columns',
    type,
    facet: { ...FACET_DEFAULTS[type] },
    indexed: false,
    enforceUniqueValues: false,
    required: false,
    hidden: false,
    readOnly: true,
    builtIn: true,
    ...extra,
  };
}

export function builtInColumns(template: string): ColumnDef[] {
  const cols = [
    builtIn('fa564e0f-0c70-4ab9-b863-0177e6ddd247', 'Title', 'Title', 'text', {
      readOnly: false,
      required: template === 'genericList',
    }),
    // ID is the list's primary key: always usable in $filter/$orderby.
    builtIn('1d22ea11-1e32-424e-89ab-9fedbadb6ce1', 'ID', 'ID', 'number', { indexed: true }),
    builtIn('8c06beca-0777-48f7-91c7-6da68bc07b69', 'Created', 'Created', 'dateTime'),
    builtIn('28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f', 'Modified', 'Modified', 'dateTime'),
    builtIn('1df5e554-ec7e-46a6-901d-d85a3881cb18', 'Author', 'Created By', 'personOrGroup'),
    builtIn('d31655d1-1d5b-4511-95a1-7a09e9b75bf2', 'Editor', 'Modified By', 'personOrGroup'),
    builtIn('c042a256-787d-4a6f-8a8a-cf6ab767f12d', 'ContentType', 'Content Type', 'text'),
    builtIn('67df98f4-9dec-48ff-a553-29bece9c5bf4', 'Attachments', 'Attachments', 'boolean'),
  ];
  if (template === 'documentLibrary')
    cols.push(
      builtIn('8553196d-ec8d-4564-9861-3dbe931050c8', 'FileLeafRef', 'Name', 'text', { required: true }),
      builtIn('94f89715-e097-4e8b-ba79-ea02aa8b7adb', 'FileRef', 'URL Path', 'text', { hidden: true }),
      builtIn('8fca95c0-9b7d-456f-8dae-b41ee2728b85', 'FileSizeDisplay', 'File Size', 'number'),
    );
  if (template === 'userInformation')
    cols.push(
      builtIn('bfc6f32c-668c-43c4-a903-847cca2f9b3c', 'Name', 'Account', 'text', { readOnly: true }),
      builtIn('fce16b4c-fe53-4793-aaab-b4892e736d15', 'EMail', 'Work email', 'text', { readOnly: true }),
      builtIn('211a1e41-c4b8-4e37-9d16-3d05f2a1b2d2', 'UserName', 'User name', 'text', { readOnly: true }),
    );
  return cols;
}

/** Builds a column from a Graph columnDefinition body (POST …/columns), validating it like the service. */
export function columnFromBody(body: Record<string, unknown>): ColumnDef {
  const name = body.name;
  if (typeof name !== 'string' || !COLUMN_NAME_RE.test(name))
    throw badRequest(
      `The column name '${String(name ?? '')}' is invalid: use 1 to 32 letters, digits or underscores, starting with a letter.`,
    );
  const types = COLUMN_TYPES.filter((t) => body[t] !== undefined && body[t] !== null);
  // A body with no type facet creates a single line of text, as the service does.
  const type: ColumnType = types[0] ?? 'text';
  if (types.length > 1) throw badRequest('A column can only have one type facet.');
  const facetIn = body[type];
  if (facetIn !== undefined && (typeof facetIn !== 'object' || Array.isArray(facetIn)))
    throw badRequest(`The '${type}' facet must be an object.`);
  const facet = { ...FACET_DEFAULTS[type], ...((facetIn as Record<string, unknown> | undefined) ?? {}) };
  if (type === 'choice' && !Array.isArray(facet.choices))
    throw badRequest('choice.choices must be an array.');
  if (type === 'lookup' && typeof facet.listId !== 'string') throw badRequest('lookup.listId is required.');
  const col: ColumnDef = {
    id: randomUUID(),
    name,
    displayName: typeof body.displayName === 'string' ? body.displayName : name,
    description: typeof body.description === 'string' ? body.description : '',
    columnGroup: typeof body.columnGroup === 'string' ? body.columnGroup : 'Custom Columns',
    type,
    facet,
    indexed: body.indexed === true,
    enforceUniqueValues: body.enforceUniqueValues === true,
    required: body.required === true,
    hidden: body.hidden === true,
    readOnly: false,
    builtIn: false,
  };
  checkUniqueNeedsIndex(col);
  return col;
}

/** SharePoint only enforces unique values on an indexed column (the UI indexes it for you; the API does not). */
export function checkUniqueNeedsIndex(col: ColumnDef): void {
  if (col.enforceUniqueValues && !col.indexed)
    throw badRequest(
      `Column '${col.name}' cannot enforce unique values because it is not indexed. Set "indexed": true as well.`,
    );
  if (
    col.enforceUniqueValues &&
    (col.type === 'boolean' || (col.type === 'text' && col.facet.allowMultipleLines))
  )
    throw badRequest(`Column '${col.name}' of this type cannot enforce unique values.`);
}

/** Applies a PATCH body to a column (name and type are fixed after creation, as in SharePoint). */
export function patchColumn(col: ColumnDef, body: Record<string, unknown>): ColumnDef {
  if (body.name !== undefined && body.name !== col.name)
    throw badRequest('The column name cannot be changed.', 'invalidRequest');
  if (col.builtIn) {
    const allowed = new Set([
      'indexed',
      'enforceUniqueValues',
      'displayName',
      'required',
      'hidden',
      'description',
    ]);
    const other = Object.keys(body).filter((k) => !allowed.has(k) && k !== 'name' && !k.startsWith('@'));
    if (other.length > 0)
      throw new GraphError(403, 'accessDenied', `Built-in column '${col.name}' cannot be changed.`);
  }
  const next: ColumnDef = { ...col, facet: { ...col.facet } };
  for (const key of ['indexed', 'enforceUniqueValues', 'required', 'hidden'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'boolean') throw badRequest(`'${key}' must be a boolean.`);
    next[key] = body[key];
  }
  for (const key of ['displayName', 'description', 'columnGroup'] as const) {
    if (body[key] === undefined) continue;
    if (typeof body[key] !== 'string') throw badRequest(`'${key}' must be a string.`);
    next[key] = body[key];
  }
  const facetIn = body[col.type];
  if (facetIn && typeof facetIn === 'object' && !col.builtIn) Object.assign(next.facet, facetIn);
  for (const t of COLUMN_TYPES)
    if (t !== col.type && body[t] !== undefined)
      throw badRequest(`The type of column '${col.name}' cannot be changed.`);
  checkUniqueNeedsIndex(next);
  return next;
}

/** The columnDefinition JSON as the service returns it. */
export function columnJson(col: ColumnDef): Record<string, unknown> {
  return {
    columnGroup: col.columnGroup,
    description: col.description,
    displayName: col.displayName,
    enforceUniqueValues: col.enforceUniqueValues,
    hidden: col.hidden,
    id: col.id,
    indexed: col.indexed,
    name: col.name,
    readOnly: col.readOnly,
    required: col.required,
    [col.type]: col.facet,
  };
}

/** The key under which a column's value is written and read in a fieldValueSet. */
export function fieldKey(col: ColumnDef): string {
  return col.type === 'personOrGroup' || col.type === 'lookup' ? `${col.name}LookupId` : col.name;
}

const GENERAL = () => new GraphError(400, 'generalException', 'General exception while processing');

/**
 * Validates and normalises one written value for storage. Person and lookup ids are written as strings of
 * integers ("12") like the service expects; a JSON number there is refused with the service's generalException.
 */
export function normaliseValue(col: ColumnDef, value: unknown): unknown {
  if (value === null) return null;
  const wrong = (what: string) => badRequest(`Field '${fieldKey(col)}' expects ${what}.`);
  switch (col.type) {
    case 'text': {
      if (typeof value !== 'string') throw wrong('a string');
      const max = col.facet.allowMultipleLines ? 63999 : Number(col.facet.maxLength ?? 255);
      if (value.length > max)
        throw badRequest(`The value of field '${col.name}' is longer than its maximum of ${max} characters.`);
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a number');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw wrong('a boolean');
      return value;
    case 'dateTime': {
      const norm = typeof value === 'string' ? normaliseDateTime(value) : undefined;
      if (!norm) throw wrong('an ISO 8601 date-time such as 2026-11-26T09:00:00Z');
      return norm;
    }
    case 'choice': {
      if (typeof value !== 'string') throw wrong('a string');
      const choices = (col.facet.choices as unknown[]) ?? [];
      if (!col.facet.allowTextEntry && !choices.includes(value))
        throw badRequest(`The value '${value}' is not one of the choices of field '${col.name}'.`);
      return value;
    }
    case 'personOrGroup':
    case 'lookup': {
      if (typeof value === 'number') throw GENERAL();
      if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value))
        throw wrong('a lookup id as a string, e.g. "12"');
      return Number(value);
    }
    case 'hyperlinkOrPicture': {
      if (typeof value === 'string') return { Description: value, Url: value };
      const v = value as { Url?: unknown; Description?: unknown };
      if (typeof v !== 'object' || typeof v.Url !== 'string') throw wrong('an object {"Url", "Description"}');
      return { Description: typeof v.Description === 'string' ? v.Description : v.Url, Url: v.Url };
    }
  }
}

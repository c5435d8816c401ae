/**
 * OData query building for Graph. Every value that reaches `$filter` goes through `odataString`/`literal`, and the
 * query string is URL-encoded exactly once, here. Callers build filters with the typed builder below and never
 * concatenate user text into a query (BRIEF "Security and privacy": no input reaches an OData filter unescaped).
 */

/** A filter expression produced by this module only (the brand keeps hand-written strings out). */
export interface ODataFilter {
  readonly odata: string;
  readonly __brand: 'ODataFilter';
}

const filter = (odata: string): ODataFilter => ({ odata }) as ODataFilter;

/** A value that may appear on the right-hand side of a comparison. */
export type ODataValue = string | number | boolean | Date | null;

/**
 * A string literal: single quotes doubled (OData ABNF `SQUOTE-in-string = SQUOTE SQUOTE`), wrapped in quotes.
 * Percent-encoding is NOT done here: the query is encoded once as a whole by `buildQuery`, so that `%`, `#`, `&`,
 * `+` and `/` in a value survive exactly.
 */
export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export function literal(value: ODataValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return odataString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // NaN/Infinity have no OData literal here; refusing them keeps a bad input from reaching the service.
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return String(value);
  }
  if (Number.isNaN(value.getTime())) throw new RangeError('invalid date');
  // OData v4 DateTimeOffset literals are unquoted; SharePoint stores whole seconds in UTC.
  return value.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Property paths such as `fields/Phase` or `id`: identifiers only, never user text. */
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*$/;

function field(path: string): string {
  if (!FIELD_PATH.test(path)) throw new RangeError(`not an OData property path: ${JSON.stringify(path)}`);
  return path;
}

const compare =
  (op: string) =>
  (path: string, value: ODataValue): ODataFilter =>
    filter(`${field(path)} ${op} ${literal(value)}`);

export const eq = compare('eq');
export const ne = compare('ne');
export const gt = compare('gt');
export const ge = compare('ge');
export const lt = compare('lt');
export const le = compare('le');

export const startswith = (path: string, prefix: string): ODataFilter =>
  filter(`startswith(${field(path)},${odataString(prefix)})`);

const join = (op: 'and' | 'or', parts: ODataFilter[]): ODataFilter => {
  if (parts.length === 0) throw new RangeError(`${op}() needs at least one filter`);
  if (parts.length === 1) return parts[0]!;
  return filter(parts.map((p) => `(${p.odata})`).join(` ${op} `));
};

export const and = (...parts: ODataFilter[]): ODataFilter => join('and', parts);
export const or = (...parts: ODataFilter[]): ODataFilter => join('or', parts);
export const not = (part: ODataFilter): ODataFilter => filter(`not (${part.odata})`);

/** `field in (...)` written as ORed equalities: SharePoint through Graph does not support `in`. */
export const anyOf = (path: string, values: ODataValue[]): ODataFilter =>
  or(...values.map((v) => eq(path, v)));

export interface QueryParams {
  filter?: ODataFilter;
  select?: readonly string[];
  /** Raw expand clause, e.g. `fields($select=Key,Phase)`; built by `expandFields` for list items. */
  expand?: string;
  orderby?: readonly string[];
  top?: number;
  /** Other parameters (e.g. `token` for delta); values are encoded like the rest. */
  extra?: Record<string, string | number | undefined>;
}

/** `fields($select=a,b)` for list items; names are checked like filter paths. */
export const expandFields = (names: readonly string[]): string =>
  names.length === 0 ? 'fields' : `fields($select=${names.map(field).join(',')})`;

/**
 * Encodes one query value. encodeURIComponent leaves `'()*!~` alone, which is what OData expects, and encodes
 * `%#&+/=?` and every non-ASCII character, so a value can never end the parameter or the query.
 */
const enc = (s: string): string => encodeURIComponent(s);

/** The query string (with leading `?`, or '' when empty). */
export function buildQuery(q: QueryParams): string {
  const parts: string[] = [];
  if (q.filter) parts.push(`$filter=${enc(q.filter.odata)}`);
  if (q.select && q.select.length > 0) parts.push(`$select=${enc(q.select.map(field).join(','))}`);
  if (q.expand) parts.push(`$expand=${enc(q.expand)}`);
  if (q.orderby && q.orderby.length > 0) {
    const order = q.orderby.map((o) => {
      const [path = '', dir] = o.split(' ');
      if (dir !== undefined && dir !== 'asc' && dir !== 'desc') throw new RangeError(`bad order: ${o}`);
      return dir ? `${field(path)} ${dir}` : field(path);
    });
    parts.push(`$orderby=${enc(order.join(','))}`);
  }
  if (q.top !== undefined) {
    if (!Number.isInteger(q.top) || q.top < 1) throw new RangeError(`bad $top: ${q.top}`);
    parts.push(`$top=${q.top}`);
  }
  for (const [k, v] of Object.entries(q.extra ?? {}))
    if (v !== undefined) parts.push(`${enc(k)}=${enc(String(v))}`);
  return parts.length === 0 ? '' : `?${parts.join('&')}`;
}

/** A path segment (an id or a name) encoded so that it stays one segment. */
export const segment = (s: string): string => {
  if (s.length === 0) throw new RangeError('empty path segment');
  return encodeURIComponent(s);
};

/** A drive path (`folder/sub/file.pdf`) for `root:/{path}:` addressing: each segment encoded, slashes kept. */
export const drivePath = (p: string): string =>
  p
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => {
      if (s === '.' || s === '..') throw new RangeError(`relative segment in drive path: ${p}`);
      return segment(s);
    })
    .join('/');

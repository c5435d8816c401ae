import { badRequest } from '../http/errors';

/**
 * The subset of OData v4 `$filter`/`$orderby` that SharePoint list items accept through Graph: comparisons on
 * `fields/X`, `and`/`or`/`not`, parentheses, `startswith(fields/X,'…')`. The input is already percent-decoded
 * (once, by the HTTP layer); literals are parsed here into typed values and later bound as SQL parameters, never
 * spliced into SQL, so a quote inside a string literal can only ever be part of the value.
 */

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: string };

export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterNode =
  | { type: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: CompareOp; field: string; value: Literal }
  | { type: 'startswith'; field: string; value: Literal };

export interface OrderBy {
  field: string;
  desc: boolean;
}

type Token =
  | { t: 'lparen' | 'rparen' | 'comma'; pos: number }
  | { t: 'ident'; v: string; pos: number }
  | { t: 'lit'; v: Literal; pos: number };

const MAX_FILTER_LENGTH = 4000;
const MAX_DEPTH = 64;

const invalid = (detail: string) => badRequest(`Invalid filter clause: ${detail}`, 'invalidRequest');

/** An ISO 8601 date-time as OData writes it unquoted, e.g. 2026-11-26T09:00:00Z or with an offset. */
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?/;
const NUMBER_RE = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const IDENT_RE = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/;

/** Normalises a date or date-time to SharePoint's UTC form `YYYY-MM-DDTHH:MM:SSZ`; undefined if not one. */
export function normaliseDateTime(text: string): string | undefined {
  const m = DATETIME_RE.exec(text);
  if (!m || m[0].length !== text.length) return undefined;
  const d = new Date(m[1] ? text : `${text}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function tokenize(src: string): Token[] {
  if (src.length > MAX_FILTER_LENGTH) throw invalid('the expression is too long.');
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '(') out.push({ t: 'lparen', pos: i++ });
    else if (c === ')') out.push({ t: 'rparen', pos: i++ });
    else if (c === ',') out.push({ t: 'comma', pos: i++ });
    else if (c === "'") {
      const { value, end } = readString(src, i);
      out.push({ t: 'lit', v: { kind: 'string', value }, pos: i });
      i = end;
    } else {
      const rest = src.slice(i);
      const dt = /^\d{4}-\d{2}-\d{2}/.test(rest) ? DATETIME_RE.exec(rest) : null;
      if (dt) {
        const value = normaliseDateTime(dt[0]);
        if (!value) throw invalid(`'${dt[0]}' is not a valid date-time.`);
        out.push({ t: 'lit', v: { kind: 'datetime', value }, pos: i });
        i += dt[0].length;
        continue;
      }
      const num = NUMBER_RE.exec(rest);
      if (num) {
        out.push({ t: 'lit', v: { kind: 'number', value: Number(num[0]) }, pos: i });
        i += num[0].length;
        continue;
      }
      const id = IDENT_RE.exec(rest);
      if (!id) throw invalid(`unexpected character '${c}' at position ${i}.`);
      const word = id[0];
      i += word.length;
      // datetime'2026-11-26T09:00:00Z': the OData v3 typed literal, which SharePoint still accepts.
      if (word.toLowerCase() === 'datetime' && src[i] === "'") {
        const { value, end } = readString(src, i);
        const norm = normaliseDateTime(value);
        if (!norm) throw invalid(`'${value}' is not a valid date-time.`);
        out.push({ t: 'lit', v: { kind: 'datetime', value: norm }, pos: i });
        i = end;
        continue;
      }
      const lower = word.toLowerCase();
      if (lower === 'true' || lower === 'false')
        out.push({ t: 'lit', v: { kind: 'boolean', value: lower === 'true' }, pos: i - word.length });
      else if (lower === 'null') out.push({ t: 'lit', v: { kind: 'null' }, pos: i - word.length });
      else out.push({ t: 'ident', v: word, pos: i - word.length });
    }
  }
  return out;
}

/** Reads a single-quoted OData string starting at `start`; `''` is an escaped quote. */
function readString(src: string, start: number): { value: string; end: number } {
  let i = start + 1;
  let value = '';
  for (;;) {
    const q = src.indexOf("'", i);
    if (q < 0) throw invalid(`unterminated string literal at position ${start}.`);
    value += src.slice(i, q);
    if (src[q + 1] === "'") {
      value += "'";
      i = q + 2;
      continue;
    }
    return { value, end: q + 1 };
  }
}

const COMPARE_OPS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);
const FLIP: Record<CompareOp, CompareOp> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    if (this.tokens.length === 0) throw invalid('the expression is empty.');
    const node = this.or(0);
    const extra = this.tokens[this.i];
    if (extra) throw invalid(`unexpected token at position ${extra.pos}.`);
    return node;
  }

  private peekWord(): string | undefined {
    const t = this.tokens[this.i];
    return t?.t === 'ident' ? t.v.toLowerCase() : undefined;
  }

  private or(depth: number): FilterNode {
    let left = this.and(depth);
    while (this.peekWord() === 'or') {
      this.i++;
      left = { type: 'or', left, right: this.and(depth) };
    }
    return left;
  }

  private and(depth: number): FilterNode {
    let left = this.unary(depth);
    while (this.peekWord() === 'and') {
      this.i++;
      left = { type: 'and', left, right: this.unary(depth) };
    }
    return left;
  }

  private unary(depth: number): FilterNode {
    if (depth > MAX_DEPTH) throw invalid('the expression is nested too deeply.');
    if (this.peekWord() === 'not') {
      this.i++;
      return { type: 'not', operand: this.unary(depth + 1) };
    }
    return this.primary(depth);
  }

  private primary(depth: number): FilterNode {
    const t = this.tokens[this.i];
    if (!t) throw invalid('the expression ends unexpectedly.');
    if (t.t === 'lparen') {
      this.i++;
      const inner = this.or(depth + 1);
      this.expect('rparen');
      return inner;
    }
    if (t.t === 'ident' && t.v.toLowerCase() === 'startswith' && this.tokens[this.i + 1]?.t === 'lparen') {
      this.i += 2;
      const field = this.member();
      this.expect('comma');
      const value = this.literal();
      this.expect('rparen');
      if (value.kind !== 'string') throw invalid('startswith needs a string literal.');
      return { type: 'startswith', field, value };
    }
    // member op literal, or literal op member (flipped).
    if (t.t === 'lit') {
      const value = this.literal();
      const op = this.op();
      const field = this.member();
      return { type: 'compare', op: FLIP[op], field, value };
    }
    const field = this.member();
    const op = this.op();
    return { type: 'compare', op, field, value: this.literal() };
  }

  private member(): string {
    const t = this.tokens[this.i];
    if (!t || t.t !== 'ident' || COMPARE_OPS.has(t.v.toLowerCase()))
      throw invalid(`expected a property at position ${t?.pos ?? 'end'}.`);
    this.i++;
    return t.v;
  }

  private op(): CompareOp {
    const w = this.peekWord();
    if (!w || !COMPARE_OPS.has(w))
      throw invalid(`expected a comparison operator at position ${this.tokens[this.i]?.pos ?? 'end'}.`);
    this.i++;
    return w as CompareOp;
  }

  private literal(): Literal {
    const t = this.tokens[this.i];
    if (!t || t.t !== 'lit') throw invalid(`expected a literal at position ${t?.pos ?? 'end'}.`);
    this.i++;
    return t.v;
  }

  private expect(kind: 'rparen' | 'comma'): void {
    const t = this.tokens[this.i];
    if (!t || t.t !== kind)
      throw invalid(`expected '${kind === 'rparen' ? ')' : ','}' at position ${t?.pos ?? 'end'}.`);
    this.i++;
  }
}

export function parseFilter(src: string): FilterNode {
  return new Parser(tokenize(src)).parse();
}

/** Parses `$orderby`: `fields/A desc, fields/B`. */
export function parseOrderBy(src: string): OrderBy[] {
  const parts = src
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw badRequest('Invalid $orderby: the expression is empty.', 'invalidRequest');
  return parts.map((part) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?$/i.exec(part);
    if (!m) throw badRequest(`Invalid $orderby clause '${part}'.`, 'invalidRequest');
    return { field: m[1]!, desc: (m[2] ?? '').toLowerCase() === 'desc' };
  });
}

/** Every field path a filter mentions (for the indexed-column check). */
export function filterFields(node: FilterNode, out: string[] = []): string[] {
  switch (node.type) {
    case 'and':
    case 'or':
      filterFields(node.left, out);
      filterFields(node.right, out);
      break;
    case 'not':
      filterFields(node.operand, out);
      break;
    default:
      out.push(node.field);
  }
  return out;
}

/** How a field maps to SQL: an expression over the item row, and how to coerce literals for it. */
export interface SqlField {
  sql: string;
  kind: 'text' | 'number' | 'boolean' | 'datetime';
}

/**
 * Compiles a filter to a SQL boolean expression with positional parameters. `resolve` maps a property path
 * (`fields/Status`) to SQL; it throws for unknown properties.
 */
export function compileFilter(
  node: FilterNode,
  resolve: (path: string) => SqlField,
  params: unknown[],
): string {
  switch (node.type) {
    case 'and':
    case 'or':
      return `(${compileFilter(node.left, resolve, params)} ${node.type.toUpperCase()} ${compileFilter(node.right, resolve, params)})`;
    case 'not':
      return `(NOT ${compileFilter(node.operand, resolve, params)})`;
    case 'startswith': {
      const f = resolve(node.field);
      const value = (node.value as { value: string }).value;
      params.push(value.length, value);
      // SharePoint's BeginsWith is case-insensitive.
      return `(lower(substr(${f.sql}, 1, ?)) = lower(?))`;
    }
    case 'compare': {
      const f = resolve(node.field);
      if (node.value.kind === 'null') {
        if (node.op === 'eq') return `(${f.sql} IS NULL)`;
        if (node.op === 'ne') return `(${f.sql} IS NOT NULL)`;
        throw invalid(`null can only be compared with eq or ne.`);
      }
      params.push(coerce(node.value, f, node.field));
      const sqlOp = { eq: '=', ne: 'IS NOT', lt: '<', le: '<=', gt: '>', ge: '>=' }[node.op];
      return `(${f.sql} ${sqlOp} ?)`;
    }
  }
}

function coerce(lit: Literal, f: SqlField, field: string): unknown {
  const mismatch = () =>
    badRequest(
      `Invalid filter clause: the value for '${field}' is not of the column's type.`,
      'invalidRequest',
    );
  switch (f.kind) {
    case 'number':
      if (lit.kind === 'number') return lit.value;
      // Lookup ids travel as strings in Graph ("12"); accept a numeric string for number-like columns.
      if (lit.kind === 'string' && /^-?\d+(\.\d+)?$/.test(lit.value)) return Number(lit.value);
      throw mismatch();
    case 'boolean':
      if (lit.kind === 'boolean') return lit.value ? 1 : 0;
      if (lit.kind === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value;
      throw mismatch();
    case 'datetime': {
      if (lit.kind === 'datetime') return lit.value;
      if (lit.kind === 'string') {
        const norm = normaliseDateTime(lit.value);
        if (norm) return norm;
      }
      throw mismatch();
    }
    case 'text':
      if (lit.kind === 'string') return lit.value;
      if (lit.kind === 'number') return String(lit.value);
      if (lit.kind === 'datetime') return lit.value;
      throw mismatch();
  }
}

import { GraphError } from '../http/errors';
import type { DirectoryUser } from '../identity/directory-store';

/** Properties returned when no $select is given, in the service's order. */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

export const SELECTABLE_USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'department',
  'accountEnabled',
  'userType',
  'companyName',
  'usageLocation',
] as const;

/** What User.ReadBasic.All lets a signed-in user see of others. */
export const BASIC_USER_PROPERTIES = [
  'displayName',
  'givenName',
  'mail',
  'surname',
  'userPrincipalName',
  'id',
];

type Prop = (typeof SELECTABLE_USER_PROPERTIES)[number];

export function propertyValue(u: DirectoryUser, prop: string): unknown {
  switch (prop as Prop) {
    case 'accountEnabled':
      return u.accountEnabled ?? true;
    case 'userType':
      return 'Member';
    case 'companyName':
      return u.companyName ?? null;
    case 'usageLocation':
      return u.usageLocation ?? null;
    default:
      return (u as unknown as Record<string, unknown>)[prop] ?? null;
  }
}

const canonical = new Map(SELECTABLE_USER_PROPERTIES.map((p) => [p.toLowerCase(), p as string]));

/** Parses $select (case-insensitive names, as OData allows); unknown names are a 400 as on the service. */
export function parseSelect(raw: string | null): string[] | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    const c = canonical.get(name.toLowerCase());
    if (!c)
      throw new GraphError(
        400,
        'Request_BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.user'.`,
      );
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

export function projectUser(u: DirectoryUser, select: readonly string[] | undefined, basicOnly: boolean) {
  const props = select ?? DEFAULT_USER_PROPERTIES;
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (basicOnly && !BASIC_USER_PROPERTIES.includes(p)) continue;
    out[p] = propertyValue(u, p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// $filter: the subset of Entra ID's user filters that Stagemap needs, with the service's error messages.

type Literal = string | number | boolean | null;
type Filter =
  | { op: 'and' | 'or'; left: Filter; right: Filter }
  | { op: 'not'; inner: Filter }
  | { op: 'eq' | 'ne'; prop: string; value: Literal }
  | { op: 'in'; prop: string; values: Literal[] }
  | { op: 'startswith' | 'endswith'; prop: string; value: string };

type Token =
  { t: 'id'; v: string } | { t: 'str'; v: string } | { t: 'num'; v: number } | { t: 'p'; v: string };

const invalidFilter = (detail: string) =>
  new GraphError(400, 'BadRequest', `Invalid filter clause: ${detail}`);

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      // OData string literal: a quote inside is written twice.
      let v = '';
      i++;
      for (;;) {
        if (i >= s.length) throw invalidFilter('unterminated string literal.');
        if (s[i] === "'") {
          if (s[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += s[i++];
      }
      out.push({ t: 'str', v });
    } else if ('(),'.includes(c)) {
      out.push({ t: 'p', v: c });
      i++;
    } else if (/[0-9-]/.test(c) && !/[A-Za-z]/.test(s[i + 1] ?? '')) {
      const m = /^-?\d+(\.\d+)?/.exec(s.slice(i));
      if (!m) throw invalidFilter(`syntax error at position ${i}.`);
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_][A-Za-z0-9_./]*/.exec(s.slice(i));
      if (!m) throw invalidFilter(`syntax error at position ${i}.`);
      out.push({ t: 'id', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

export function parseFilter(raw: string): Filter {
  const toks = tokenize(raw);
  let pos = 0;
  const peek = () => toks[pos];
  const isWord = (tok: Token | undefined, w: string) => tok?.t === 'id' && tok.v.toLowerCase() === w;
  const expectP = (v: string) => {
    const tok = toks[pos++];
    if (tok?.t !== 'p' || tok.v !== v) throw invalidFilter(`expected '${v}'.`);
  };
  const literal = (): Literal => {
    const tok = toks[pos++];
    if (!tok) throw invalidFilter('unexpected end of expression.');
    if (tok.t === 'str' || tok.t === 'num') return tok.v;
    if (tok.t === 'id' && ['null', 'true', 'false'].includes(tok.v.toLowerCase()))
      return tok.v.toLowerCase() === 'null' ? null : tok.v.toLowerCase() === 'true';
    throw invalidFilter(`expected a literal value.`);
  };
  const primary = (): Filter => {
    const tok = toks[pos++];
    if (!tok) throw invalidFilter('unexpected end of expression.');
    if (tok.t === 'p' && tok.v === '(') {
      const inner = orExpr();
      expectP(')');
      return inner;
    }
    if (tok.t !== 'id') throw invalidFilter('expected a property or function.');
    const word = tok.v.toLowerCase();
    if (word === 'not') return { op: 'not', inner: primary() };
    if ((word === 'startswith' || word === 'endswith') && peek()?.t === 'p' && peek()?.v === '(') {
      expectP('(');
      const prop = toks[pos++];
      if (prop?.t !== 'id') throw invalidFilter(`${tok.v} expects a property name.`);
      expectP(',');
      const value = literal();
      expectP(')');
      if (typeof value !== 'string') throw invalidFilter(`${tok.v} expects a string.`);
      return { op: word, prop: prop.v, value };
    }
    const op = toks[pos++];
    if (op?.t === 'id' && (isWord(op, 'eq') || isWord(op, 'ne')))
      return { op: op.v.toLowerCase() as 'eq' | 'ne', prop: tok.v, value: literal() };
    if (isWord(op, 'in')) {
      expectP('(');
      const values = [literal()];
      while (peek()?.t === 'p' && peek()?.v === ',') {
        pos++;
        values.push(literal());
      }
      expectP(')');
      return { op: 'in', prop: tok.v, values };
    }
    throw invalidFilter(`unsupported operator after '${tok.v}'.`);
  };
  const andExpr = (): Filter => {
    let left = primary();
    while (isWord(peek(), 'and')) {
      pos++;
      left = { op: 'and', left, right: primary() };
    }
    return left;
  };
  const orExpr = (): Filter => {
    let left = andExpr();
    while (isWord(peek(), 'or')) {
      pos++;
      left = { op: 'or', left, right: andExpr() };
    }
    return left;
  };
  const f = orExpr();
  if (pos < toks.length) throw invalidFilter(`unexpected token at the end.`);
  return f;
}

const EQ_PROPS = new Set(
  SELECTABLE_USER_PROPERTIES.filter((p) => p !== 'businessPhones').map((p) => p.toLowerCase()),
);
const STARTSWITH_PROPS = new Set(
  ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName', 'jobTitle', 'department'].map((p) =>
    p.toLowerCase(),
  ),
);
const ENDSWITH_PROPS = new Set(['mail', 'userprincipalname']);

const unsupportedProperty = (prop: string) =>
  new GraphError(
    400,
    'Request_UnsupportedQuery',
    `Unsupported or invalid query filter clause specified for property '${prop}' of resource 'User'.`,
  );

const needsAdvanced = (op: string) =>
  new GraphError(
    400,
    'Request_UnsupportedQuery',
    `Operator '${op}' is not supported because the required parameters might be missing. Try adding $count with a value of true and set the ConsistencyLevel header to eventual.`,
  );

/**
 * Checks the filter against what the service supports: `ne`, `not` and `endsWith` are "advanced queries" that
 * need ConsistencyLevel: eventual and $count=true.
 */
export function validateFilter(f: Filter, advanced: boolean): void {
  switch (f.op) {
    case 'and':
    case 'or':
      validateFilter(f.left, advanced);
      validateFilter(f.right, advanced);
      return;
    case 'not':
      if (!advanced) throw needsAdvanced('not');
      validateFilter(f.inner, advanced);
      return;
    case 'eq':
    case 'ne':
    case 'in':
      if (!EQ_PROPS.has(f.prop.toLowerCase())) throw unsupportedProperty(f.prop);
      if (f.op === 'ne' && !advanced) throw needsAdvanced('ne');
      return;
    case 'startswith':
      if (!STARTSWITH_PROPS.has(f.prop.toLowerCase())) throw unsupportedProperty(f.prop);
      return;
    case 'endswith':
      if (!ENDSWITH_PROPS.has(f.prop.toLowerCase())) throw unsupportedProperty(f.prop);
      if (!advanced) throw needsAdvanced('endsWith');
  }
}

const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

/** Entra ID compares strings case-insensitively. */
export function matchesFilter(u: DirectoryUser, f: Filter): boolean {
  switch (f.op) {
    case 'and':
      return matchesFilter(u, f.left) && matchesFilter(u, f.right);
    case 'or':
      return matchesFilter(u, f.left) || matchesFilter(u, f.right);
    case 'not':
      return !matchesFilter(u, f.inner);
    case 'eq':
    case 'ne': {
      const eq = norm(propertyValue(u, canonical.get(f.prop.toLowerCase()) ?? f.prop)) === norm(f.value);
      return f.op === 'eq' ? eq : !eq;
    }
    case 'in': {
      const v = norm(propertyValue(u, canonical.get(f.prop.toLowerCase()) ?? f.prop));
      return f.values.some((x) => norm(x) === v);
    }
    case 'startswith':
    case 'endswith': {
      const v = propertyValue(u, canonical.get(f.prop.toLowerCase()) ?? f.prop);
      if (typeof v !== 'string') return false;
      return f.op === 'startswith'
        ? v.toLowerCase().startsWith(f.value.toLowerCase())
        : v.toLowerCase().endsWith(f.value.toLowerCase());
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// $search: "property:term" clauses, tokenised prefix match, joined with AND / OR.

const SEARCH_PROPS = [
  'displayName',
  'givenName',
  'surname',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'department',
];

export interface SearchClause {
  prop: string;
  term: string;
}
export interface SearchExpr {
  clauses: SearchClause[];
  /** Operators between consecutive clauses. */
  ops: ('AND' | 'OR')[];
}

export function parseSearch(raw: string): SearchExpr {
  const re = /\s*"([^"]*)"\s*(?:(AND|OR)\b)?/gy;
  const clauses: SearchClause[] = [];
  const ops: ('AND' | 'OR')[] = [];
  let m: RegExpExecArray | null;
  let consumed = 0;
  let pendingOp: 'AND' | 'OR' | undefined;
  while ((m = re.exec(raw)) !== null && m[0] !== '') {
    consumed = re.lastIndex;
    const inner = m[1]!;
    const idx = inner.indexOf(':');
    if (idx <= 0)
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Syntax error: '${inner}' must be 'property:value'.`,
      );
    const propName = inner.slice(0, idx);
    const prop = SEARCH_PROPS.find((p) => p.toLowerCase() === propName.toLowerCase());
    if (!prop)
      throw new GraphError(
        400,
        'Request_UnsupportedQuery',
        `Unsupported query: property '${propName}' is not searchable on resource 'User'.`,
      );
    if (clauses.length > 0) ops.push(pendingOp ?? 'AND');
    clauses.push({ prop, term: inner.slice(idx + 1) });
    pendingOp = m[2] as 'AND' | 'OR' | undefined;
    if (!pendingOp) break;
  }
  if (clauses.length === 0 || consumed < raw.trimEnd().length)
    throw new GraphError(
      400,
      'Request_UnsupportedQuery',
      `Syntax error: $search must be one or more "property:value" clauses in double quotes.`,
    );
  return { clauses, ops };
}

/** The directory search matches a term against the start of any word of the value (tokenised search). */
function termMatches(value: unknown, term: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.toLowerCase();
  const t = term.toLowerCase().trim();
  if (t === '') return true;
  for (let i = 0; i < v.length; i++) {
    if ((i === 0 || /[\s\-_.@']/.test(v[i - 1]!)) && v.startsWith(t, i)) return true;
  }
  return false;
}

export function matchesSearch(u: DirectoryUser, s: SearchExpr): boolean {
  // AND binds tighter than OR, as in the service's KQL-like syntax.
  let anyGroup = false;
  let group = true;
  s.clauses.forEach((c, i) => {
    const hit = termMatches(propertyValue(u, c.prop), c.term);
    if (i > 0 && s.ops[i - 1] === 'OR') {
      anyGroup ||= group;
      group = hit;
    } else group &&= hit;
  });
  return anyGroup || group;
}

import { describe, expect, it } from 'vitest';
import { GraphError } from '../../src/emulator/http/errors';
import {
  compileFilter,
  filterFields,
  normaliseDateTime,
  parseFilter,
  parseOrderBy,
  type SqlField,
} from '../../src/emulator/sharepoint/odata';

const resolve = (path: string): SqlField => {
  const kinds: Record<string, SqlField['kind']> = {
    'fields/Title': 'text',
    'fields/Count': 'number',
    'fields/Done': 'boolean',
    'fields/Start': 'datetime',
    'fields/MentorLookupId': 'number',
  };
  const kind = kinds[path];
  if (!kind) throw new GraphError(400, 'invalidRequest', `Field '${path}' is not recognized`);
  return { sql: `F(${path.slice(7)})`, kind };
};

const compile = (src: string) => {
  const params: unknown[] = [];
  const sql = compileFilter(parseFilter(src), resolve, params);
  return { sql, params };
};

describe('OData $filter parser', () => {
  it('parses a doubled quote inside a string literal as one quote', () => {
    expect(parseFilter("fields/Title eq 'O''Brien'")).toEqual({
      type: 'compare',
      op: 'eq',
      field: 'fields/Title',
      value: { kind: 'string', value: "O'Brien" },
    });
  });

  it('keeps an injection attempt inside the literal: one comparison, one bound parameter', () => {
    const { sql, params } = compile("fields/Title eq 'x'' or 1 eq 1 or ''y'");
    expect(sql).toBe('(F(Title) = ?)');
    expect(params).toEqual(["x' or 1 eq 1 or 'y"]);
  });

  it('parses numbers, booleans, null and both datetime forms', () => {
    expect(compile('fields/Count ge -2.5').params).toEqual([-2.5]);
    expect(compile('fields/Done eq true').params).toEqual([1]);
    expect(compile('fields/Title eq null').sql).toBe('(F(Title) IS NULL)');
    expect(compile('fields/Title ne null').sql).toBe('(F(Title) IS NOT NULL)');
    expect(compile('fields/Start lt 2026-11-26T09:00:00Z').params).toEqual(['2026-11-26T09:00:00Z']);
    expect(compile("fields/Start lt datetime'2026-11-26T10:00:00+01:00'").params).toEqual([
      '2026-11-26T09:00:00Z',
    ]);
    expect(compile("fields/Start ge '2026-11-26'").params).toEqual(['2026-11-26T00:00:00Z']);
  });

  it('gives and precedence over or, honours parentheses and not', () => {
    expect(compile("fields/Title eq 'a' or fields/Count eq 1 and fields/Done eq false").sql).toBe(
      '((F(Title) = ?) OR ((F(Count) = ?) AND (F(Done) = ?)))',
    );
    expect(compile("(fields/Title eq 'a' or fields/Count eq 1) and not fields/Done eq true").sql).toBe(
      '(((F(Title) = ?) OR (F(Count) = ?)) AND (NOT (F(Done) = ?)))',
    );
  });

  it('maps every comparison operator and flips a literal on the left', () => {
    const ops = { eq: '=', ne: 'IS NOT', lt: '<', le: '<=', gt: '>', ge: '>=' };
    for (const [op, sql] of Object.entries(ops))
      expect(compile(`fields/Count ${op} 3`).sql).toBe(`(F(Count) ${sql} ?)`);
    expect(compile('3 lt fields/Count').sql).toBe('(F(Count) > ?)');
  });

  it('compiles startswith case-insensitively with the prefix bound', () => {
    const { sql, params } = compile("startswith(fields/Title,'Ab''c')");
    expect(sql).toBe('(lower(substr(F(Title), 1, ?)) = lower(?))');
    expect(params).toEqual([4, "Ab'c"]);
  });

  it('coerces a lookup id given as a string and refuses a type mismatch', () => {
    expect(compile("fields/MentorLookupId eq '12'").params).toEqual([12]);
    expect(() => compile("fields/Count eq 'many'")).toThrow(/not of the column's type/);
    expect(() => compile("fields/Done eq 'yes'")).toThrow(/not of the column's type/);
  });

  it('refuses malformed expressions with a 400 invalidRequest', () => {
    for (const bad of [
      "fields/Title eq 'open",
      'fields/Title eq',
      "fields/Title eq 'a' and",
      "(fields/Title eq 'a'",
      "fields/Title like 'a'",
      "fields/Title eq 'a' 'b'",
      '',
      'fields/Start eq 2026-13-45T99:00:00Z',
      "fields/Title eq 'a'; drop table x",
    ]) {
      let err: unknown;
      try {
        parseFilter(bad);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(GraphError);
      expect((err as GraphError).status).toBe(400);
      expect((err as GraphError).code).toBe('invalidRequest');
    }
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const deep = `${'('.repeat(200)}fields/Count eq 1${')'.repeat(200)}`;
    expect(() => parseFilter(deep)).toThrow(/nested too deeply/);
  });

  it('lists the fields a filter uses', () => {
    expect(
      filterFields(parseFilter("fields/A eq 1 and (fields/B eq 2 or not startswith(fields/C,'x'))")),
    ).toEqual(['fields/A', 'fields/B', 'fields/C']);
  });
});

describe('OData $orderby parser and dates', () => {
  it('parses several keys with directions', () => {
    expect(parseOrderBy('fields/Start desc, fields/Title')).toEqual([
      { field: 'fields/Start', desc: true },
      { field: 'fields/Title', desc: false },
    ]);
    expect(() => parseOrderBy('fields/Start sideways')).toThrow(GraphError);
  });

  it('normalises dates to SharePoint UTC form', () => {
    expect(normaliseDateTime('2026-11-26T09:00:00.123Z')).toBe('2026-11-26T09:00:00Z');
    expect(normaliseDateTime('2026-11-26')).toBe('2026-11-26T00:00:00Z');
    expect(normaliseDateTime('26/11/2026')).toBeUndefined();
  });
});

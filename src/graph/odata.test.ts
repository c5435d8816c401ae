import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  and,
  anyOf,
  buildQuery,
  drivePath,
  eq,
  expandFields,
  ge,
  literal,
  odataString,
  startswith,
} from './odata';

/** Undoes buildQuery's single encoding and the OData quote doubling: what the service will compare against. */
function decodeStringLiteral(odata: string): string {
  const m = /^'((?:[^']|'')*)'$/.exec(odata);
  if (!m) throw new Error(`not one string literal: ${odata}`);
  return m[1]!.replace(/''/g, "'");
}

describe('odataString', () => {
  it('doubles single quotes and wraps in quotes', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    expect(odataString("' or 1 eq 1 or 'a' eq '")).toBe("''' or 1 eq 1 or ''a'' eq '''");
  });

  it('round-trips every string as exactly one literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(decodeStringLiteral(odataString(s))).toBe(s);
      }),
    );
  });
});

describe('literal', () => {
  it('renders numbers, booleans, null and dates; refuses NaN/Infinity and invalid dates', () => {
    expect(literal(3)).toBe('3');
    expect(literal(false)).toBe('false');
    expect(literal(null)).toBe('null');
    expect(literal(new Date('2026-11-26T09:00:00.123Z'))).toBe('2026-11-26T09:00:00Z');
    expect(() => literal(Number.NaN)).toThrow(RangeError);
    expect(() => literal(Infinity)).toThrow(RangeError);
    expect(() => literal(new Date('x'))).toThrow(RangeError);
  });
});

describe('filter builder', () => {
  it('builds comparisons and groups conjunctions', () => {
    const f = and(eq('fields/Phase', 'execution'), ge('fields/StartDate', new Date('2026-01-01T00:00:00Z')));
    expect(f.odata).toBe("(fields/Phase eq 'execution') and (fields/StartDate ge 2026-01-01T00:00:00Z)");
    expect(startswith('fields/Title', "l'a").odata).toBe("startswith(fields/Title,'l''a')");
    expect(anyOf('fields/Phase', ['a', 'b']).odata).toBe("(fields/Phase eq 'a') or (fields/Phase eq 'b')");
  });

  it('refuses anything but a property path on the left', () => {
    expect(() => eq("fields/Key eq 'x' or 1", 'y')).toThrow(RangeError);
    expect(() => eq('fields/Ke y', 'y')).toThrow(RangeError);
    expect(() => expandFields(['Key)', 'x'])).toThrow(RangeError);
  });
});

describe('buildQuery', () => {
  it('encodes the whole filter exactly once', () => {
    const tricky = "50% O'Neil #1 & co/ltd + é ✓";
    const q = buildQuery({ filter: eq('fields/Key', tricky), top: 5000 });
    expect(q).toMatch(/^\?\$filter=[^&#+ ]+&\$top=5000$/);
    const params = new URLSearchParams(q.slice(1));
    expect(params.get('$filter')).toBe(`fields/Key eq ${odataString(tricky)}`);
    expect(decodeStringLiteral(params.get('$filter')!.replace('fields/Key eq ', ''))).toBe(tricky);
  });

  it('keeps an injection fragment inside the literal', () => {
    const q = buildQuery({ filter: eq('fields/Key', "x' or fields/Key ne 'x") });
    expect(new URLSearchParams(q.slice(1)).get('$filter')).toBe("fields/Key eq 'x'' or fields/Key ne ''x'");
  });

  it('checks $top and $orderby', () => {
    expect(() => buildQuery({ top: 0 })).toThrow(RangeError);
    expect(() => buildQuery({ orderby: ['fields/Due sideways'] })).toThrow(RangeError);
    expect(buildQuery({ orderby: ['fields/Due desc'], expand: expandFields(['Key']) })).toBe(
      '?$expand=fields(%24select%3DKey)&$orderby=fields%2FDue%20desc',
    );
    expect(buildQuery({})).toBe('');
  });
});

describe('drivePath', () => {
  it('encodes each segment and refuses traversal', () => {
    expect(drivePath('/INT-1/a b#?.pdf')).toBe('INT-1/a%20b%23%3F.pdf');
    expect(() => drivePath('a/../b')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/i18n';
import { NAMESPACES } from './namespaces';

/** Leaf strings of a nested message object, by dotted key. */
function leaves(o: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

// Words that are the same in several languages on purpose.
const SAME_ALLOWED = new Set([
  'Stagemap',
  'Service',
  'Stages',
  'Mentor',
  'Back-up',
  'Type',
  'Programme',
  'Contacts',
  'Feedback',
  'Details',
  'Phase',
  'Plan',
  'Checklist',
  'Moments',
  'Status',
  'E-mail',
  'Total',
  'Date',
  'Information',
  'Questions',
  'Position',
  'Documents',
  'Sessions',
  'Service head',
  'Ja',
  'School',
  'Actions',
  'Name',
]);

describe('tab messages', () => {
  for (const [ns, messages] of Object.entries(NAMESPACES)) {
    it(`${ns}: the four languages have the same keys, none empty`, () => {
      const en = leaves(messages.en);
      expect(en.size).toBeGreaterThan(0);
      for (const l of LOCALES) {
        const m = leaves(messages[l]);
        expect([...m.keys()].sort(), `${ns}.${l}`).toEqual([...en.keys()].sort());
        for (const [k, v] of m) expect(v.trim(), `${ns}.${l}.${k}`).not.toBe('');
      }
    });

    it(`${ns}: Dutch, French and German are translated, not copied from English`, () => {
      const en = leaves(messages.en);
      for (const l of ['nl', 'fr', 'de'] as const) {
        const m = leaves(messages[l]);
        const copied = [...m].filter(
          ([k, v]) => v === en.get(k) && !SAME_ALLOWED.has(v) && /[a-z]{3}/i.test(v),
        );
        expect(copied, `${ns}.${l}`).toEqual([]);
      }
    });
  }
});

describe('namespace loading', () => {
  it('every namespace is either part of the first screen or loaded with its feature, with the same texts', async () => {
    const { FIRST_SCREEN_NAMESPACE_NAMES, firstScreenTexts, LAZY_NAMESPACES } =
      await import('./namespace-loaders');
    expect([...FIRST_SCREEN_NAMESPACE_NAMES, ...Object.keys(LAZY_NAMESPACES)].sort()).toEqual(
      Object.keys(NAMESPACES).sort(),
    );
    for (const [ns, load] of Object.entries(LAZY_NAMESPACES))
      expect(await load(), ns).toBe(NAMESPACES[ns as keyof typeof NAMESPACES]);
    for (const l of LOCALES) {
      const texts = await firstScreenTexts(l);
      expect(Object.keys(texts).sort(), l).toEqual([...FIRST_SCREEN_NAMESPACE_NAMES].sort());
      for (const ns of FIRST_SCREEN_NAMESPACE_NAMES)
        expect(texts[ns], `${ns}.${l}`).toEqual(NAMESPACES[ns as keyof typeof NAMESPACES][l]);
    }
  });

  it("the first screen's texts of one language come without the other three (vite.config.ts)", () => {
    const dutch = Object.values(
      import.meta.glob<Record<string, Record<string, unknown>>>('./first-screen.ts', {
        query: { locale: 'nl' },
        import: 'FIRST_SCREEN_NAMESPACES',
        eager: true,
      }),
    )[0]!;
    expect(Object.keys(dutch).length).toBeGreaterThan(0);
    for (const [ns, m] of Object.entries(dutch)) {
      expect(Object.keys(m), ns).toEqual(['nl']);
      expect(m.nl, ns).toEqual(NAMESPACES[ns as keyof typeof NAMESPACES].nl);
    }
  });
});

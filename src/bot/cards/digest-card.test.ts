import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../domain/i18n';
import { cardBytes, MAX_CARD_BYTES } from './card-shell';
import { demoContext, demoCoordinator, demoDigestEntries } from './demo';
import { digestCard, MAX_DIGEST_LINES } from './digest-card';
import type { Container, RichTextBlock } from './schema';

const lines = (card: ReturnType<typeof digestCard>) =>
  card.body.filter((e): e is Container => e.type === 'Container');

describe('coordinator digest', () => {
  it('lists intern, moment, due date, days late and who was asked, with a link per internship', () => {
    const card = digestCard(
      { coordinator: demoCoordinator, date: '2027-03-22', entries: demoDigestEntries(2) },
      demoContext('nl'),
    );
    const [first] = lines(card);
    const text = JSON.stringify(first);
    expect(text).toContain('Youssef El Amrani (2)');
    expect(text).toContain('Tussentijdse evaluatie · gepland op 2 maart 2027');
    expect(text).toContain('6 dagen te laat');
    expect(text).toContain('Pieter De Smet, Sophie Dubois');
    const name = (first?.items[0] as RichTextBlock).inlines[0];
    expect(decodeURIComponent(name?.selectAction?.url ?? '')).toContain('"subEntityId":"i-demo-2"');
  });

  it('caps 40 lines, most overdue first, with "and N more" and a link to the tab, under 28 KB', () => {
    for (const locale of LOCALES) {
      const card = digestCard(
        { coordinator: demoCoordinator, date: '2027-03-22', entries: demoDigestEntries(40) },
        demoContext(locale),
      );
      expect(lines(card)).toHaveLength(MAX_DIGEST_LINES);
      expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
      const late = lines(card).map((c) =>
        Number(/(\d+) /.exec(JSON.stringify(c.items[1]).split('·').pop() ?? '')?.[1]),
      );
      expect([...late].sort((a, b) => b - a)).toEqual(late);
      expect(card.actions?.[0]).toMatchObject({
        type: 'Action.OpenUrl',
        url: demoContext(locale).links.overview(),
      });
    }
    const en = digestCard(
      { coordinator: demoCoordinator, date: '2027-03-22', entries: demoDigestEntries(40) },
      demoContext('en'),
    );
    expect(JSON.stringify(en.body)).toContain('And 15 more.');
  });

  it('shows fewer lines when very long names would exceed the limit', () => {
    const entries = demoDigestEntries(40).map((e) => ({ ...e, internName: 'N'.repeat(1500) }));
    const card = digestCard({ coordinator: demoCoordinator, date: '2027-03-22', entries }, demoContext('de'));
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(lines(card).length).toBeLessThan(MAX_DIGEST_LINES);
    expect(JSON.stringify(card.body)).toContain(`Und ${40 - lines(card).length} weitere.`);
  });

  it('says so when nothing is overdue', () => {
    const card = digestCard(
      { coordinator: demoCoordinator, date: '2027-03-22', entries: [] },
      demoContext('fr'),
    );
    expect(JSON.stringify(card.body)).toContain('Aucun moment en retard.');
  });
});

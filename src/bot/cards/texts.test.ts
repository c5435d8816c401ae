import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATES } from '../../domain/checklists';
import { LOCALES, type Locale } from '../../domain/i18n';
import {
  ALL_QUESTIONS,
  QUESTIONNAIRES,
  SCALE5_ANCHORS,
  TRAFFIC_LIGHT_CHOICES,
} from '../../domain/questionnaires';
import { MOMENT_KINDS } from '../../domain/schedule';
import { escapeMarkdown } from './format';
import { MOMENT_TITLES, SAME_ON_PURPOSE, TEXTS, type TextKey } from './texts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the bot's own texts", () => {
  const all: [string, Record<Locale, string>][] = [
    ...Object.entries(TEXTS),
    ...Object.entries(MOMENT_TITLES).map(([k, v]): [string, Record<Locale, string>] => [`moment.${k}`, v]),
  ];

  it('exist, non-empty, in nl, fr, de and en, with the same placeholders', () => {
    for (const [key, text] of all) {
      for (const locale of LOCALES) expect(text[locale]?.trim(), `${key}.${locale}`).toBeTruthy();
      for (const locale of LOCALES)
        expect(placeholders(text[locale]), `${key}.${locale}`).toEqual(placeholders(text.en));
    }
    expect(Object.keys(MOMENT_TITLES).sort()).toEqual([...MOMENT_KINDS].sort());
  });

  it('differ between the languages (except the listed words that coincide)', () => {
    for (const [key, text] of all) {
      const allowed = SAME_ON_PURPOSE[key as TextKey];
      for (const a of LOCALES) {
        for (const b of LOCALES) {
          if (a >= b) continue;
          const same = allowed !== undefined && allowed.includes(a) && allowed.includes(b);
          if (!same) expect(text[a], `${key}: ${a} = ${b}`).not.toBe(text[b]);
        }
      }
    }
  });

  it('use Belgian French spacing before ":", "?" and "!"', () => {
    for (const [key, text] of all) expect(text.fr, key).not.toMatch(/\S[:?!](\s|$)/);
  });
});

describe('escapeMarkdown', () => {
  it('leaves every default question, choice and checklist text unchanged (nothing visible changes)', () => {
    const texts = [
      ...ALL_QUESTIONS.flatMap((q) => [
        q.text,
        ...(q.help ? [q.help] : []),
        ...(q.choices ?? []).map((c) => c.text),
      ]),
      ...Object.values(QUESTIONNAIRES).flatMap((q) => (q.intro ? [q.intro, q.title] : [q.title])),
      ...CHECKLIST_TEMPLATES.flatMap((i) => (i.hint ? [i.text, i.hint] : [i.text])),
      ...TRAFFIC_LIGHT_CHOICES.map((c) => c.text),
      SCALE5_ANCHORS.low,
      SCALE5_ANCHORS.high,
    ];
    for (const text of texts)
      for (const locale of LOCALES) expect(escapeMarkdown(text[locale])).toBe(text[locale]);
  });

  it('neutralises emphasis, links, html, headings and lists', () => {
    expect(escapeMarkdown('**bold** [x](https://evil)')).toBe('\\*\\*bold\\*\\* \\[x\\](https://evil)');
    expect(escapeMarkdown('<b>x</b>')).toBe('\\<b\\>x\\</b\\>');
    expect(escapeMarkdown('# title\n- item\n1. first')).toBe('\\# title\n\\- item\n1\\. first');
  });
});

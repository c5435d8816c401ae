/**
 * Every LocalizedText of the domain's content exists in all four languages (BRIEF "Languages"). The texts are
 * found by walking the modules' exports generically, so a new checklist, document or questionnaire is checked
 * without touching this test.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from './i18n';
import * as checklists from './checklists';
import * as documents from './documents';
import * as questionnaires from './questionnaires';

/**
 * Texts that are rightly the same in two or more languages: proper nouns and acronyms. A text that is equal in
 * two languages and not listed here is taken to be an untranslated copy.
 */
const SAME_IN_EVERY_LANGUAGE: ReadonlySet<string> = new Set(['EMAS', 'ICT', 'Selor', 'LinkedIn', 'SMART']);

interface FoundText {
  path: string;
  value: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** An object with any locale key is meant to be a LocalizedText, so a missing language is caught too. */
const looksLikeText = (value: Record<string, unknown>): boolean => LOCALES.some((locale) => locale in value);

function collectTexts(value: unknown, path: string, out: FoundText[], seen: Set<object>): FoundText[] {
  if (!isRecord(value) || seen.has(value)) return out;
  seen.add(value);
  if (looksLikeText(value)) {
    out.push({ path, value });
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => collectTexts(item, `${path}[${i}]`, out, seen));
  } else {
    for (const [key, child] of Object.entries(value)) collectTexts(child, `${path}.${key}`, out, seen);
  }
  return out;
}

/** What is wrong with one text; empty when it is complete. */
function textProblems({ path, value }: FoundText): string[] {
  const problems: string[] = [];
  const extra = Object.keys(value).filter((key) => !(LOCALES as readonly string[]).includes(key));
  if (extra.length > 0) problems.push(`${path}: unexpected keys ${extra.join(', ')}`);
  for (const locale of LOCALES) {
    const text = value[locale];
    if (typeof text !== 'string') problems.push(`${path}.${locale}: missing`);
    else if (text.trim() === '') problems.push(`${path}.${locale}: empty`);
    else if (text !== text.trim()) problems.push(`${path}.${locale}: leading or trailing whitespace`);
    else if (/\s{2,}/.test(text)) problems.push(`${path}.${locale}: double whitespace`);
  }
  for (const [i, a] of LOCALES.entries()) {
    for (const b of LOCALES.slice(i + 1)) {
      const same = typeof value[a] === 'string' && value[a] === value[b];
      if (same && !SAME_IN_EVERY_LANGUAGE.has(value[a] as string)) {
        problems.push(`${path}: ${a} and ${b} are identical ("${String(value[a])}")`);
      }
    }
  }
  return problems;
}

const MODULES = { checklists, documents, questionnaires };
const found = collectTexts(MODULES, 'domain', [], new Set());

describe('the text checker itself', () => {
  it('reports a missing language, an empty or padded text and an untranslated copy', () => {
    const bad = (value: Record<string, unknown>) => textProblems({ path: 'sample', value });
    expect(bad({ nl: 'Ja', fr: 'Oui', en: 'Yes' })).toEqual(['sample.de: missing']);
    expect(bad({ nl: 'Ja', fr: '', de: 'Ja, gerne', en: 'Yes' })).toEqual(['sample.fr: empty']);
    expect(bad({ nl: ' Ja', fr: 'Oui', de: 'Ja, gerne', en: 'Yes' })).toEqual([
      'sample.nl: leading or trailing whitespace',
    ]);
    expect(bad({ nl: 'Taak', fr: 'Task', de: 'Aufgabe', en: 'Task' })).toEqual([
      'sample: fr and en are identical ("Task")',
    ]);
    expect(bad({ nl: 'Selor', fr: 'Selor', de: 'Selor', en: 'Selor' })).toEqual([]);
    expect(bad({ nl: 'a', fr: 'b', de: 'c', en: 'd', es: 'e' })).toEqual(['sample: unexpected keys es']);
  });

  it('finds texts nested anywhere in the exports', () => {
    const fake = { list: [{ deep: { label: { nl: 'x', fr: 'y', de: 'z' } } }] };
    const texts = collectTexts(fake, 'fake', [], new Set());
    expect(texts.map((t) => t.path)).toEqual(['fake.list[0].deep.label']);
    expect(textProblems(texts[0]!)).toEqual(['fake.list[0].deep.label.en: missing']);
  });
});

describe('domain texts', () => {
  it('finds the texts of every module', () => {
    expect(found.filter((t) => t.path.startsWith('domain.checklists.')).length).toBeGreaterThan(50);
    expect(found.filter((t) => t.path.startsWith('domain.documents.')).length).toBeGreaterThanOrEqual(20);
    expect(found.filter((t) => t.path.startsWith('domain.questionnaires.')).length).toBeGreaterThan(150);
  });

  it('exist in nl, fr, de and en, trimmed, and really translated', () => {
    expect(found.flatMap(textProblems)).toEqual([]);
  });
});

/**
 * Turning texts into card text safely. Two paths, chosen by where a text ends up:
 * - markdown slots (TextBlock, Toggle title, choice title, error message) accept only `SafeText`: our own constant
 *   texts via `safe()`, or editable texts (questionnaire and checklist wording a coordinator may change) through
 *   `escapeMarkdown()`;
 * - user-typed values (names, topics, answers) become `TextRun`s via `userRun()`/`fill()`, never markdown.
 */
import type { Locale, LocalizedText } from '../../domain/i18n';
import type { SafeText, TextRun } from './schema';
import { DATE_LOCALE } from './texts';

/** Marks one of our own constant texts (no user data in it) as fit for a markdown slot. */
export const safe = (text: string): SafeText => text as SafeText;

export const tr = (text: LocalizedText, locale: Locale): string => text[locale];

/**
 * Backslash-escapes what Adaptive Card markdown (a CommonMark subset) acts on: emphasis, links, code, headings,
 * lists, quotes, raw HTML. Only present characters are touched, so the default toolbox texts come out unchanged
 * (a test checks that), and a coordinator's `**x**` or `[x](url)` shows literally.
 */
export function escapeMarkdown(text: string): SafeText {
  const escaped = text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
  return escaped as SafeText;
}

/**
 * `{{DATE(…)}}` and `{{TIME(…)}}` are expanded by renderers even inside TextRuns; a zero-width space between the
 * braces keeps a user's text literal while it still reads the same.
 */
export const neutralizeFunctions = (text: string): string => text.replace(/\{\{/g, '{\u200B{');

/** A TextRun holding user-typed text: never interpreted as markdown, HTML or a formatting function. */
export const userRun = (text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'TextRun',
  text: neutralizeFunctions(text),
  ...style,
});

/** A TextRun holding one of our texts (it may still contain user-independent formatting such as dates). */
export const run = (text: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun => ({
  type: 'TextRun',
  text,
  ...style,
});

/**
 * Fills a template such as "Answered by {name} on {date}" into TextRuns: the template's words as plain runs, each
 * value as its own run (optionally emphasised). Values are never spliced into a markdown string.
 */
export function fill(
  template: string,
  values: Readonly<Record<string, string>>,
  valueStyle: Omit<TextRun, 'type' | 'text'> = {},
  baseStyle: Omit<TextRun, 'type' | 'text'> = {},
): TextRun[] {
  const runs: TextRun[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    const value = values[name];
    if (value === undefined) continue;
    if (match.index > last) runs.push(run(template.slice(last, match.index), baseStyle));
    runs.push(userRun(value, { ...baseStyle, ...valueStyle }));
    last = match.index + match[0].length;
  }
  if (last < template.length) runs.push(run(template.slice(last), baseStyle));
  return runs;
}

/** Replaces `{n}`-style placeholders with values that are ours (numbers, formatted dates): plain string. */
export const interpolate = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });

/** "Label: " — with the space French typography puts before a colon ("Stagiaire : "). */
export const withColon = (label: string, locale: Locale): string =>
  locale === 'fr' ? `${label} : ` : `${label}: `;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "2027-02-01" → "maandag 1 februari 2027" / "lundi 1 février 2027" …; the date is a Belgian calendar date. */
export function formatDate(date: string, locale: Locale, withWeekday = true): string {
  if (!ISO_DATE.test(date)) throw new RangeError(`formatDate: not an ISO date: ${date}`);
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    timeZone: 'UTC',
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as Brussels wall-clock date and time, e.g. "3 februari 2027 om 10:15". */
export function formatInstant(instant: string, locale: Locale): string {
  const time = Date.parse(instant);
  if (Number.isNaN(time)) throw new RangeError(`formatInstant: not an instant: ${instant}`);
  return new Intl.DateTimeFormat(DATE_LOCALE[locale], {
    timeZone: 'Europe/Brussels',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(time));
}

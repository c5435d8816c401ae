/**
 * Answers typed into a questionnaire form of the tab (evaluations and surveys) → validated values per question,
 * or localized errors per field. Pure, so the server validates and the tab could pre-check with the same rules.
 *
 * Field ids follow the bot's card convention (`<question key>__<milestone key>` for per-milestone questions), so
 * an evaluation answered on a card and one filled in the tab store the same answer keys. The bot keeps its own
 * parser (it also handles the card envelope and string-typed card inputs); this one takes typed JSON as well as
 * strings, and refuses keys that are not fields of the form (a form, unlike an old card, is always current).
 */
import { z } from 'zod';
import type { Locale } from './i18n';
import type { Milestone } from './plan';
import { maxLengthOf, questionnaire, type Question, type QuestionnaireKey } from './questionnaires';
import { TRAFFIC_LIGHT_CHOICES } from './questionnaires/common';
import type { IsoDate } from './internship';
import { OPEN_MOMENT_STATES, type AnswerValue, type Moment } from './records';
import { isoDate, text, validate, VALIDATION_TEXTS, type FieldError, type Validated } from './validation';

export const MILESTONE_FIELD_SEPARATOR = '__';
/** Milestone keys end up in answer keys (domain pattern `[A-Za-z0-9_.-]{1,80}`); others are not asked. */
const MILESTONE_KEY = /^[A-Za-z0-9-]{1,40}$/;
/** A form has well under 100 fields; more keys than this is not a form of ours. */
const MAX_KEYS = 200;

export interface AnswerField {
  /** The answer key: the question key, suffixed for per-milestone questions. */
  id: string;
  question: Question;
  milestone?: { key: string; title: string; index: number };
}

/** The fields of a questionnaire for one internship: per-milestone questions first, milestone by milestone. */
export function answerFields(
  key: QuestionnaireKey,
  milestones: readonly Pick<Milestone, 'key' | 'title'>[] = [],
): AnswerField[] {
  const questions = questionnaire(key).questions;
  const usable = milestones.filter(
    (m, n) => MILESTONE_KEY.test(m.key) && milestones.findIndex((x) => x.key === m.key) === n,
  );
  const fields: AnswerField[] = [];
  usable.forEach((m, index) => {
    for (const question of questions.filter((q) => q.perMilestone))
      fields.push({
        id: `${question.key}${MILESTONE_FIELD_SEPARATOR}${m.key}`,
        question,
        milestone: { key: m.key, title: m.title, index: index + 1 },
      });
  });
  for (const question of questions) if (!question.perMilestone) fields.push({ id: question.key, question });
  return fields;
}

const message = (key: string, locale: Locale): string => VALIDATION_TEXTS[key]?.[locale] ?? key;

const toNumber = (value: unknown): unknown =>
  typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
const toBoolean = (value: unknown): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** What one present (non-blank) value of a question must be. */
function valueSchema(question: Question, locale: Locale): z.ZodType {
  const wrongType = (key: string) => (issue: { code?: string }) =>
    issue.code === 'invalid_type' ? message(key, locale) : undefined;
  const oneOf = (keys: readonly string[]) =>
    z.enum(keys as [string, ...string[]], { error: () => message('choice', locale) });
  switch (question.kind) {
    case 'scale5':
      return z.preprocess(
        toNumber,
        z
          .number({ error: wrongType('integer') })
          .int()
          .min(1)
          .max(5),
      );
    case 'yesNo':
      return z.preprocess(toBoolean, z.boolean({ error: wrongType('choice') }));
    case 'trafficLight':
      return oneOf(TRAFFIC_LIGHT_CHOICES.map((c) => c.key));
    case 'choice':
      return oneOf((question.choices ?? []).map((c) => c.key));
    case 'text':
    case 'longText':
      return text(maxLengthOf(question) ?? 4000);
    case 'date':
      return isoDate;
    case 'number':
      return z.preprocess(toNumber, z.number({ error: wrongType('integer') }).finite());
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Validates a form's answers. Required questions must be answered; optional ones left blank are not stored.
 * Error paths are the field ids, so the tab puts each message under its own control.
 */
export function validateAnswers(
  fields: readonly AnswerField[],
  input: unknown,
  locale: Locale,
): Validated<Record<string, AnswerValue>> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, errors: [{ path: '', message: message('required', locale) }] };
  const payload = input as Record<string, unknown>;
  const keys = Object.keys(payload);
  if (keys.length > MAX_KEYS)
    return {
      ok: false,
      errors: [{ path: '', message: message('tooManyItems', locale).replace('{n}', String(MAX_KEYS)) }],
    };
  const known = new Set(fields.map((f) => f.id));
  const errors: FieldError[] = keys
    .filter((k) => !known.has(k))
    .map((k) => ({ path: k, message: message('unknownField', locale).replace('{n}', k.slice(0, 80)) }));
  const answers: Record<string, AnswerValue> = {};
  for (const field of fields) {
    const raw = payload[field.id];
    if (isBlank(raw)) {
      if (field.question.required) errors.push({ path: field.id, message: message('required', locale) });
      continue;
    }
    const r = validate(valueSchema(field.question, locale), raw, locale);
    if (!r.ok) {
      errors.push(...r.errors.map((e) => ({ path: field.id, message: e.message })));
      continue;
    }
    const v: unknown = r.value;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') answers[field.id] = v;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: answers };
}

/**
 * The moment a questionnaire filled in the tab answers, so its card is closed and nobody is escalated for it:
 * the open moment of that kind — for the repeating follow-up, the earliest one due on or before the day of the
 * answer (a later follow-up is not answered ahead); for one-off moments, the open one whatever its date (a
 * final evaluation filled in a week early answers it). Undefined when none is open.
 */
export function momentAnsweredInTab<M extends Pick<Moment, 'kind' | 'state' | 'dueDate' | 'seq'>>(
  moments: readonly M[],
  questionnaireKey: QuestionnaireKey,
  answeredOn: IsoDate,
): M | undefined {
  const open = moments
    .filter(
      (m) =>
        m.kind === questionnaireKey &&
        (OPEN_MOMENT_STATES.includes(m.state) || m.state === 'failed') &&
        (m.kind !== 'followUp' || m.dueDate <= answeredOn),
    )
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.seq - b.seq));
  return open[0];
}

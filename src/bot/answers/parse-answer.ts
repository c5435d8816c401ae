/**
 * An `Action.Execute` (or fallback `Action.Submit`) payload → a typed, validated answer, or localized errors per
 * field. Pure: the caller checks that the moment is still open and that the actor may answer it, writes the
 * answer once per `answerKey`, and re-renders the card (answered, or `errorCard` with `values` and `errors`).
 *
 * What the client sends: our `data` (momentKey, internshipId, answerKey, and `verb` from the Submit fallback) merged
 * with every input's value as a string: "true"/"false" for toggles and yes/no choices, "1".."5" for scores, choice
 * keys, text as typed. Numbers and booleans are accepted too, for clients that send them typed.
 *
 * Unknown keys are ignored, not refused, and reported in `ignoredKeys` for the log: a card sent before a
 * coordinator hid a checklist item or before a question was removed still carries the old input, and refusing it
 * would block an otherwise valid answer. Ignoring is safe because only the form's own fields are ever copied into
 * the answer. What is refused is an envelope that is not ours (missing or malformed keys) and absurd payloads.
 */
import { z } from 'zod';
import type { Locale } from '../../domain/i18n';
import { maxLengthOf, type Question } from '../../domain/questionnaires';
import {
  type FieldError,
  id,
  isoDate,
  momentAnswerInput,
  text,
  validate,
  VALIDATION_TEXTS,
} from '../../domain/validation';
import type { Field, Form } from '../cards/forms';

export type AnswerValue = string | number | boolean;

export interface ParsedAnswer {
  momentKey: string;
  internshipId: string;
  answerKey: string;
  /** Field id → value; optional fields left empty are absent. */
  answers: Readonly<Record<string, AnswerValue>>;
  /** Keys of the payload that are neither the envelope nor a field of this form. */
  ignoredKeys: string[];
}

export type AnswerResult =
  | { ok: true; value: ParsedAnswer }
  | {
      ok: false;
      errors: FieldError[];
      /** The user's values for the form's fields, as strings, to keep them on the error card. */
      values: Record<string, string>;
    };

/** Keys of our own `data`; `verb` arrives only through the Action.Submit fallback. */
export const ENVELOPE_KEYS = ['momentKey', 'internshipId', 'answerKey', 'verb'] as const;
/** A payload this big is not from our cards (the largest form has well under 100 inputs). */
const MAX_KEYS = 400;
/** Raw values kept for the error card are bounded, whatever was sent. */
const MAX_KEPT_VALUE = 10_000;

const message = (key: string, locale: Locale): string => VALIDATION_TEXTS[key]?.[locale] ?? key;

const toNumber = (value: unknown): unknown => {
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return value;
};

const toBoolean = (value: unknown): unknown => {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
};

/**
 * The schema of one present (non-blank) value: what the question's kind accepts. Missing and blank values are
 * handled before, so that a required field reads "this field is required" whatever its kind.
 */
export function fieldSchema(question: Question, locale: Locale): z.ZodType {
  // A value of the wrong type ("abc" for a score) gets the field's own message rather than zod's generic one.
  const wrongType = (key: string) => (issue: { code?: string }) =>
    issue.code === 'invalid_type' ? message(key, locale) : undefined;
  switch (question.kind) {
    case 'scale5':
      // SMART scores and satisfaction scales: an integer 1..5 (seed 003).
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
      return z.enum(['green', 'orange', 'red']);
    case 'choice':
      return z.enum((question.choices ?? []).map((c) => c.key) as [string, ...string[]]);
    case 'text':
    case 'longText':
      return text(maxLengthOf(question) ?? 4000);
    case 'date':
      return isoDate;
    case 'number':
      return z.preprocess(toNumber, z.number({ error: wrongType('integer') }).finite());
  }
}

const answerKeyPattern = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9._:@-]+$/);
const envelope = z.object({ momentKey: id, internshipId: id, answerKey: answerKeyPattern });

const keptValue = (v: unknown): string | undefined => {
  if (typeof v === 'string') return v.slice(0, MAX_KEPT_VALUE);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
};

export function parseMomentAnswer(data: unknown, form: Form, locale: Locale): AnswerResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ path: '', message: message('required', locale) }], values: {} };
  }
  const payload = data as Record<string, unknown>;
  const keys = Object.keys(payload);
  const fieldsById = new Map<string, Field>(form.fields.map((f) => [f.id, f]));

  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    const kept = fieldsById.has(key) ? keptValue(value) : undefined;
    if (kept !== undefined) values[key] = kept;
  }
  if (keys.length > MAX_KEYS) {
    return {
      ok: false,
      errors: [{ path: '', message: message('tooManyItems', locale).replace('{n}', String(MAX_KEYS)) }],
      values,
    };
  }

  const head = validate(envelope, payload, locale);
  const errors: FieldError[] = head.ok ? [] : [...head.errors];
  const answers: Record<string, AnswerValue> = {};
  for (const field of form.fields) {
    const raw = payload[field.id];
    if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
      // Optional and left empty: nothing is stored, rather than an empty string.
      if (field.question.required) errors.push({ path: field.id, message: message('required', locale) });
      continue;
    }
    const result = validate(fieldSchema(field.question, locale), raw, locale);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ path: field.id, message: e.message })));
      continue;
    }
    const value: unknown = result.value;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      answers[field.id] = value;
  }
  if (!head.ok || errors.length > 0) return { ok: false, errors, values };

  // Last guard: the shape every stored answer must have (domain), whatever this module's rules say.
  const stored = validate(momentAnswerInput, { momentKey: head.value.momentKey, answers }, locale);
  if (!stored.ok) return { ok: false, errors: stored.errors, values };

  const envelopeKeys: readonly string[] = ENVELOPE_KEYS;
  return {
    ok: true,
    value: {
      momentKey: head.value.momentKey,
      internshipId: head.value.internshipId,
      answerKey: head.value.answerKey,
      answers: stored.value.answers,
      ignoredKeys: keys.filter((k) => !fieldsById.has(k) && !envelopeKeys.includes(k)),
    },
  };
}

/**
 * A form field → the Adaptive Card input for it, generically from the question's kind. Used for the open card
 * (no value) and the error card (the user's values kept, the server's message next to the field).
 */
import type { Locale, LocalizedText } from '../../domain/i18n';
import { maxLengthOf, SCALE5_ANCHORS, TRAFFIC_LIGHT_CHOICES } from '../../domain/questionnaires';
import { VALIDATION_TEXTS } from '../../domain/validation';
import type { Field } from './forms';
import { escapeMarkdown, interpolate, run, safe, tr, userRun, withColon } from './format';
import type { CardElement, Choice, ChoiceSetInput, InputElement, SafeText } from './schema';
import { TEXTS } from './texts';

const validationText = (key: string, locale: Locale): SafeText => {
  const text: LocalizedText | undefined = VALIDATION_TEXTS[key];
  return safe(text ? text[locale] : '');
};

/** Label of a field: the question, prefixed with the milestone number so each repeated question stays distinct. */
export function fieldLabel(field: Field, locale: Locale): string {
  const question = tr(field.question.text, locale);
  if (!field.milestone) return question;
  return `${interpolate(tr(TEXTS.milestone, locale), { n: field.milestone.index })} – ${question}`;
}

/** Choices offered for a question, as (value, localized title) pairs; yes/no answers travel as "true"/"false". */
export function choicesOf(field: Field, locale: Locale): { value: string; title: string }[] {
  const q = field.question;
  switch (q.kind) {
    case 'scale5':
      return [1, 2, 3, 4, 5].map((n) => ({
        value: String(n),
        title:
          n === 1
            ? `1 – ${tr(SCALE5_ANCHORS.low, locale)}`
            : n === 5
              ? `5 – ${tr(SCALE5_ANCHORS.high, locale)}`
              : String(n),
      }));
    case 'trafficLight':
      return TRAFFIC_LIGHT_CHOICES.map((c) => ({ value: c.key, title: tr(c.text, locale) }));
    case 'choice':
      return (q.choices ?? []).map((c) => ({ value: c.key, title: tr(c.text, locale) }));
    case 'yesNo':
      return [
        { value: 'true', title: tr(TEXTS.yes, locale) },
        { value: 'false', title: tr(TEXTS.no, locale) },
      ];
    default:
      return [];
  }
}

/**
 * Optional yes/no questions and checklist items are toggles: unticked honestly means "no / not yet". A required
 * yes/no is an explicit Yes/No choice, so that "no" is a decision and not a default nobody looked at.
 */
export const isToggle = (field: Field): boolean =>
  field.question.kind === 'yesNo' && (field.checklistItem || !field.question.required);

export interface InputState {
  /** The value the user sent (error card); kept as typed. */
  value?: string;
  /** The server's localized message for this field. */
  error?: string;
}

export function inputFor(field: Field, locale: Locale, state: InputState = {}): InputElement {
  const q = field.question;
  const label = fieldLabel(field, locale);
  const required = q.required;
  const base = { id: field.id };
  // Teams shows `errorMessage` when its own client-side check fails, which for optional inputs never happens (the
  // client enforces maxLength itself), so only required inputs carry one; the server's message wins when present.
  const requiredMessage = validationText('required', locale);
  const errorMessage = (fallback: SafeText | undefined): { errorMessage?: SafeText } => {
    const message = state.error !== undefined ? escapeMarkdown(state.error) : fallback;
    return message ? { errorMessage: message } : {};
  };

  if (isToggle(field)) {
    return {
      type: 'Input.Toggle',
      ...base,
      title: escapeMarkdown(label),
      valueOn: 'true',
      valueOff: 'false',
      value: state.value === 'true' ? 'true' : 'false',
      wrap: true,
      ...errorMessage(undefined),
    };
  }

  switch (q.kind) {
    case 'scale5':
    case 'trafficLight':
    case 'choice':
    case 'yesNo': {
      const choices: Choice[] = choicesOf(field, locale).map((c) => ({
        title: escapeMarkdown(c.title),
        value: c.value,
      }));
      // Only a value that is one of the choices is kept: anything else would be a hidden, unselectable value.
      const kept =
        state.value !== undefined && choices.some((c) => c.value === state.value) ? state.value : undefined;
      const input: ChoiceSetInput = {
        type: 'Input.ChoiceSet',
        ...base,
        label,
        style: 'expanded',
        choices,
        wrap: true,
        ...(required ? { isRequired: true } : {}),
        ...errorMessage(required ? requiredMessage : undefined),
        ...(kept !== undefined ? { value: kept } : {}),
      };
      return input;
    }
    case 'text':
    case 'longText': {
      const max = maxLengthOf(q);
      return {
        type: 'Input.Text',
        ...base,
        label,
        ...(q.kind === 'longText' ? { isMultiline: true } : {}),
        ...(max !== undefined ? { maxLength: max } : {}),
        ...(required ? { isRequired: true } : {}),
        ...errorMessage(required ? requiredMessage : undefined),
        ...(state.value !== undefined && state.value !== '' ? { value: state.value } : {}),
      };
    }
    case 'date':
      return {
        type: 'Input.Date',
        ...base,
        label,
        ...(required ? { isRequired: true } : {}),
        ...errorMessage(required ? requiredMessage : undefined),
        ...(state.value && /^\d{4}-\d{2}-\d{2}$/.test(state.value) ? { value: state.value } : {}),
      };
    case 'number': {
      const n = state.value !== undefined && state.value.trim() !== '' ? Number(state.value) : NaN;
      return {
        type: 'Input.Number',
        ...base,
        label,
        ...(required ? { isRequired: true } : {}),
        ...errorMessage(required ? requiredMessage : undefined),
        ...(Number.isFinite(n) ? { value: n } : {}),
      };
    }
  }
}

/** The input plus its help text and, on the error card, the server's message right under it. */
export function fieldElements(
  field: Field,
  locale: Locale,
  state: InputState = {},
  startsMilestone = false,
): CardElement[] {
  const elements: CardElement[] = [];
  if (field.milestone && startsMilestone) {
    // Milestone titles are typed by the mentor: a TextRun, never markdown.
    elements.push({
      type: 'RichTextBlock',
      separator: true,
      spacing: 'Medium',
      inlines: [
        run(withColon(interpolate(tr(TEXTS.milestone, locale), { n: field.milestone.index }), locale), {
          weight: 'Bolder',
        }),
        userRun(field.milestone.title, { weight: 'Bolder' }),
      ],
    });
  }
  elements.push(inputFor(field, locale, state));
  // A per-milestone question's help is the same for every milestone: once, under the first, saves card space.
  const repeatedHelp = field.milestone !== undefined && field.milestone.index > 1;
  if (field.question.help && !repeatedHelp) {
    elements.push({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [run(tr(field.question.help, locale), { isSubtle: true, size: 'Small' })],
    });
  }
  if (state.error !== undefined) {
    elements.push({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [run(state.error, { color: 'Attention', weight: 'Bolder' })],
    });
  }
  return elements;
}

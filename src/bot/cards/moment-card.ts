/**
 * The moment cards in their four states:
 * - open: the form, with the answer action and the refresh clause;
 * - error: the same form with the user's values kept and the server's messages next to the fields (nothing was
 *   written);
 * - answered: who answered what and when, no inputs and no answer action, so it cannot be answered twice;
 * - expired: the moment was closed (stopped internship) or answered by someone else.
 * Answered and expired cards carry no refresh clause: they are final, and refreshing them would only make every
 * viewer's client call the bot for the same card again.
 */
import type { Locale } from '../../domain/i18n';
import type { PersonRef } from '../../domain/internship';
import type { FieldError } from '../../domain/validation';
import {
  answerAction,
  cardBytes,
  type CardContext,
  checkConsistency,
  header,
  MAX_CARD_BYTES,
  type MomentCardInput,
  openInTab,
  refreshClause,
  shell,
} from './card-shell';
import { escapeMarkdown, fill, formatInstant, run, safe, tr, userRun } from './format';
import { type Field, type Form, formFor } from './forms';
import { choicesOf, fieldElements, fieldLabel, isToggle } from './inputs';
import type { AdaptiveCard, CardElement, TextInput } from './schema';
import { TEXTS } from './texts';
import { questionnaire } from '../../domain/questionnaires';

/** A validated answer: field id → value, as the answer parser returns it. */
export type MomentAnswers = Readonly<Record<string, string | number | boolean>>;

export const formOf = (input: MomentCardInput): Form =>
  formFor({
    kind: input.moment.kind,
    role: input.recipient.role,
    ...(input.milestones ? { milestones: input.milestones } : {}),
    ...(input.checklistItems ? { checklistItems: input.checklistItems } : {}),
  });

const paragraph = (text: string, subtle = false): CardElement => ({
  type: 'TextBlock',
  text: escapeMarkdown(text),
  wrap: true,
  ...(subtle ? { isSubtle: true } : {}),
});

/** The text above the fields: the questionnaire's intro, or ours for checklists and moments without one. */
function intro(input: MomentCardInput, form: Form, locale: Locale): CardElement[] {
  const { kind } = input.moment;
  const out: CardElement[] = [];
  if (kind === 'week1CheckIn') out.push(paragraph(tr(TEXTS.week1Intro, locale)));
  else if (form.source.from === 'questionnaire') {
    const text = questionnaire(form.source.key).intro;
    if (text) out.push(paragraph(tr(text, locale)));
  } else if (kind === 'results') out.push(paragraph(tr(TEXTS.resultsIntro, locale)));
  else if (kind === 'firstDay') out.push(paragraph(tr(TEXTS.firstDayIntro, locale)));
  else if (input.recipient.role === 'coordinator')
    out.push(paragraph(tr(TEXTS.prepareArrivalCoordinatorIntro, locale)));
  else out.push(paragraph(tr(TEXTS.checklistIntro, locale)));
  if (form.missingMilestones) out.push(paragraph(tr(TEXTS.noMilestones, locale), true));
  return out;
}

/** First-time mentors also learn whom to ask (seed 004): the coordinator, and the school's supervisor. */
function whoCanHelp(input: MomentCardInput, locale: Locale): CardElement[] {
  if (input.moment.kind !== 'firstTimeMentor') return [];
  const { coordinator, schoolSupervisor } = input.internship;
  const contact = (name: string, email?: string, phone?: string) =>
    [name, email, phone].filter((s): s is string => Boolean(s)).join(' · ');
  const lines: CardElement[] = [
    {
      type: 'TextBlock',
      text: safe(tr(TEXTS.whoCanHelp, locale)),
      weight: 'Bolder',
      separator: true,
      spacing: 'Medium',
      wrap: true,
    },
    coordinator
      ? {
          type: 'RichTextBlock',
          inlines: [
            run(tr(TEXTS.yourCoordinator, locale)),
            userRun(contact(coordinator.displayName, coordinator.email)),
          ],
        }
      : paragraph(tr(TEXTS.noCoordinator, locale)),
  ];
  if (schoolSupervisor) {
    lines.push({
      type: 'RichTextBlock',
      inlines: [
        run(tr(TEXTS.schoolSupervisor, locale)),
        userRun(contact(schoolSupervisor.name, schoolSupervisor.email, schoolSupervisor.phone)),
      ],
    });
  }
  return lines;
}

function formBody(
  form: Form,
  locale: Locale,
  values: Readonly<Record<string, string>> = {},
  errors: ReadonlyMap<string, string> = new Map(),
): CardElement[] {
  const body: CardElement[] = [];
  let milestone: string | undefined;
  for (const field of form.fields) {
    const starts = field.milestone !== undefined && field.milestone.key !== milestone;
    milestone = field.milestone?.key;
    const value = values[field.id];
    const error = errors.get(field.id);
    body.push(
      ...fieldElements(
        field,
        locale,
        { ...(value !== undefined ? { value } : {}), ...(error !== undefined ? { error } : {}) },
        starts,
      ),
    );
  }
  return body;
}

/** The card asking the recipient to answer the moment. */
export function openCard(input: MomentCardInput, ctx: CardContext): AdaptiveCard {
  checkConsistency(input);
  const form = formOf(input);
  const { locale } = ctx;
  return shell(
    [
      ...header(input, locale),
      ...intro(input, form, locale),
      ...formBody(form, locale),
      ...whoCanHelp(input, locale),
    ],
    [answerAction(input, locale), openInTab(input, ctx)],
    refreshClause(input, ctx),
  );
}

/**
 * The open card again after a refused answer: the user's values kept, each field's message next to it, a summary
 * on top (with messages that belong to no field, such as a wrong moment). Should long values push the card past
 * Teams' limit, the longest ones are shortened, and the card says so.
 */
export function errorCard(
  input: MomentCardInput,
  values: Readonly<Record<string, string>>,
  errors: readonly FieldError[],
  ctx: CardContext,
): AdaptiveCard {
  checkConsistency(input);
  const form = formOf(input);
  const { locale } = ctx;
  const ids = new Set(form.fields.map((f) => f.id));
  const byField = new Map<string, string>();
  const general: string[] = [];
  for (const error of errors) {
    if (ids.has(error.path)) {
      if (!byField.has(error.path)) byField.set(error.path, error.message);
    } else general.push(error.message);
  }
  const summary: CardElement = {
    type: 'Container',
    style: 'attention',
    items: [
      { type: 'TextBlock', text: safe(tr(TEXTS.errorSummary, locale)), weight: 'Bolder', wrap: true },
      ...general.map((message): CardElement => ({
        type: 'RichTextBlock',
        inlines: [run(message, { color: 'Attention' })],
      })),
    ],
  };
  const fields = formBody(form, locale, values, byField);
  const card = shell(
    [
      ...header(input, locale),
      summary,
      ...intro(input, form, locale),
      ...fields,
      ...whoCanHelp(input, locale),
    ],
    [answerAction(input, locale), openInTab(input, ctx)],
    refreshClause(input, ctx),
  );
  return shortenToFit(card, fields, summary, locale);
}

function shortenToFit(
  card: AdaptiveCard,
  fields: CardElement[],
  summary: CardElement,
  locale: Locale,
): AdaptiveCard {
  if (cardBytes(card) <= MAX_CARD_BYTES) return card;
  const texts = fields.filter((e): e is TextInput => e.type === 'Input.Text' && typeof e.value === 'string');
  if (summary.type === 'Container') {
    summary.items.push({ type: 'TextBlock', text: safe(tr(TEXTS.valuesShortened, locale)), wrap: true });
  }
  while (cardBytes(card) > MAX_CARD_BYTES) {
    const longest = texts.reduce<TextInput | undefined>(
      (a, b) => ((b.value?.length ?? 0) > (a?.value?.length ?? 0) ? b : a),
      undefined,
    );
    if (!longest?.value) break;
    // Halve by code points so a surrogate pair is never split.
    const chars = Array.from(longest.value);
    longest.value = chars.slice(0, Math.floor(chars.length / 2)).join('');
  }
  return card;
}

/** How one answer reads on the answered card. Free text is capped; the full text is in the tab. */
function answerText(
  field: Field,
  value: string | number | boolean | undefined,
  locale: Locale,
  cap: number,
): string {
  if (value === undefined || value === '') return tr(TEXTS.notFilledIn, locale);
  if (field.checklistItem) return tr(value === true ? TEXTS.done : TEXTS.notDone, locale);
  if (isToggle(field) || field.question.kind === 'yesNo')
    return tr(value === true ? TEXTS.yes : TEXTS.no, locale);
  if (field.question.kind === 'scale5') return `${String(value)} / 5`;
  const choice = choicesOf(field, locale).find((c) => c.value === String(value));
  if (choice) return choice.title;
  const text = String(value);
  const chars = Array.from(text);
  return chars.length > cap ? chars.slice(0, cap).join('') + tr(TEXTS.fullTextInStagemap, locale) : text;
}

/** The closed card: who answered what and when; no inputs, no answer action. */
export function answeredCard(
  input: MomentCardInput,
  answers: MomentAnswers,
  answeredBy: PersonRef,
  answeredAt: string,
  ctx: CardContext,
): AdaptiveCard {
  checkConsistency(input);
  const form = formOf(input);
  const { locale } = ctx;
  const build = (cap: number): AdaptiveCard => {
    const lines: CardElement[] = [];
    let milestone: string | undefined;
    for (const field of form.fields) {
      if (field.milestone && field.milestone.key !== milestone) {
        lines.push({
          type: 'RichTextBlock',
          separator: true,
          inlines: [userRun(field.milestone.title, { weight: 'Bolder' })],
        });
      }
      milestone = field.milestone?.key;
      lines.push(
        {
          type: 'RichTextBlock',
          spacing: 'Small',
          inlines: [run(fieldLabel(field, locale), { isSubtle: true, size: 'Small' })],
        },
        {
          type: 'RichTextBlock',
          spacing: 'None',
          inlines: [userRun(answerText(field, answers[field.id], locale, cap))],
        },
      );
    }
    return shell(
      [
        ...header(input, locale, false),
        {
          type: 'Container',
          style: 'good',
          items: [
            {
              type: 'RichTextBlock',
              inlines: fill(
                tr(TEXTS.answeredBy, locale),
                { name: answeredBy.displayName, date: formatInstant(answeredAt, locale) },
                { weight: 'Bolder' },
              ),
            },
            { type: 'TextBlock', text: safe(tr(TEXTS.answeredClosed, locale)), isSubtle: true, wrap: true },
          ],
        },
        ...lines,
      ],
      [openInTab(input, ctx)],
    );
  };
  // Long free-text answers are capped harder until the card fits Teams' limit.
  let card = build(600);
  for (const cap of [300, 150, 60]) {
    if (cardBytes(card) <= MAX_CARD_BYTES) break;
    card = build(cap);
  }
  return card;
}

export type ExpiredReason =
  { kind: 'stopped' } | { kind: 'answeredByOther'; by: PersonRef; at: string } | { kind: 'closed' };

/** A moment that can no longer be answered: the internship was stopped, someone else answered, or it was closed. */
export function expiredCard(input: MomentCardInput, reason: ExpiredReason, ctx: CardContext): AdaptiveCard {
  checkConsistency(input);
  const { locale } = ctx;
  const message: CardElement =
    reason.kind === 'answeredByOther'
      ? {
          type: 'RichTextBlock',
          inlines: fill(
            tr(TEXTS.expiredAnsweredByOther, locale),
            { name: reason.by.displayName, date: formatInstant(reason.at, locale) },
            { weight: 'Bolder' },
          ),
        }
      : {
          type: 'TextBlock',
          text: safe(tr(reason.kind === 'stopped' ? TEXTS.expiredStopped : TEXTS.expiredClosed, locale)),
          wrap: true,
        };
  return shell(
    [
      ...header(input, locale, false),
      { type: 'Container', style: reason.kind === 'answeredByOther' ? 'good' : 'warning', items: [message] },
    ],
    [openInTab(input, ctx)],
  );
}

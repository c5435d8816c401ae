/**
 * What every moment card shares: the header (intern, period, service, moment and due date), the link to the
 * internship in the tab, the answer action with its idempotency key, and the refresh clause.
 */
import type { Locale } from '../../domain/i18n';
import type { Internship, PersonRef, Role } from '../../domain/internship';
import type { ChecklistItemTemplate } from '../../domain/checklists';
import type { PlannedMoment } from '../../domain/schedule';
import type { Milestone } from './forms';
import { fill, formatDate, interpolate, run, safe, tr, userRun, withColon } from './format';
import type { CardLinks } from './links';
import {
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ExecuteAction,
  type MomentActionData,
} from './schema';
import { MOMENT_TITLES, TEXTS } from './texts';

/** Teams refuses cards whose payload exceeds 28 KB. */
export const MAX_CARD_BYTES = 28 * 1024;
/** Teams auto-refreshes for at most 60 listed users (Universal Actions docs). */
const MAX_REFRESH_USERS = 60;

export const ANSWER_VERB = 'moment.answer';
export const REFRESH_VERB = 'moment.refresh';

export interface MomentCardInput {
  moment: Pick<PlannedMoment, 'key' | 'internshipId' | 'kind' | 'seq' | 'dueDate'>;
  internship: Internship;
  /** Who this card is for, and in which role (the back-up receives the mentor's card by escalation). */
  recipient: { person: PersonRef; role: Role };
  milestones?: readonly Milestone[];
  checklistItems?: readonly ChecklistItemTemplate[];
}

export interface CardContext {
  locale: Locale;
  links: CardLinks;
  /**
   * The id Teams uses for a person in `refresh.userIds` (their MRI, from the conversation roster). Defaults to
   * the Entra object id, which is what the local emulator uses.
   */
  teamsUserId?: (person: PersonRef) => string | undefined;
}

/**
 * Idempotency key of one answer: the moment and the recipient of the card. A retried invoke (Teams retries on
 * timeouts) carries the same key, so the writer can store it once.
 */
export const answerKeyFor = (momentKey: string, recipientId: string): string => `${momentKey}@${recipientId}`;

export function actionData(input: MomentCardInput): MomentActionData {
  return {
    momentKey: input.moment.key,
    internshipId: input.internship.id,
    answerKey: answerKeyFor(input.moment.key, input.recipient.person.id),
  };
}

/** The card's own recipient first, then mentor, back-up and coordinator: everyone whose view must refresh. */
export function refreshUserIds(input: MomentCardInput, ctx: CardContext): string[] {
  const { internship } = input;
  const people = [input.recipient.person, internship.mentor, internship.backup, internship.coordinator];
  const ids: string[] = [];
  for (const person of people) {
    if (!person) continue;
    const id = ctx.teamsUserId ? ctx.teamsUserId(person) : person.id;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_REFRESH_USERS);
}

export function checkConsistency(input: MomentCardInput): void {
  if (input.moment.internshipId !== input.internship.id) {
    throw new RangeError(
      `moment ${input.moment.key} belongs to internship ${input.moment.internshipId}, not ${input.internship.id}`,
    );
  }
}

export const momentTitle = (input: MomentCardInput, locale: Locale): string =>
  interpolate(tr(MOMENT_TITLES[input.moment.kind], locale), { n: input.moment.seq });

/** Intern, service and period, then the moment and its due date. Names and services are user text: TextRuns. */
export function header(input: MomentCardInput, locale: Locale, showDue = true): CardElement[] {
  const { internship } = input;
  const period = interpolate(tr(TEXTS.periodRange, locale), {
    from: formatDate(internship.startDate, locale, false),
    to: formatDate(internship.endDate, locale, false),
  });
  const elements: CardElement[] = [
    {
      type: 'TextBlock',
      text: safe(momentTitle(input, locale)),
      style: 'heading',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [
        run(withColon(tr(TEXTS.intern, locale), locale), { isSubtle: true }),
        userRun(internship.intern.displayName, { weight: 'Bolder' }),
      ],
    },
    {
      type: 'RichTextBlock',
      spacing: 'None',
      inlines: [
        run(withColon(tr(TEXTS.service, locale), locale), { isSubtle: true }),
        userRun(internship.service),
        run(` · ${withColon(tr(TEXTS.period, locale), locale)}`, { isSubtle: true }),
        run(period),
      ],
    },
  ];
  if (showDue) {
    elements.push({
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: fill(
        tr(TEXTS.dueBy, locale),
        { date: formatDate(input.moment.dueDate, locale) },
        { weight: 'Bolder' },
      ),
    });
  }
  return elements;
}

export function openInTab(input: MomentCardInput, ctx: CardContext): CardAction {
  return {
    type: 'Action.OpenUrl',
    title: safe(tr(TEXTS.openInStagemap, ctx.locale)),
    url: ctx.links.internship(input.internship.id),
  };
}

export function answerAction(input: MomentCardInput, locale: Locale): ExecuteAction {
  const data = actionData(input);
  const title = safe(tr(TEXTS.submit, locale));
  return {
    type: 'Action.Execute',
    title,
    verb: ANSWER_VERB,
    data,
    style: 'positive',
    associatedInputs: 'auto',
    // Teams clients without Universal Actions render the fallback; the verb travels in its data (Teams docs).
    fallback: { type: 'Action.Submit', title, data: { ...data, verb: ANSWER_VERB }, style: 'positive' },
  };
}

export function shell(
  body: CardElement[],
  actions: CardAction[],
  refresh?: AdaptiveCard['refresh'],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    // No `lang`: the texts are already in the recipient's language, and the official renderer validates `lang`
    // with a global regex whose state flips between calls, so every other card would log a spurious warning.
    ...(refresh ? { refresh } : {}),
    body,
    ...(actions.length ? { actions } : {}),
  };
}

export function refreshClause(
  input: MomentCardInput,
  ctx: CardContext,
): NonNullable<AdaptiveCard['refresh']> {
  return {
    action: { type: 'Action.Execute', verb: REFRESH_VERB, data: actionData(input) },
    userIds: refreshUserIds(input, ctx),
  };
}

export const cardBytes = (card: unknown): number => new TextEncoder().encode(JSON.stringify(card)).length;

/**
 * The coordinator's digest: moments still unanswered after the back-up was asked (BRIEF "Escalation"). One line
 * per moment with the intern (linking to the internship in the tab), the moment, its due date, how late it is and
 * who was asked. Long lists are capped, with "and N more" and a link to the tab, so the card stays far below
 * Teams' 28 KB whatever the backlog.
 */
import type { Locale } from '../../domain/i18n';
import type { PersonRef } from '../../domain/internship';
import type { IsoDate } from '../../domain/internship';
import type { MomentKind } from '../../domain/schedule';
import { fill, formatDate, interpolate, run, safe, tr, userRun } from './format';
import type { CardLinks } from './links';
import type { AdaptiveCard, CardElement, TextRun } from './schema';
import { cardBytes, MAX_CARD_BYTES, shell } from './card-shell';
import { DATE_LOCALE, MOMENT_TITLES, TEXTS } from './texts';

export interface DigestEntry {
  momentKey: string;
  internshipId: string;
  internName: string;
  kind: MomentKind;
  seq: number;
  dueDate: IsoDate;
  /** Counted by the caller, which has the work calendar. */
  daysLate: number;
  /** Everyone the card went to (mentor, then back-up). */
  askedPeople: readonly PersonRef[];
}

export interface DigestInput {
  coordinator: PersonRef;
  /** The digest's date. */
  date: IsoDate;
  entries: readonly DigestEntry[];
}

/** Lines shown before "and N more": enough for a normal week, small enough for any language (tests measure). */
export const MAX_DIGEST_LINES = 25;

const daysLate = (n: number, locale: Locale): string => {
  const plural = new Intl.PluralRules(DATE_LOCALE[locale]).select(n);
  return interpolate(tr(plural === 'one' ? TEXTS.daysLateOne : TEXTS.daysLateOther, locale), { n });
};

function line(entry: DigestEntry, locale: Locale, links: CardLinks): CardElement {
  const link = { type: 'Action.OpenUrl' as const, url: links.internship(entry.internshipId) };
  const kind = interpolate(tr(MOMENT_TITLES[entry.kind], locale), { n: entry.seq });
  const details: TextRun[] = [
    run(
      `${kind} · ${interpolate(tr(TEXTS.digestDue, locale), { date: formatDate(entry.dueDate, locale, false) })} · `,
    ),
    run(daysLate(entry.daysLate, locale), { color: 'Attention', weight: 'Bolder' }),
  ];
  const asked = entry.askedPeople.map((p) => p.displayName).join(', ');
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      // The intern's name is user text: a TextRun, made the link to the internship.
      {
        type: 'RichTextBlock',
        inlines: [userRun(entry.internName, { weight: 'Bolder', selectAction: link })],
      },
      { type: 'RichTextBlock', spacing: 'None', inlines: details },
      ...(asked
        ? [
            {
              type: 'RichTextBlock' as const,
              spacing: 'None' as const,
              inlines: [
                run(tr(TEXTS.digestAsked, locale), { isSubtle: true }),
                userRun(asked, { isSubtle: true }),
              ],
            },
          ]
        : []),
    ],
  };
}

/**
 * The digest card. Starts from MAX_DIGEST_LINES and shows fewer lines if long names would push the card past
 * Teams' limit: the tab has the full list either way.
 */
export function digestCard(input: DigestInput, ctx: { locale: Locale; links: CardLinks }): AdaptiveCard {
  let card = buildDigest(input, ctx, MAX_DIGEST_LINES);
  for (let lines = MAX_DIGEST_LINES; cardBytes(card) > MAX_CARD_BYTES && lines > 1;) {
    lines = Math.max(1, Math.floor(lines * 0.75));
    card = buildDigest(input, ctx, lines);
  }
  return card;
}

function buildDigest(
  input: DigestInput,
  ctx: { locale: Locale; links: CardLinks },
  maxLines: number,
): AdaptiveCard {
  const { locale, links } = ctx;
  // Latest first would hide the oldest problems: most days late first, then by due date.
  const entries = [...input.entries].sort(
    (a, b) =>
      b.daysLate - a.daysLate || a.dueDate.localeCompare(b.dueDate) || a.momentKey.localeCompare(b.momentKey),
  );
  const shown = entries.slice(0, maxLines);
  const hidden = entries.length - shown.length;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: safe(tr(TEXTS.digestTitle, locale)),
      style: 'heading',
      size: 'Large',
      wrap: true,
    },
    {
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: fill(
        tr(TEXTS.digestIntro, locale),
        { date: formatDate(input.date, locale), n: String(entries.length) },
        { weight: 'Bolder' },
      ),
    },
  ];
  if (entries.length === 0) {
    body.push({ type: 'TextBlock', text: safe(tr(TEXTS.digestEmpty, locale)), wrap: true });
  }
  body.push(...shown.map((entry) => line(entry, locale, links)));
  if (hidden > 0) {
    body.push({
      type: 'TextBlock',
      text: safe(interpolate(tr(TEXTS.digestMore, locale), { n: hidden })),
      weight: 'Bolder',
      separator: true,
      wrap: true,
    });
  }
  return shell(body, [
    { type: 'Action.OpenUrl', title: safe(tr(TEXTS.seeAllInStagemap, locale)), url: links.overview() },
  ]);
}

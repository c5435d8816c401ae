/**
 * The weekly channel post "arrivals and departures" (toolbox A3/B3: tell colleagues who arrives, who their mentor
 * and back-up are, on which topic, and who leaves). Posted in a team channel that every staff member of the team
 * reads, so it carries only what the intranet overview may show: the intern's name and topic only when the intern
 * consented to the overview, otherwise "an intern"; service, mentor, back-up and dates always. In the
 * organisation's default language: a channel has many readers and no single language.
 *
 * Names, services and topics are user text: TextRuns only (format.ts). Long weeks are capped per section with
 * "and N more" and the link to the overview, so the card stays under Teams' 28 KB.
 */
import type { Locale } from '../../domain/i18n';
import type { IsoDate } from '../../domain/internship';
import { cardBytes, MAX_CARD_BYTES, shell } from './card-shell';
import { formatDate, interpolate, run, safe, tr, userRun, withColon } from './format';
import type { CardLinks } from './links';
import type { AdaptiveCard, CardElement, TextRun } from './schema';
import { TEXTS } from './texts';

export interface AnnouncementEntry {
  internshipId: string;
  /** The intern agreed to the intranet overview: only then do their name and topic reach the card. */
  consented: boolean;
  internName: string;
  /** The service's display name in the card's language. */
  serviceName: string;
  topic: string;
  mentorName?: string;
  backupName?: string;
  startDate: IsoDate;
  endDate: IsoDate;
}

export interface AnnouncementInput {
  /** First and last day of the announced week. */
  from: IsoDate;
  to: IsoDate;
  arrivals: readonly AnnouncementEntry[];
  departures: readonly AnnouncementEntry[];
}

/** Entries per section before "and N more": two full sections of ordinary names fit in 28 KB (tests measure). */
export const MAX_ANNOUNCEMENT_LINES = 15;

/** The card's own text (no user data), for the message's `summary`/notification preview. */
export const announcementTitle = (locale: Locale): string => tr(TEXTS.announcementTitle, locale);

function line(e: AnnouncementEntry, kind: 'arrival' | 'departure', locale: Locale): CardElement {
  // Consent is checked here, where the card is made, so no caller can leak a name or topic by mistake.
  const name = e.consented ? e.internName.trim() : '';
  const topic = e.consented ? e.topic.trim() : '';
  const who: TextRun = name
    ? userRun(name, { weight: 'Bolder' })
    : run(tr(TEXTS.announcementAnonymous, locale), { weight: 'Bolder', italic: true });
  const people: TextRun[] = [];
  if (e.mentorName)
    people.push(
      run(withColon(tr(TEXTS.announcementMentor, locale), locale), { isSubtle: true }),
      userRun(e.mentorName),
    );
  if (e.backupName)
    people.push(
      run(`${people.length ? ' · ' : ''}${withColon(tr(TEXTS.announcementBackup, locale), locale)}`, {
        isSubtle: true,
      }),
      userRun(e.backupName),
    );
  const when =
    kind === 'arrival'
      ? interpolate(tr(TEXTS.announcementStarts, locale), {
          date: formatDate(e.startDate, locale),
          end: formatDate(e.endDate, locale, false),
        })
      : interpolate(tr(TEXTS.announcementEnds, locale), { date: formatDate(e.endDate, locale) });
  return {
    type: 'Container',
    separator: true,
    spacing: 'Small',
    items: [
      { type: 'RichTextBlock', inlines: [who, run(' · '), userRun(e.serviceName)] },
      ...(topic
        ? [
            {
              type: 'RichTextBlock' as const,
              spacing: 'None' as const,
              inlines: [userRun(topic, { italic: true })],
            },
          ]
        : []),
      ...(people.length
        ? [{ type: 'RichTextBlock' as const, spacing: 'None' as const, inlines: people }]
        : []),
      { type: 'RichTextBlock', spacing: 'None', inlines: [run(when, { isSubtle: true })] },
    ],
  };
}

function section(
  entries: readonly AnnouncementEntry[],
  kind: 'arrival' | 'departure',
  locale: Locale,
  maxLines: number,
): CardElement[] {
  const heading = kind === 'arrival' ? TEXTS.announcementArrivals : TEXTS.announcementDepartures;
  const sorted = [...entries].sort(
    (a, b) =>
      (kind === 'arrival' ? a.startDate.localeCompare(b.startDate) : a.endDate.localeCompare(b.endDate)) ||
      a.internshipId.localeCompare(b.internshipId),
  );
  const shown = sorted.slice(0, maxLines);
  const hidden = sorted.length - shown.length;
  const out: CardElement[] = [
    {
      type: 'TextBlock',
      text: safe(interpolate(tr(heading, locale), { n: entries.length })),
      size: 'Medium',
      weight: 'Bolder',
      spacing: 'Large',
      wrap: true,
    },
  ];
  if (entries.length === 0)
    out.push({
      type: 'TextBlock',
      text: safe(
        tr(kind === 'arrival' ? TEXTS.announcementNoArrivals : TEXTS.announcementNoDepartures, locale),
      ),
      isSubtle: true,
      wrap: true,
    });
  out.push(...shown.map((e) => line(e, kind, locale)));
  if (hidden > 0)
    out.push({
      type: 'TextBlock',
      text: safe(interpolate(tr(TEXTS.digestMore, locale), { n: hidden })),
      weight: 'Bolder',
      separator: true,
      wrap: true,
    });
  return out;
}

function build(input: AnnouncementInput, ctx: { locale: Locale; links: CardLinks }, maxLines: number) {
  const { locale } = ctx;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: safe(announcementTitle(locale)),
      style: 'heading',
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    {
      type: 'RichTextBlock',
      spacing: 'Small',
      inlines: [
        run(
          interpolate(tr(TEXTS.announcementWeek, locale), {
            from: formatDate(input.from, locale, false),
            to: formatDate(input.to, locale, false),
          }),
          { isSubtle: true },
        ),
      ],
    },
    ...section(input.arrivals, 'arrival', locale, maxLines),
    ...section(input.departures, 'departure', locale, maxLines),
    {
      type: 'TextBlock',
      text: safe(tr(TEXTS.announcementPrivacy, locale)),
      size: 'Small',
      isSubtle: true,
      spacing: 'Large',
      wrap: true,
    },
  ];
  return shell(body, [
    {
      type: 'Action.OpenUrl',
      title: safe(tr(TEXTS.announcementOverview, locale)),
      url: ctx.links.overview(),
    },
  ]);
}

/**
 * The post. Starts from MAX_ANNOUNCEMENT_LINES per section and shows fewer if long names or topics would push the
 * card past Teams' limit: the overview in the tab lists everyone.
 */
export function announcementCard(
  input: AnnouncementInput,
  ctx: { locale: Locale; links: CardLinks },
): AdaptiveCard {
  let card = build(input, ctx, MAX_ANNOUNCEMENT_LINES);
  for (let lines = MAX_ANNOUNCEMENT_LINES; cardBytes(card) > MAX_CARD_BYTES && lines > 1;) {
    lines = Math.max(1, Math.floor(lines * 0.75));
    card = build(input, ctx, lines);
  }
  return card;
}

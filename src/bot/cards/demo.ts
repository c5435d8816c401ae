/**
 * Demo data for every card in every state: the gallery (`npm run cards:export`), the local chat page and the
 * tests all render this one catalogue, so what is exported is what is tested.
 */
import { buildInternship, buildPerson, backup, mentor } from '../../domain/factories';
import type { Locale } from '../../domain/i18n';
import type { Internship, PersonRef, Role } from '../../domain/internship';
import type { MomentKind } from '../../domain/schedule';
import { parseMomentAnswer } from '../answers/parse-answer';
import type { CardContext, MomentCardInput } from './card-shell';
import { type DigestEntry, digestCard } from './digest-card';
import type { Milestone } from './forms';
import { teamsCardLinks } from './links';
import { answeredCard, errorCard, expiredCard, formOf, type MomentAnswers, openCard } from './moment-card';
import type { AdaptiveCard } from './schema';

export const DEMO_APP_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

export const demoCoordinator: PersonRef = buildPerson({
  id: 'u-coordinator',
  displayName: 'Nathalie Lambert',
  email: 'nathalie.lambert@stagemap.local',
  locale: 'fr',
});

export const demoMilestones: readonly Milestone[] = [
  { key: 'm1', title: 'Analyse van het huidige onthaalproces' },
  { key: 'm2', title: 'Voorstel voor een digitale onthaalbrochure' },
  { key: 'm3', title: 'Test met vijf nieuwe medewerkers' },
];

export function demoInternship(overrides: Partial<Internship> = {}): Internship {
  return buildInternship({
    id: 'i-demo-1',
    key: 'k-i-demo-1',
    phase: 'execution',
    service: 'Stafdienst P&O',
    schoolName: 'Hogeschool Gent',
    programme: 'Bachelor Office Management',
    schoolSupervisor: {
      name: 'Marc Peeters',
      email: 'marc.peeters@school.example',
      phone: '+32 9 123 45 67',
    },
    mentor,
    backup,
    coordinator: demoCoordinator,
    ...overrides,
  });
}

const DUE: Readonly<Record<MomentKind, string>> = {
  firstTimeMentor: '2027-01-18',
  prepareArrival: '2027-01-18',
  firstDay: '2027-02-01',
  week1CheckIn: '2027-02-05',
  wellbeingPulse: '2027-02-05',
  followUp: '2027-03-01',
  midTermEvaluation: '2027-03-16',
  finalEvaluation: '2027-04-26',
  satisfactionMentor: '2027-05-04',
  satisfactionIntern: '2027-05-04',
  results: '2027-05-14',
};

export function demoMomentInput(
  kind: MomentKind,
  role: Role,
  internship: Internship = demoInternship(),
  seq = kind === 'followUp' ? 2 : 1,
): MomentCardInput {
  const person: PersonRef =
    role === 'coordinator'
      ? (internship.coordinator ?? demoCoordinator)
      : role === 'intern'
        ? internship.intern
        : role === 'backup'
          ? (internship.backup ?? backup)
          : (internship.mentor ?? mentor);
  return {
    moment: {
      key: `${internship.id}:${kind}:${seq}`,
      internshipId: internship.id,
      kind,
      seq,
      dueDate: DUE[kind],
    },
    internship,
    recipient: { person, role },
    ...(kind === 'midTermEvaluation' || kind === 'finalEvaluation' ? { milestones: demoMilestones } : {}),
  };
}

export const demoContext = (locale: Locale): CardContext => ({ locale, links: teamsCardLinks(DEMO_APP_ID) });

const SAMPLE_TEXT: Readonly<Record<Locale, string>> = {
  nl: 'Goed op weg: de analyse is klaar en het voorstel krijgt vorm.',
  fr: "En bonne voie : l'analyse est terminée et la proposition prend forme.",
  de: 'Auf gutem Weg: Die Analyse ist fertig, der Vorschlag nimmt Gestalt an.',
  en: 'On track: the analysis is done and the proposal is taking shape.',
};

/** A complete, valid answer to a card, as the client would send it (all strings). */
export function demoPayload(input: MomentCardInput, locale: Locale): Record<string, string> {
  const form = formOf(input);
  const payload: Record<string, string> = {
    momentKey: input.moment.key,
    internshipId: input.internship.id,
    answerKey: `${input.moment.key}@${input.recipient.person.id}`,
  };
  for (const field of form.fields) {
    const q = field.question;
    payload[field.id] =
      q.kind === 'scale5'
        ? '4'
        : q.kind === 'yesNo'
          ? 'true'
          : q.kind === 'trafficLight'
            ? 'green'
            : q.kind === 'choice'
              ? (q.choices?.[0]?.key ?? '')
              : q.kind === 'date'
                ? '2027-03-01'
                : q.kind === 'number'
                  ? '2'
                  : SAMPLE_TEXT[locale];
  }
  return payload;
}

/** A wrong answer: the first required field left empty and every score out of range. */
export function demoBadPayload(input: MomentCardInput, locale: Locale): Record<string, string> {
  const payload = demoPayload(input, locale);
  const form = formOf(input);
  const required = form.fields.find((f) => f.question.required);
  if (required) payload[required.id] = '';
  for (const f of form.fields) if (f.question.kind === 'scale5' && f !== required) payload[f.id] = '7';
  // A checklist card has nothing required: a toggle value that is neither "true" nor "false" is the mistake left.
  const first = form.fields[0];
  if (!required && first) payload[first.id] = 'maybe';
  return payload;
}

export function demoAnswers(input: MomentCardInput, locale: Locale): MomentAnswers {
  const parsed = parseMomentAnswer(demoPayload(input, locale), formOf(input), locale);
  if (!parsed.ok) throw new Error(`demo answer invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value.answers;
}

export type CardState = 'open' | 'answered' | 'error' | 'expired';

export interface DemoCard {
  /** kebab-case card name, e.g. "follow-up" or "first-day-coordinator". */
  name: string;
  state: CardState;
  build(locale: Locale): AdaptiveCard;
}

const MOMENT_CARDS: readonly { name: string; kind: MomentKind; role: Role }[] = [
  { name: 'first-time-mentor', kind: 'firstTimeMentor', role: 'mentor' },
  { name: 'prepare-arrival', kind: 'prepareArrival', role: 'mentor' },
  { name: 'prepare-arrival-coordinator', kind: 'prepareArrival', role: 'coordinator' },
  { name: 'first-day-coordinator', kind: 'firstDay', role: 'coordinator' },
  { name: 'first-day-mentor', kind: 'firstDay', role: 'mentor' },
  { name: 'week1-check-in', kind: 'week1CheckIn', role: 'mentor' },
  { name: 'wellbeing-pulse', kind: 'wellbeingPulse', role: 'intern' },
  { name: 'follow-up', kind: 'followUp', role: 'mentor' },
  { name: 'mid-term-evaluation', kind: 'midTermEvaluation', role: 'mentor' },
  { name: 'final-evaluation', kind: 'finalEvaluation', role: 'mentor' },
  { name: 'satisfaction-mentor', kind: 'satisfactionMentor', role: 'mentor' },
  { name: 'satisfaction-intern', kind: 'satisfactionIntern', role: 'intern' },
  { name: 'results-coordinator', kind: 'results', role: 'coordinator' },
  { name: 'results-mentor', kind: 'results', role: 'mentor' },
];

const INTERN_NAMES = [
  'Lotte Janssens',
  'Youssef El Amrani',
  'Camille Dupont',
  'Jonas Müller',
  'Sarah Vermeulen',
  'Thomas Lefèvre',
  'Amira Benali',
  'Lukas Schmitz',
];

/** Forty overdue moments: more than the digest shows, to exercise its cap. */
export function demoDigestEntries(count = 40): DigestEntry[] {
  const kinds: MomentKind[] = ['followUp', 'midTermEvaluation', 'week1CheckIn', 'finalEvaluation', 'results'];
  return Array.from({ length: count }, (_, i) => {
    const kind = kinds[i % kinds.length] ?? 'followUp';
    const day = String(1 + (i % 28)).padStart(2, '0');
    return {
      momentKey: `i-demo-${i + 1}:${kind}:1`,
      internshipId: `i-demo-${i + 1}`,
      internName: `${INTERN_NAMES[i % INTERN_NAMES.length] ?? 'Intern'} (${i + 1})`,
      kind,
      seq: 1,
      dueDate: `2027-03-${day}`,
      daysLate: 5 + (i % 9),
      askedPeople: [mentor, backup],
    };
  });
}

export function demoCatalogue(): DemoCard[] {
  const cards: DemoCard[] = [];
  for (const { name, kind, role } of MOMENT_CARDS) {
    const input = demoMomentInput(kind, role);
    cards.push(
      { name, state: 'open', build: (locale) => openCard(input, demoContext(locale)) },
      {
        name,
        state: 'answered',
        build: (locale) =>
          answeredCard(
            input,
            demoAnswers(input, locale),
            input.recipient.person,
            '2027-03-02T10:15:00Z',
            demoContext(locale),
          ),
      },
      {
        name,
        state: 'error',
        build: (locale) => {
          const parsed = parseMomentAnswer(demoBadPayload(input, locale), formOf(input), locale);
          if (parsed.ok) throw new Error(`demo bad answer for ${name} was accepted`);
          return errorCard(input, parsed.values, parsed.errors, demoContext(locale));
        },
      },
      {
        name,
        state: 'expired',
        build: (locale) =>
          expiredCard(
            input,
            role === 'mentor'
              ? { kind: 'answeredByOther', by: backup, at: '2027-03-02T10:15:00Z' }
              : { kind: 'stopped' },
            demoContext(locale),
          ),
      },
    );
  }
  cards.push({
    name: 'coordinator-digest',
    state: 'open',
    build: (locale) =>
      digestCard(
        { coordinator: demoCoordinator, date: '2027-03-22', entries: demoDigestEntries() },
        demoContext(locale),
      ),
  });
  return cards;
}

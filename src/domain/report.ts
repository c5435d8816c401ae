/**
 * The yearly policy evaluation (toolbox A5) computed from the data: interns per year, per service, per school,
 * duration, mentors involved, satisfaction averages from the satisfaction surveys (B7, C6), and who stopped
 * internships early (A4). Pure: the caller passes what it read; labels come out in the caller's language so the
 * screen, the CSV and the XLSX say the same thing.
 *
 * Counting rules:
 * - An internship counts in the year it STARTS (an internship over New Year is counted once, not twice).
 * - It counts once it was hosted or is being hosted: refused ones and requests not yet decided do not count; an
 *   internship stopped early counts (it took place, or at least took a place), and appears under "stopped early".
 * - Durations are calendar weeks from the first to the last day of the agreed period (the agreement, not the
 *   actual end of a stopped internship, which is what the policy planned for).
 * - Satisfaction: only answers to the surveys of the year's internships; a scale question's average is over the
 *   answers given (1..5), a yes/no question reports the share of "yes".
 */
import type { Locale, LocalizedText } from './i18n';
import { PHASES, STOPPED_BY, type Internship, type Phase, type StoppedBy } from './internship';
import { PHASE_NAMES, STOPPED_BY_NAMES } from './phases';
import { QUESTIONNAIRES } from './questionnaires';
import type { EvaluationRecord } from './records';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface SatisfactionQuestionRow {
  key: string;
  label: string;
  kind: 'scale5' | 'yesNo';
  responses: number;
  /** scale5: mean of the answers (1..5); yesNo: share of yes (0..1). */
  value: number | null;
}

export interface SatisfactionBlock {
  respondent: 'mentor' | 'intern';
  label: string;
  /** Surveys answered. */
  responses: number;
  /** Mean of every scale answer of these surveys (1..5), null without answers. */
  average: number | null;
  questions: SatisfactionQuestionRow[];
}

export interface YearlyReport {
  year: number;
  totals: {
    internships: number;
    interns: number;
    mentors: number;
    backups: number;
    services: number;
    schools: number;
    stoppedEarly: number;
  };
  perYear: { year: number; count: number }[];
  perService: CountRow[];
  perSchool: CountRow[];
  perPhase: CountRow[];
  duration: {
    averageWeeks: number | null;
    medianWeeks: number | null;
    minWeeks: number | null;
    maxWeeks: number | null;
    buckets: CountRow[];
  };
  /** Mentors involved, with how many of the year's interns each guided. */
  mentors: CountRow[];
  satisfaction: SatisfactionBlock[];
  stoppedEarly: CountRow[];
}

export interface ReportInput {
  year: number;
  internships: readonly Internship[];
  /** Answers to satisfactionMentor and satisfactionIntern (others are ignored). */
  surveys: readonly EvaluationRecord[];
  /** Partner schools by key: listed even with no intern this year (a partner without interns is news too). */
  schools: readonly { key: string; name: string }[];
  serviceName(key: string): string;
  locale: Locale;
}

export const REPORT_TEXTS = {
  noSchool: {
    nl: 'Geen school opgegeven',
    fr: 'Établissement non indiqué',
    de: 'Keine Schule angegeben',
    en: 'No school given',
  },
  upTo4Weeks: { nl: 'Tot 4 weken', fr: "Jusqu'à 4 semaines", de: 'Bis 4 Wochen', en: 'Up to 4 weeks' },
  upTo8Weeks: { nl: '5 tot 8 weken', fr: '5 à 8 semaines', de: '5 bis 8 Wochen', en: '5 to 8 weeks' },
  upTo13Weeks: { nl: '9 tot 13 weken', fr: '9 à 13 semaines', de: '9 bis 13 Wochen', en: '9 to 13 weeks' },
  upTo26Weeks: {
    nl: '14 tot 26 weken',
    fr: '14 à 26 semaines',
    de: '14 bis 26 Wochen',
    en: '14 to 26 weeks',
  },
  over26Weeks: {
    nl: 'Meer dan 26 weken',
    fr: 'Plus de 26 semaines',
    de: 'Mehr als 26 Wochen',
    en: 'More than 26 weeks',
  },
  mentorSurvey: { nl: 'Stagementoren', fr: 'Maîtres de stage', de: 'Praktikumsbetreuer', en: 'Mentors' },
  internSurvey: { nl: 'Stagiairs', fr: 'Stagiaires', de: 'Praktikanten', en: 'Interns' },
} as const satisfies Record<string, LocalizedText>;

/** Whether an internship counts in the policy figures (see the file header). */
export function countsInReport(i: Pick<Internship, 'phase' | 'decision'>): boolean {
  if (i.decision === 'refused') return false;
  if (i.phase === 'request' || i.phase === 'preparation') return false;
  if (i.phase === 'decision') return i.decision === 'accepted';
  return true;
}

export const startYear = (i: Pick<Internship, 'startDate'>): number => Number(i.startDate.slice(0, 4));

/** Calendar weeks of the agreed period, one decimal. */
export function durationWeeks(i: Pick<Internship, 'startDate' | 'endDate'>): number {
  const days =
    (Date.parse(`${i.endDate}T00:00:00Z`) - Date.parse(`${i.startDate}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.round((days / 7) * 10) / 10;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : round2(xs.reduce((a, b) => a + b, 0) / xs.length);

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : round2((s[mid - 1]! + s[mid]!) / 2);
}

/** Counts by key, most first, then by label (stable output for exports and tests). */
function countBy<T>(items: readonly T[], key: (x: T) => string, label: (k: string) => string): CountRow[] {
  const m = new Map<string, number>();
  for (const x of items) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m]
    .map(([k, count]) => ({ key: k, label: label(k), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const BUCKETS: readonly { key: keyof typeof REPORT_TEXTS; max: number }[] = [
  { key: 'upTo4Weeks', max: 4 },
  { key: 'upTo8Weeks', max: 8 },
  { key: 'upTo13Weeks', max: 13 },
  { key: 'upTo26Weeks', max: 26 },
  { key: 'over26Weeks', max: Infinity },
];

/** Years with internships that count, newest first. */
export function reportYears(internships: readonly Internship[]): number[] {
  return [...new Set(internships.filter(countsInReport).map(startYear))].sort((a, b) => b - a);
}

function satisfactionBlock(
  respondent: 'mentor' | 'intern',
  answers: readonly EvaluationRecord[],
  locale: Locale,
): SatisfactionBlock {
  const q = QUESTIONNAIRES[respondent === 'mentor' ? 'satisfactionMentor' : 'satisfactionIntern'];
  const all: number[] = [];
  const questions: SatisfactionQuestionRow[] = q.questions
    .filter((x): x is typeof x & { kind: 'scale5' | 'yesNo' } => x.kind === 'scale5' || x.kind === 'yesNo')
    .map((x) => {
      const given = answers.map((a) => a.answers[x.key]).filter((v) => v !== undefined && v !== '');
      if (x.kind === 'scale5') {
        const nums = given.map(Number).filter((n) => Number.isFinite(n) && n >= 1 && n <= 5);
        all.push(...nums);
        return { key: x.key, label: x.text[locale], kind: x.kind, responses: nums.length, value: mean(nums) };
      }
      const bools = given.map((v) => v === true || v === 'true' || v === 'yes');
      const yes = bools.filter(Boolean).length;
      return {
        key: x.key,
        label: x.text[locale],
        kind: x.kind,
        responses: bools.length,
        value: bools.length === 0 ? null : round2(yes / bools.length),
      };
    });
  return {
    respondent,
    label: REPORT_TEXTS[respondent === 'mentor' ? 'mentorSurvey' : 'internSurvey'][locale],
    responses: answers.length,
    average: mean(all),
    questions,
  };
}

export function computeYearlyReport(input: ReportInput): YearlyReport {
  const { locale } = input;
  const counted = input.internships.filter(countsInReport);
  const ofYear = counted.filter((i) => startYear(i) === input.year);
  const keys = new Set(ofYear.map((i) => i.key));
  const surveys = input.surveys.filter((s) => keys.has(s.internshipKey));

  const perYear = countBy(
    counted,
    (i) => String(startYear(i)),
    (k) => k,
  )
    .map((r) => ({ year: Number(r.key), count: r.count }))
    .sort((a, b) => a.year - b.year);

  const schoolName = new Map(input.schools.map((s) => [s.key, s.name]));
  const schoolKey = (i: Internship) => i.schoolId ?? (i.schoolName ? `name:${i.schoolName}` : '');
  const perSchool = countBy(ofYear, schoolKey, (k) =>
    k === '' ? REPORT_TEXTS.noSchool[locale] : (schoolName.get(k) ?? k.replace(/^name:/, '')),
  );
  for (const s of input.schools)
    if (!perSchool.some((r) => r.key === s.key)) perSchool.push({ key: s.key, label: s.name, count: 0 });

  const weeks = ofYear.map(durationWeeks);
  const buckets = BUCKETS.map((b, n) => ({
    key: b.key,
    label: REPORT_TEXTS[b.key][locale],
    count: weeks.filter((w) => w <= b.max && (n === 0 || w > BUCKETS[n - 1]!.max)).length,
  }));

  const mentorNames = new Map(ofYear.flatMap((i) => (i.mentor ? [[i.mentor.id, i.mentor.displayName]] : [])));
  const stopped = ofYear.filter((i) => i.phase === 'stopped');

  return {
    year: input.year,
    totals: {
      internships: ofYear.length,
      interns: new Set(ofYear.map((i) => i.intern.id || i.intern.displayName)).size,
      mentors: mentorNames.size,
      backups: new Set(ofYear.flatMap((i) => (i.backup ? [i.backup.id] : []))).size,
      services: new Set(ofYear.map((i) => i.service)).size,
      schools: new Set(ofYear.map(schoolKey).filter((k) => k !== '')).size,
      stoppedEarly: stopped.length,
    },
    perYear,
    perService: countBy(ofYear, (i) => i.service, input.serviceName),
    perSchool,
    perPhase: PHASES.map((p: Phase) => ({
      key: p,
      label: PHASE_NAMES[p][locale],
      count: ofYear.filter((i) => i.phase === p).length,
    })).filter((r) => r.count > 0),
    duration: {
      averageWeeks: mean(weeks),
      medianWeeks: median(weeks),
      minWeeks: weeks.length ? Math.min(...weeks) : null,
      maxWeeks: weeks.length ? Math.max(...weeks) : null,
      buckets,
    },
    mentors: countBy(
      ofYear.filter((i) => i.mentor),
      (i) => i.mentor!.id,
      (k) => mentorNames.get(k) ?? k,
    ),
    satisfaction: [
      satisfactionBlock(
        'mentor',
        surveys.filter((s) => s.questionnaire === 'satisfactionMentor'),
        locale,
      ),
      satisfactionBlock(
        'intern',
        surveys.filter((s) => s.questionnaire === 'satisfactionIntern'),
        locale,
      ),
    ],
    stoppedEarly: STOPPED_BY.map((by: StoppedBy) => ({
      key: by,
      label: STOPPED_BY_NAMES[by][locale],
      count: stopped.filter((i) => i.stoppedBy === by).length,
    })),
  };
}

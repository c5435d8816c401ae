import type { Locale, LocalizedText } from '../../domain/i18n';
import type { YearlyReport } from '../../domain/report';

/**
 * The yearly report as a table of rows (section, item, value), and that table as CSV and XLSX. Both exports hold
 * exactly the figures the screen shows.
 *
 * Spreadsheet safety: a text cell starting with = + - @ (or a tab / carriage return, which some spreadsheets skip
 * before such a sign) is read as a formula by Excel and LibreOffice; partner and service names are typed by
 * people, so every text cell that starts like that gets a leading apostrophe (OWASP "CSV injection"). Numbers
 * are written as numbers and never prefixed.
 */

export type Cell = string | number | null;
export interface ReportRow {
  section: string;
  item: string;
  value: Cell;
  /** A second figure (e.g. answers behind an average). */
  extra?: Cell;
}

const T = {
  section: { nl: 'Onderdeel', fr: 'Rubrique', de: 'Bereich', en: 'Section' },
  item: { nl: 'Item', fr: 'Élément', de: 'Eintrag', en: 'Item' },
  value: { nl: 'Waarde', fr: 'Valeur', de: 'Wert', en: 'Value' },
  extra: { nl: 'Antwoorden', fr: 'Réponses', de: 'Antworten', en: 'Answers' },
  totals: { nl: 'Totalen', fr: 'Totaux', de: 'Summen', en: 'Totals' },
  internships: { nl: 'Stages', fr: 'Stages', de: 'Praktika', en: 'Internships' },
  interns: { nl: 'Stagiairs', fr: 'Stagiaires', de: 'Praktikanten', en: 'Interns' },
  mentors: {
    nl: 'Betrokken mentoren',
    fr: 'Maîtres de stage impliqués',
    de: 'Beteiligte Betreuer',
    en: 'Mentors involved',
  },
  backups: {
    nl: 'Betrokken back-ups',
    fr: 'Suppléants impliqués',
    de: 'Beteiligte Vertretungen',
    en: 'Back-ups involved',
  },
  services: { nl: 'Diensten', fr: 'Services', de: 'Dienste', en: 'Services' },
  schools: { nl: 'Scholen', fr: 'Établissements', de: 'Schulen', en: 'Schools' },
  stoppedEarly: {
    nl: 'Vroegtijdig stopgezet',
    fr: 'Arrêtés prématurément',
    de: 'Vorzeitig beendet',
    en: 'Stopped early',
  },
  perYear: {
    nl: 'Stagiairs per jaar',
    fr: 'Stagiaires par an',
    de: 'Praktikanten pro Jahr',
    en: 'Interns per year',
  },
  perService: { nl: 'Per dienst', fr: 'Par service', de: 'Pro Dienst', en: 'Per service' },
  perSchool: { nl: 'Per school', fr: 'Par établissement', de: 'Pro Schule', en: 'Per school' },
  perPhase: { nl: 'Per fase', fr: 'Par phase', de: 'Pro Phase', en: 'Per phase' },
  duration: { nl: 'Duur (weken)', fr: 'Durée (semaines)', de: 'Dauer (Wochen)', en: 'Duration (weeks)' },
  average: { nl: 'Gemiddelde', fr: 'Moyenne', de: 'Durchschnitt', en: 'Average' },
  median: { nl: 'Mediaan', fr: 'Médiane', de: 'Median', en: 'Median' },
  shortest: { nl: 'Kortste', fr: 'Plus courte', de: 'Kürzeste', en: 'Shortest' },
  longest: { nl: 'Langste', fr: 'Plus longue', de: 'Längste', en: 'Longest' },
  mentorList: { nl: 'Mentoren', fr: 'Maîtres de stage', de: 'Betreuer', en: 'Mentors' },
  satisfaction: { nl: 'Tevredenheid', fr: 'Satisfaction', de: 'Zufriedenheit', en: 'Satisfaction' },
  surveys: {
    nl: 'Ingevulde enquêtes',
    fr: 'Enquêtes remplies',
    de: 'Ausgefüllte Umfragen',
    en: 'Surveys answered',
  },
  averageScore: {
    nl: 'Gemiddelde score (1–5)',
    fr: 'Score moyen (1–5)',
    de: 'Durchschnittliche Bewertung (1–5)',
    en: 'Average score (1–5)',
  },
  stoppedBy: {
    nl: 'Vroegtijdig stopgezet door',
    fr: 'Arrêté prématurément par',
    de: 'Vorzeitig beendet durch',
    en: 'Stopped early by',
  },
  title: {
    nl: 'Jaarlijkse evaluatie van het stagebeleid',
    fr: 'Évaluation annuelle de la politique de stage',
    de: 'Jährliche Bewertung der Praktikumspolitik',
    en: 'Yearly internship policy evaluation',
  },
} as const satisfies Record<string, LocalizedText>;

export function reportRows(r: YearlyReport, locale: Locale): ReportRow[] {
  const t = (k: keyof typeof T) => T[k][locale];
  const rows: ReportRow[] = [];
  const add = (section: keyof typeof T, item: string, value: Cell, extra?: Cell) =>
    rows.push({ section: t(section), item, value, ...(extra === undefined ? {} : { extra }) });
  add('totals', t('internships'), r.totals.internships);
  add('totals', t('interns'), r.totals.interns);
  add('totals', t('mentors'), r.totals.mentors);
  add('totals', t('backups'), r.totals.backups);
  add('totals', t('services'), r.totals.services);
  add('totals', t('schools'), r.totals.schools);
  add('totals', t('stoppedEarly'), r.totals.stoppedEarly);
  for (const y of r.perYear) add('perYear', String(y.year), y.count);
  for (const x of r.perService) add('perService', x.label, x.count);
  for (const x of r.perSchool) add('perSchool', x.label, x.count);
  for (const x of r.perPhase) add('perPhase', x.label, x.count);
  add('duration', t('average'), r.duration.averageWeeks);
  add('duration', t('median'), r.duration.medianWeeks);
  add('duration', t('shortest'), r.duration.minWeeks);
  add('duration', t('longest'), r.duration.maxWeeks);
  for (const b of r.duration.buckets) add('duration', b.label, b.count);
  for (const m of r.mentors) add('mentorList', m.label, m.count);
  for (const s of r.satisfaction) {
    rows.push({ section: `${t('satisfaction')}: ${s.label}`, item: t('surveys'), value: s.responses });
    rows.push({ section: `${t('satisfaction')}: ${s.label}`, item: t('averageScore'), value: s.average });
    for (const q of s.questions)
      rows.push({
        section: `${t('satisfaction')}: ${s.label}`,
        item: q.label,
        value: q.value,
        extra: q.responses,
      });
  }
  for (const x of r.stoppedEarly) add('stoppedBy', x.label, x.count);
  return rows;
}

export const reportHeader = (locale: Locale): string[] => [
  T.section[locale],
  T.item[locale],
  T.value[locale],
  T.extra[locale],
];

export const reportTitle = (year: number, locale: Locale): string => `${T.title[locale]} ${year}`;

/** A text cell that a spreadsheet would read as a formula, made inert (see the file header). */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180 quoting, with the separator Belgian (nl-BE, fr-BE, de-BE) Excel expects. */
export const CSV_SEPARATOR = ';';
function csvCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = neutralise(v);
  return /[";\r\n,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte order mark (Excel otherwise reads é, ü, ç as Latin-1), CRLF line ends. */
export function reportCsv(r: YearlyReport, locale: Locale): string {
  const lines = [
    reportHeader(locale),
    ...reportRows(r, locale).map((x) => [x.section, x.item, x.value, x.extra]),
  ];
  return '\uFEFF' + lines.map((l) => l.map(csvCell).join(CSV_SEPARATOR)).join('\r\n') + '\r\n';
}

/** One sheet with the same rows as the CSV, typed cells (numbers stay numbers), text cells never formulas. */
export async function reportXlsx(r: YearlyReport, locale: Locale): Promise<Buffer> {
  // Loaded on first export only: exceljs is large and most server processes never export.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Stagemap';
  const ws = wb.addWorksheet(String(r.year));
  ws.addRow([reportTitle(r.year, locale)]).font = { bold: true, size: 14 };
  ws.addRow(reportHeader(locale)).font = { bold: true };
  for (const x of reportRows(r, locale))
    ws.addRow([
      neutralise(x.section),
      neutralise(x.item),
      typeof x.value === 'string' ? neutralise(x.value) : x.value,
      x.extra ?? null,
    ]);
  ws.columns.forEach((c, i) => (c.width = [36, 60, 12, 12][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

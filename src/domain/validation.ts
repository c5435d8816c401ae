import { z } from 'zod';
import { de as zodDe, en as zodEn, fr as zodFr, nl as zodNl } from 'zod/v4/locales';
import type { Locale, LocalizedText } from './i18n';
import { LOCALES } from './i18n';
import { DECISIONS, STOPPED_BY } from './internship';

/**
 * Every input of Stagemap is checked by one of these schemas before anything else happens. Errors come back as
 * a list of {path, message} in the caller's language: our own wording for the common cases (what a coordinator
 * typing in a form needs to read), zod's own translations for the rest.
 */

// ---------- messages ----------

/** Keys of domain-specific messages, raised with `{ params: { key } }` in refinements. */
export const RULE_MESSAGES = {
  endBeforeStart: {
    nl: 'De einddatum mag niet voor de begindatum liggen.',
    fr: 'La date de fin ne peut pas précéder la date de début.',
    de: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
    en: 'The end date cannot be before the start date.',
  },
  mentorIsBackup: {
    nl: 'De back-up moet een andere persoon zijn dan de mentor.',
    fr: 'Le suppléant doit être une autre personne que le maître de stage.',
    de: 'Die Vertretung muss eine andere Person als der Betreuer sein.',
    en: 'The back-up must be someone other than the mentor.',
  },
  controlCharacters: {
    nl: 'Deze tekst bevat ongeldige tekens.',
    fr: 'Ce texte contient des caractères non valides.',
    de: 'Dieser Text enthält ungültige Zeichen.',
    en: 'This text contains invalid characters.',
  },
  periodTooLong: {
    nl: 'Een stage duurt hoogstens twee jaar.',
    fr: 'Un stage dure au maximum deux ans.',
    de: 'Ein Praktikum dauert höchstens zwei Jahre.',
    en: 'An internship lasts at most two years.',
  },
} as const satisfies Record<string, LocalizedText>;
export type RuleMessageKey = keyof typeof RULE_MESSAGES;

const COMMON = {
  required: {
    nl: 'Dit veld is verplicht.',
    fr: 'Ce champ est obligatoire.',
    de: 'Dieses Feld ist erforderlich.',
    en: 'This field is required.',
  },
  tooShort: {
    nl: 'Vul minstens {n} teken(s) in.',
    fr: 'Saisissez au moins {n} caractère(s).',
    de: 'Geben Sie mindestens {n} Zeichen ein.',
    en: 'Enter at least {n} character(s).',
  },
  tooLong: {
    nl: 'Gebruik hoogstens {n} tekens.',
    fr: 'Utilisez au maximum {n} caractères.',
    de: 'Verwenden Sie höchstens {n} Zeichen.',
    en: 'Use at most {n} characters.',
  },
  tooSmallNumber: {
    nl: 'Geef een getal van minstens {n}.',
    fr: 'Indiquez un nombre d’au moins {n}.',
    de: 'Geben Sie eine Zahl ab {n} ein.',
    en: 'Enter a number of at least {n}.',
  },
  tooBigNumber: {
    nl: 'Geef een getal van hoogstens {n}.',
    fr: 'Indiquez un nombre de {n} au maximum.',
    de: 'Geben Sie eine Zahl bis höchstens {n} ein.',
    en: 'Enter a number of at most {n}.',
  },
  tooFewItems: {
    nl: 'Voeg minstens {n} element(en) toe.',
    fr: 'Ajoutez au moins {n} élément(s).',
    de: 'Fügen Sie mindestens {n} Element(e) hinzu.',
    en: 'Add at least {n} item(s).',
  },
  tooManyItems: {
    nl: 'Hoogstens {n} elementen.',
    fr: '{n} éléments au maximum.',
    de: 'Höchstens {n} Elemente.',
    en: 'At most {n} items.',
  },
  email: {
    nl: 'Geef een geldig e-mailadres.',
    fr: 'Indiquez une adresse e-mail valide.',
    de: 'Geben Sie eine gültige E-Mail-Adresse ein.',
    en: 'Enter a valid e-mail address.',
  },
  date: {
    nl: 'Geef een geldige datum (JJJJ-MM-DD).',
    fr: 'Indiquez une date valide (AAAA-MM-JJ).',
    de: 'Geben Sie ein gültiges Datum ein (JJJJ-MM-TT).',
    en: 'Enter a valid date (YYYY-MM-DD).',
  },
  choice: {
    nl: 'Kies een van de voorgestelde waarden.',
    fr: 'Choisissez une des valeurs proposées.',
    de: 'Wählen Sie einen der angebotenen Werte.',
    en: 'Choose one of the offered values.',
  },
  integer: {
    nl: 'Geef een geheel getal.',
    fr: 'Indiquez un nombre entier.',
    de: 'Geben Sie eine ganze Zahl ein.',
    en: 'Enter a whole number.',
  },
  unknownField: {
    nl: 'Onbekend veld: {n}.',
    fr: 'Champ inconnu : {n}.',
    de: 'Unbekanntes Feld: {n}.',
    en: 'Unknown field: {n}.',
  },
} as const satisfies Record<string, LocalizedText>;

const ZOD_LOCALES = { nl: zodNl, fr: zodFr, de: zodDe, en: zodEn } as const;
const fill = (text: string, n: unknown) => text.replace('{n}', String(n));

type Issue = z.core.$ZodRawIssue;

/** An error map for one language; exported for the server, which passes it per request. */
export function errorMapFor(locale: Locale): z.core.$ZodErrorMap {
  const fallback = ZOD_LOCALES[locale]().localeError;
  return (issue: Issue) => {
    const msg = (key: keyof typeof COMMON, n?: unknown) => fill(COMMON[key][locale], n);
    switch (issue.code) {
      case 'invalid_type':
        if (issue.input === undefined || issue.input === null) return msg('required');
        if (issue.expected === 'int') return msg('integer');
        break;
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1 ? msg('required') : msg('tooShort', issue.minimum);
        if (issue.origin === 'number') return msg('tooSmallNumber', issue.minimum);
        if (issue.origin === 'array') return msg('tooFewItems', issue.minimum);
        break;
      case 'too_big':
        if (issue.origin === 'string') return msg('tooLong', issue.maximum);
        if (issue.origin === 'number') return msg('tooBigNumber', issue.maximum);
        if (issue.origin === 'array') return msg('tooManyItems', issue.maximum);
        break;
      case 'invalid_format':
        if (issue.format === 'email') return msg('email');
        if (issue.format === 'date') return msg('date');
        break;
      case 'invalid_value':
        return msg('choice');
      case 'unrecognized_keys':
        return msg('unknownField', issue.keys.join(', '));
      case 'custom': {
        const key = (issue.params as { key?: RuleMessageKey } | undefined)?.key;
        if (key && key in RULE_MESSAGES) return RULE_MESSAGES[key][locale];
        break;
      }
    }
    return fallback(issue);
  };
}

export interface FieldError {
  /** Dotted path of the field, e.g. "intern.email" or "milestones.0.score"; "" for the whole input. */
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Parses input with a schema, answering in the caller's language. Nothing is coerced silently beyond trimming. */
export function validate<S extends z.ZodType>(
  schema: S,
  input: unknown,
  locale: Locale,
): Validated<z.output<S>> {
  const r = schema.safeParse(input, { error: errorMapFor(locale) });
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}

// ---------- building blocks ----------

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Free text: trimmed, bounded, no control characters (they break cards and CSV exports). Markup is allowed and escaped on output. */
export const text = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), { params: { key: 'controlCharacters' } });

export const optionalText = (max: number) => text(max, 0).optional();

export const isoDate = z.iso.date();
export const isoInstant = z.iso.datetime({ offset: true });
export const email = z.email().max(254);
/** Entra ID object ids and Stagemap ids are opaque strings; they never reach a filter unescaped. */
export const id = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9._:-]+$/);
export const locale = z.enum(LOCALES);

const daysBetween = (a: string, b: string) =>
  (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;

const period = <T extends z.ZodRawShape>(shape: T, from: string, to: string) =>
  z
    .strictObject(shape)
    .refine(
      (v) =>
        !(v as Record<string, string>)[from] ||
        !(v as Record<string, string>)[to] ||
        (v as Record<string, string>)[to]! >= (v as Record<string, string>)[from]!,
      {
        params: { key: 'endBeforeStart' },
        path: [to],
      },
    );

// ---------- inputs ----------

export const schoolContactInput = z.strictObject({
  name: text(200),
  email: email.optional(),
  phone: optionalText(50),
});

export const internshipInput = z
  .strictObject({
    intern: z.strictObject({
      displayName: text(200),
      email: email.optional(),
      locale: locale.optional(),
      id: id.optional(),
    }),
    schoolId: id.optional(),
    programme: optionalText(200),
    schoolSupervisor: schoolContactInput.optional(),
    service: text(100),
    topic: text(500),
    startDate: isoDate,
    endDate: isoDate,
    mentorId: id.optional(),
    backupId: id.optional(),
    serviceHeadId: id.optional(),
    overviewConsent: z.boolean().default(false),
    assignmentId: id.optional(),
    applicationId: id.optional(),
  })
  .refine((v) => v.endDate >= v.startDate, { params: { key: 'endBeforeStart' }, path: ['endDate'] })
  .refine((v) => v.endDate < v.startDate || daysBetween(v.startDate, v.endDate) <= 731, {
    params: { key: 'periodTooLong' },
    path: ['endDate'],
  })
  .refine((v) => !v.mentorId || v.mentorId !== v.backupId, {
    params: { key: 'mentorIsBackup' },
    path: ['backupId'],
  });
export type InternshipInput = z.output<typeof internshipInput>;

export const decisionInput = z.strictObject({ decision: z.enum(DECISIONS), note: optionalText(2000) });

export const stopInput = z.strictObject({ stoppedBy: z.enum(STOPPED_BY), reason: text(2000) });

export const checklistChangeInput = z.strictObject({
  itemKey: text(120),
  done: z.boolean().optional(),
  assigneeId: id.nullable().optional(),
  dueDate: isoDate.nullable().optional(),
  comment: optionalText(2000),
  hidden: z.boolean().optional(),
});

/** An answer to a card or form: question key → value. Per-questionnaire rules are applied on top (questionnaires). */
export const answerValue = z.union([text(4000, 0), z.number().finite(), z.boolean()]);
export const momentAnswerInput = z.strictObject({
  momentKey: text(200),
  answers: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/), answerValue),
});

export const milestoneScoreInput = z.strictObject({
  milestoneKey: id,
  /** SMART score 1..5 (seed 003). */
  score: z.number().int().min(1).max(5),
  comment: optionalText(2000),
});

export const evaluationInput = z.strictObject({
  kind: z.enum(['midTerm', 'final']),
  milestones: z.array(milestoneScoreInput).max(50),
  schoolContacted: z.boolean(),
  overall: optionalText(4000),
  sharedWithIntern: z.boolean().default(false),
});

export const surveyInput = z.strictObject({
  respondent: z.enum(['mentor', 'intern']),
  answers: z.record(z.string().regex(/^[A-Za-z0-9_.-]{1,80}$/), answerValue),
});

export const absenceInput = period(
  {
    from: isoDate,
    to: isoDate,
    kind: z.enum(['planned', 'school', 'illness', 'other']),
    note: optionalText(1000),
    schoolInformed: z.boolean().default(false),
  },
  'from',
  'to',
);

export const feedbackInput = z.strictObject({
  date: isoDate,
  /** Feedback the mentor gave, or a remark the intern made (toolbox C5: be open to the intern's remarks). */
  direction: z.enum(['toIntern', 'fromIntern']),
  note: text(4000),
  visibleToIntern: z.boolean().default(true),
});

export const assignmentInput = period(
  {
    service: text(100),
    title: text(200),
    description: text(4000),
    context: optionalText(4000),
    contacts: optionalText(1000),
    qualityCriteria: optionalText(2000),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    deadlines: optionalText(1000),
    profile: optionalText(2000),
    places: z.number().int().min(1).max(50).default(1),
    research: z.boolean().default(false),
    proposedMentorId: id.optional(),
    proposedBackupId: id.optional(),
  },
  'periodStart',
  'periodEnd',
);

export const applicationInput = period(
  {
    candidateName: text(200),
    candidateEmail: email,
    schoolId: id.optional(),
    schoolName: optionalText(200),
    programme: optionalText(200),
    assignmentId: id.optional(),
    motivation: optionalText(4000),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
    receivedOn: isoDate,
  },
  'periodStart',
  'periodEnd',
);

export const partnerInput = z.strictObject({
  name: text(200),
  kind: z.enum(['university', 'universityCollege', 'secondary', 'other']),
  address: optionalText(500),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  programmes: z.array(text(200)).max(100).default([]),
  contacts: z
    .array(
      z.strictObject({
        name: text(200),
        role: optionalText(200),
        email: email.optional(),
        phone: optionalText(50),
      }),
    )
    .max(50)
    .default([]),
  agreementSignedOn: isoDate.optional(),
  agreementValidUntil: isoDate.optional(),
  /** The toolbox (B2) asks to update the contact list yearly. */
  reviewDue: isoDate,
});

export const planInput = z.strictObject({
  projects: z
    .array(
      z.strictObject({
        key: id,
        title: text(200),
        description: text(4000),
        context: optionalText(4000),
        contacts: optionalText(1000),
        qualityCriteria: optionalText(2000),
        deadline: isoDate.optional(),
      }),
    )
    .max(30),
  milestones: z
    .array(
      z.strictObject({
        key: id,
        title: text(200),
        dueDate: isoDate.optional(),
        smartCriteria: text(2000),
        projectKey: id.optional(),
        status: z.enum(['open', 'inProgress', 'done']).default('open'),
      }),
    )
    .max(50),
  dailyGuideOid: id.optional(),
  assessorOid: id.optional(),
  finallyResponsibleOid: id.optional(),
});

export const trainingRecordInput = z.strictObject({
  date: isoDate,
  milestoneKey: id.optional(),
  note: text(4000),
});

export const INPUT_SCHEMAS = {
  internship: internshipInput,
  decision: decisionInput,
  stop: stopInput,
  checklistChange: checklistChangeInput,
  momentAnswer: momentAnswerInput,
  evaluation: evaluationInput,
  survey: surveyInput,
  absence: absenceInput,
  feedback: feedbackInput,
  assignment: assignmentInput,
  application: applicationInput,
  partner: partnerInput,
  plan: planInput,
  trainingRecord: trainingRecordInput,
} as const;

export const VALIDATION_TEXTS: Record<string, LocalizedText> = { ...COMMON, ...RULE_MESSAGES };

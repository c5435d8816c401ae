import type { Actor } from '../../domain/access';
import {
  capacityWarnings,
  canTakeStep,
  isSelected,
  SELECTION_ACTIONS,
  type CapacityCheck,
  type CapacityPolicy,
} from '../../domain/capacity';
import { LOCALES, type Locale, type LocalizedText } from '../../domain/i18n';
import type { PersonRef } from '../../domain/internship';
import type { Assignment } from '../../domain/records';
import type {
  AssignmentView,
  CapacityCheckView,
  CapacityView,
  PublicationView,
} from '../../domain/views-coordination';
import { personView } from '../../domain/views';
import type { Stored } from '../../graph/repositories/list-repository';

export interface CoordinationContext {
  actor: Actor;
  locale: Locale;
  serviceName(key: string): string;
  /** A person by Entra oid, from the directory cache. */
  person(oid: string): PersonRef;
}

/**
 * An assignment as the caller may see it. Only coordinators and the heads of its service get here (the routes
 * check); the selection steps are offered to coordinators only.
 */
export function presentAssignment(a: Stored<Assignment>, c: CoordinationContext): AssignmentView {
  const d = a.details;
  const v: AssignmentView = {
    id: a.id,
    key: a.key,
    etag: a.etag,
    year: a.year,
    service: a.service,
    serviceName: c.serviceName(a.service),
    title: a.title,
    description: a.description,
    status: a.status,
    places: a.places,
    research: d.research === true,
    allowed: c.actor.isCoordinator ? SELECTION_ACTIONS.filter((s) => canTakeStep(a.status, s)) : [],
  };
  if (d.context) v.context = d.context;
  if (d.contacts) v.contacts = d.contacts;
  if (d.qualityCriteria) v.qualityCriteria = d.qualityCriteria;
  if (d.deadlines) v.deadlines = d.deadlines;
  if (d.profile) v.profile = d.profile;
  if (d.periodStart) v.periodStart = d.periodStart;
  if (d.periodEnd) v.periodEnd = d.periodEnd;
  const by = a.proposedByOid ? personView(c.person(a.proposedByOid)) : undefined;
  const mentor = a.mentorOid ? personView(c.person(a.mentorOid)) : undefined;
  const backup = d.backupOid ? personView(c.person(d.backupOid)) : undefined;
  if (by) v.proposedBy = by;
  if (mentor) v.mentor = mentor;
  if (backup) v.backup = backup;
  return v;
}

/** Places selected and proposed per service of `year`, against the policy's capacity. */
export function presentCapacity(
  year: number,
  assignments: readonly Assignment[],
  services: readonly string[],
  policy: CapacityPolicy,
  serviceName: (key: string) => string,
): CapacityView {
  const ofYear = assignments.filter((a) => a.year === year);
  const keys = [...new Set([...services, ...ofYear.map((a) => a.service)])];
  const sum = (xs: readonly Assignment[]) => xs.reduce((n, a) => n + a.places, 0);
  const v: CapacityView = {
    year,
    selected: sum(ofYear.filter(isSelected)),
    policySet: policy.perYear !== undefined || Object.keys(policy.perService ?? {}).length > 0,
    services: keys.map((s) => {
      const mine = ofYear.filter((a) => a.service === s);
      const capacity = policy.perService?.[s];
      return {
        service: s,
        serviceName: serviceName(s),
        selected: sum(mine.filter(isSelected)),
        proposed: sum(mine.filter((a) => a.status === 'proposed')),
        ...(capacity !== undefined ? { capacity } : {}),
      };
    }),
  };
  if (policy.perYear !== undefined) v.capacity = policy.perYear;
  return v;
}

export function presentCheck(check: CapacityCheck, serviceName: string, locale: Locale): CapacityCheckView {
  const { exceedsYear: _y, exceedsService: _s, ...figures } = check;
  return { ...figures, serviceName, warnings: capacityWarnings(check, serviceName, locale) };
}

// ---------- the publication text (toolbox B2) ----------

export interface PublicationInput {
  year: number;
  organisationName: (locale: Locale) => string;
  mailbox: string;
  applyBy?: string;
  presentation?: string;
  strengths?: string;
}

const PUB: Record<string, LocalizedText> = {
  heading: {
    nl: 'Stageplaatsen {year} bij {org}',
    fr: 'Places de stage {year} chez {org}',
    de: 'Praktikumsplätze {year} bei {org}',
    en: 'Internship places {year} at {org}',
  },
  about: { nl: 'Wie zijn we?', fr: 'Qui sommes-nous ?', de: 'Wer sind wir?', en: 'Who we are' },
  defaultPresentation: {
    nl: '{org} is een federale overheidsdienst. Onze medewerkers zetten zich elke dag in voor de burgers, bedrijven en organisaties van ons land.',
    fr: '{org} est un service public fédéral. Nos collaborateurs s’engagent chaque jour pour les citoyens, les entreprises et les organisations de notre pays.',
    de: '{org} ist ein föderaler öffentlicher Dienst. Unsere Mitarbeiter setzen sich jeden Tag für die Bürger, Unternehmen und Organisationen unseres Landes ein.',
    en: '{org} is a Belgian federal public service. Every day, our staff work for the citizens, businesses and organisations of our country.',
  },
  why: {
    nl: 'Waarom loop je bij ons stage?',
    fr: 'Pourquoi faire un stage chez nous ?',
    de: 'Warum ein Praktikum bei uns?',
    en: 'Why intern with us?',
  },
  defaultStrengths: {
    nl: '- Je werkt aan een echt project, niet aan losse taken.\n- Een stagementor en een back-up begeleiden je van de eerste dag.\n- Je frisse blik wordt gewaardeerd.\n- Je leert de federale overheid van binnenuit kennen.',
    fr: '- Vous travaillez sur un vrai projet, pas sur des tâches isolées.\n- Un maître de stage et un suppléant vous accompagnent dès le premier jour.\n- Votre regard neuf est apprécié.\n- Vous découvrez la fonction publique fédérale de l’intérieur.',
    de: '- Sie arbeiten an einem echten Projekt, nicht an einzelnen Aufgaben.\n- Ein Praktikumsbetreuer und eine Vertretung begleiten Sie vom ersten Tag an.\n- Ihr frischer Blick wird geschätzt.\n- Sie lernen den föderalen öffentlichen Dienst von innen kennen.',
    en: '- You work on a real project, not on scattered tasks.\n- A mentor and a back-up guide you from day one.\n- Your fresh look is valued.\n- You get to know the federal public service from the inside.',
  },
  places: {
    nl: 'Onze stageopdrachten',
    fr: 'Nos missions de stage',
    de: 'Unsere Praktikumsaufträge',
    en: 'Our internship assignments',
  },
  none: {
    nl: 'Er zijn op dit moment geen gepubliceerde stageopdrachten. Een spontane kandidatuur is welkom.',
    fr: 'Aucune mission de stage n’est publiée pour le moment. Une candidature spontanée est la bienvenue.',
    de: 'Zurzeit sind keine Praktikumsaufträge veröffentlicht. Initiativbewerbungen sind willkommen.',
    en: 'No internship assignments are published at the moment. Unsolicited applications are welcome.',
  },
  service: { nl: 'Dienst', fr: 'Service', de: 'Dienst', en: 'Service' },
  placesCount: {
    nl: 'Aantal plaatsen',
    fr: 'Nombre de places',
    de: 'Anzahl der Plätze',
    en: 'Number of places',
  },
  period: { nl: 'Periode', fr: 'Période', de: 'Zeitraum', en: 'Period' },
  profile: { nl: 'Gezocht profiel', fr: 'Profil recherché', de: 'Gesuchtes Profil', en: 'Profile sought' },
  research: {
    nl: 'Onderzoeksproject',
    fr: 'Projet de recherche',
    de: 'Forschungsprojekt',
    en: 'Research project',
  },
  practical: {
    nl: 'Praktische informatie',
    fr: 'Informations pratiques',
    de: 'Praktische Informationen',
    en: 'Practical information',
  },
  howToApply: {
    nl: 'Stel je kandidaat door je cv en een korte motivatie te mailen naar {mailbox}. Vermeld de stageopdracht die je interesseert, je opleiding en de gewenste periode. Je mag ook zelf een stagevoorstel indienen.',
    fr: 'Posez votre candidature en envoyant votre CV et une courte motivation à {mailbox}. Mentionnez la mission de stage qui vous intéresse, votre formation et la période souhaitée. Vous pouvez aussi proposer vous-même un sujet de stage.',
    de: 'Bewerben Sie sich mit Ihrem Lebenslauf und einer kurzen Motivation per E-Mail an {mailbox}. Nennen Sie den Praktikumsauftrag, der Sie interessiert, Ihre Ausbildung und den gewünschten Zeitraum. Sie können auch selbst ein Praktikumsthema vorschlagen.',
    en: 'Apply by sending your CV and a short motivation to {mailbox}. Mention the assignment you are interested in, your programme and the period you have in mind. You may also propose a topic yourself.',
  },
  deadline: {
    nl: 'Stel je kandidaat vóór {date}.',
    fr: 'Posez votre candidature avant le {date}.',
    de: 'Bewerben Sie sich bis zum {date}.',
    en: 'Apply before {date}.',
  },
  interview: {
    nl: 'Na een kennismakingsgesprek met de stagecoördinator en de stagementor laten we je onze beslissing per mail weten.',
    fr: 'Après un entretien avec le coordinateur des stages et le maître de stage, nous vous communiquons notre décision par e-mail.',
    de: 'Nach einem Gespräch mit dem Praktikumskoordinator und dem Praktikumsbetreuer teilen wir Ihnen unsere Entscheidung per E-Mail mit.',
    en: 'After an interview with the internship coordinator and the mentor, we let you know our decision by e-mail.',
  },
  contact: {
    nl: 'Vragen? Mail naar {mailbox}.',
    fr: 'Des questions ? Écrivez à {mailbox}.',
    de: 'Fragen? Schreiben Sie an {mailbox}.',
    en: 'Questions? Write to {mailbox}.',
  },
};

const TAGS: Record<Locale, string> = { nl: 'nl-BE', fr: 'fr-BE', de: 'de-BE', en: 'en-GB' };

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function formatDate(iso: string, locale: Locale): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The text that makes the places known (toolbox B2.2): a short presentation of the organisation, its strengths for
 * interns, the published assignments with their profile, and the practical information (how to apply, deadlines,
 * the central mailbox, B2.3). Plain text: it is copied into a website, a mail or a partner's newsletter, each of
 * which escapes or formats it their own way. Free texts typed by the coordinator are kept as typed in every
 * language (they cannot be translated here); the frame around them is translated.
 */
export function presentPublication(
  published: readonly Assignment[],
  input: PublicationInput,
  serviceName: (key: string, locale: Locale) => string,
): PublicationView {
  const sorted = [...published].sort(
    (a, b) => a.service.localeCompare(b.service) || a.title.localeCompare(b.title),
  );
  const texts = Object.fromEntries(
    LOCALES.map((l) => {
      const org = input.organisationName(l);
      const lines: string[] = [fill(PUB.heading![l], { year: input.year, org }), ''];
      lines.push(PUB.about![l], input.presentation ?? fill(PUB.defaultPresentation![l], { org }), '');
      lines.push(PUB.why![l], input.strengths ?? PUB.defaultStrengths![l], '');
      lines.push(PUB.places![l]);
      if (sorted.length === 0) lines.push(PUB.none![l]);
      sorted.forEach((a, n) => {
        const d = a.details;
        lines.push('', `${n + 1}. ${a.title}${d.research ? ` (${PUB.research![l]})` : ''}`);
        lines.push(`${PUB.service![l]}: ${serviceName(a.service, l)}`);
        lines.push(`${PUB.placesCount![l]}: ${a.places}`);
        if (d.periodStart && d.periodEnd)
          lines.push(`${PUB.period![l]}: ${formatDate(d.periodStart, l)} – ${formatDate(d.periodEnd, l)}`);
        lines.push(a.description);
        if (d.profile) lines.push(`${PUB.profile![l]}: ${d.profile}`);
      });
      lines.push('', PUB.practical![l], fill(PUB.howToApply![l], { mailbox: input.mailbox }));
      if (input.applyBy) lines.push(fill(PUB.deadline![l], { date: formatDate(input.applyBy, l) }));
      lines.push(PUB.interview![l], fill(PUB.contact![l], { mailbox: input.mailbox }));
      return [l, lines.join('\n')];
    }),
  ) as Record<Locale, string>;
  return { year: input.year, assignments: sorted.length, texts };
}

/**
 * The toolbox's checklists (seed 001), as default templates. Every item is traced to the toolbox step it comes
 * from, so a coordinator who edits or hides an item in Settings still sees where the default came from.
 *
 * Keys are stable and dotted (`<kind>.<item>`): Settings overrides and the ChecklistItems list refer to them,
 * so a key must never be renamed once shipped; change the text instead.
 */
import type { LocalizedText } from './i18n';
import type { Role } from './internship';

export const CHECKLIST_KINDS = [
  'logistics',
  'coordinatorOnboarding',
  'mentorPreparation',
  'mentorOnboarding',
  'closing',
] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];

/**
 * When an item is due, relative to a date of the internship. Counted in workdays (the scheduler skips weekends
 * and Belgian public holidays): 0 is the anchor day itself, negative is before it, positive after it.
 * - `decision`: the day the acceptance is recorded (toolbox B3);
 * - `start` / `end`: the internship's first and last day.
 */
export interface DueOffset {
  anchor: 'decision' | 'start' | 'end';
  workdays: number;
}

export interface ChecklistItemTemplate {
  key: string;
  kind: ChecklistKind;
  /** Who ticks the item off. */
  owner: Role;
  due: DueOffset;
  /** Toolbox step (e.g. 'B4') or seed ('seed003') the item comes from. */
  source: string;
  text: LocalizedText;
  hint?: LocalizedText;
  /** Sub-heading inside the checklist, following the toolbox's own headings. */
  group?: string;
  /** The toolbox words it as a suggestion ("eventueel", "kan"): it never blocks a gate. */
  optional?: boolean;
}

/**
 * Default due offsets, kept in one place so the rationale is visible:
 * - administration that needs other services (IT accounts, insurance check) gets two weeks of lead time;
 * - the rest of logistics must be ready a week before the start (toolbox B4: "een vlotte start garanderen");
 * - the digital folder is opened as soon as the intern is accepted, so documents can be collected from then on;
 * - mentor preparation follows the "prepare arrival" moment (10 workdays before start, BRIEF);
 * - onboarding happens on the first day, agreements that need a few days within the first week (day 5 = +4);
 * - closing is done within 10 workdays after the end (the "results" moment, BRIEF).
 */
const LEAD_TIME_LONG: DueOffset = { anchor: 'start', workdays: -10 };
const LEAD_TIME: DueOffset = { anchor: 'start', workdays: -5 };
const DAY_BEFORE_START: DueOffset = { anchor: 'start', workdays: -1 };
const FIRST_DAY: DueOffset = { anchor: 'start', workdays: 0 };
const FIRST_WEEK: DueOffset = { anchor: 'start', workdays: 4 };
const BEFORE_END: DueOffset = { anchor: 'end', workdays: -5 };
const LAST_DAY: DueOffset = { anchor: 'end', workdays: 0 };
const AFTER_END: DueOffset = { anchor: 'end', workdays: 5 };
const CLOSING: DueOffset = { anchor: 'end', workdays: 10 };

/** Toolbox B4 "Breng de logistiek en administratie in orde" (tool: Checklist logistiek en administratie). */
const LOGISTICS: readonly ChecklistItemTemplate[] = [
  {
    key: 'logistics.insurance',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME_LONG,
    source: 'B4',
    group: 'administration',
    text: {
      nl: 'Nagaan of de verzekering geregeld is via de onderwijsinstelling',
      fr: "Vérifier que l'assurance est réglée par l'établissement d'enseignement",
      de: 'Prüfen, ob die Versicherung über die Unterrichtseinrichtung geregelt ist',
      en: 'Check that insurance is arranged through the school',
    },
    hint: {
      nl: 'Vraag de verzekeringspolis op en bewaar ze in de vertrouwelijke map.',
      fr: "Demander la police d'assurance et la conserver dans le dossier confidentiel.",
      de: 'Die Versicherungspolice anfordern und im vertraulichen Ordner ablegen.',
      en: 'Ask for the insurance policy and store it in the confidential folder.',
    },
  },
  {
    key: 'logistics.expenses',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'administration',
    text: {
      nl: 'Afspraken over onkosten maken',
      fr: 'Convenir des modalités relatives aux frais',
      de: 'Vereinbarungen über Kosten treffen',
      en: 'Agree on expenses',
    },
    hint: {
      nl: 'Een stage is in principe onbezoldigd. Gelden er afspraken over woon-werkverkeer? Zijn er andere onkosten? Worden ze vergoed, wanneer en volgens welke procedure?',
      fr: "Un stage est en principe non rémunéré. Des accords existent-ils pour les déplacements domicile-lieu de travail ? Y a-t-il d'autres frais ? Sont-ils remboursés, quand et selon quelle procédure ?",
      de: 'Ein Praktikum ist grundsätzlich unbezahlt. Gibt es Vereinbarungen zum Arbeitsweg? Entstehen weitere Kosten? Werden sie erstattet, wann und nach welchem Verfahren?',
      en: 'An internship is in principle unpaid. Are there arrangements for commuting? Are there other costs? Are they reimbursed, when and by which procedure?',
    },
  },
  {
    key: 'logistics.codesAndRegulations',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'administration',
    text: {
      nl: 'De gedragscodes en reglementen overlopen',
      fr: 'Passer en revue les codes de conduite et les règlements',
      de: 'Verhaltenskodizes und Regelungen durchgehen',
      en: 'Go through the codes of conduct and regulations',
    },
    hint: {
      nl: 'Het federale deontologische kader, het arbeidsreglement, het stagereglement van de organisatie en het correcte beheer van vertrouwelijke informatie.',
      fr: "Le cadre déontologique fédéral, le règlement de travail, le règlement de stage de l'organisation et la gestion correcte des informations confidentielles.",
      de: 'Der föderale deontologische Rahmen, die Arbeitsordnung, die Praktikumsordnung der Organisation und der korrekte Umgang mit vertraulichen Informationen.',
      en: "The federal deontological framework, the work regulations, the organisation's internship regulations and the correct handling of confidential information.",
    },
  },
  {
    key: 'logistics.infoSheet',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'administration',
    text: {
      nl: 'De infofiche van de stagiair opstellen',
      fr: "Établir la fiche d'information du stagiaire",
      de: 'Das Infoblatt des Praktikanten erstellen',
      en: "Complete the intern's info sheet",
    },
    hint: {
      nl: 'De infofiche verzamelt alle belangrijke informatie over de stagiair.',
      fr: "La fiche d'information rassemble toutes les informations importantes sur le stagiaire.",
      de: 'Das Infoblatt enthält alle wichtigen Informationen über den Praktikanten.',
      en: 'The info sheet gathers all the important information about the intern.',
    },
  },
  {
    key: 'logistics.digitalFolder',
    kind: 'logistics',
    owner: 'coordinator',
    due: { anchor: 'decision', workdays: 2 },
    source: 'B4',
    group: 'administration',
    text: {
      nl: 'De digitale map met de stagedocumenten aanmaken',
      fr: 'Créer le dossier numérique avec les documents de stage',
      de: 'Den digitalen Ordner mit den Praktikumsunterlagen anlegen',
      en: 'Set up the digital folder with the internship documents',
    },
    hint: {
      nl: 'Stageovereenkomst, stagereglement, contract, infofiche: toegankelijk voor stagementor, stagecoördinator en stagiair. Bijlagen met gezondheids- en contractgegevens gaan naar de vertrouwelijke map.',
      fr: "Convention de stage, règlement de stage, contrat, fiche d'information : accessibles au maître de stage, au coordinateur et au stagiaire. Les annexes contenant des données de santé ou contractuelles vont dans le dossier confidentiel.",
      de: 'Praktikumsvereinbarung, Praktikumsordnung, Vertrag, Infoblatt: zugänglich für Praktikumsbetreuer, Praktikumskoordinator und Praktikant. Anlagen mit Gesundheits- oder Vertragsdaten kommen in den vertraulichen Ordner.',
      en: 'Internship agreement, internship regulations, contract, info sheet: open to the mentor, the coordinator and the intern. Annexes with health or contract data go to the confidential folder.',
    },
  },
  {
    key: 'logistics.badges',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'logistics',
    text: {
      nl: 'De badges klaarmaken (ingang, cafetaria …)',
      fr: 'Préparer les badges (entrée, cafétéria…)',
      de: 'Die Zugangsausweise vorbereiten (Eingang, Cafeteria …)',
      en: 'Prepare the badges (entrance, cafeteria…)',
    },
  },
  {
    key: 'logistics.accessRights',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME_LONG,
    source: 'B4',
    group: 'logistics',
    text: {
      nl: 'Toegangsrechten en logins op voorhand regelen (intranet, printer, documentenserver …)',
      fr: "Régler à l'avance les droits d'accès et identifiants (intranet, imprimante, serveur de documents…)",
      de: 'Zugangsrechte und Logins im Voraus regeln (Intranet, Drucker, Dokumentenserver …)',
      en: 'Arrange access rights and logins in advance (intranet, printer, document server…)',
    },
  },
  {
    key: 'logistics.workplace',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'logistics',
    text: {
      nl: 'Een werkplek inrichten (pc, bureau, stoel, telefoon …)',
      fr: 'Aménager un poste de travail (PC, bureau, chaise, téléphone…)',
      de: 'Einen Arbeitsplatz einrichten (PC, Schreibtisch, Stuhl, Telefon …)',
      en: 'Set up a workplace (PC, desk, chair, phone…)',
    },
  },
  {
    key: 'logistics.emailAddress',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME_LONG,
    source: 'B4',
    group: 'logistics',
    text: {
      nl: 'Een e-mailadres laten aanmaken',
      fr: 'Faire créer une adresse e-mail',
      de: 'Eine E-Mail-Adresse einrichten lassen',
      en: 'Have an email address created',
    },
  },
  {
    key: 'logistics.materialList',
    kind: 'logistics',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B4',
    group: 'logistics',
    text: {
      nl: 'Een lijst opstellen met het materiaal en de hulpmiddelen voor de stagiair',
      fr: 'Dresser la liste du matériel et des outils à disposition du stagiaire',
      de: 'Eine Liste der Arbeits- und Hilfsmittel für den Praktikanten erstellen',
      en: 'Draw up a list of the equipment and aids the intern can use',
    },
    hint: {
      nl: 'Bijvoorbeeld een dictafoon, gedeelde logins, een woordenboek en een lijst met contactpersonen (HR en ICT bovenaan).',
      fr: 'Par exemple un dictaphone, des identifiants partagés, un dictionnaire et une liste de contacts (RH et ICT en tête).',
      de: 'Zum Beispiel ein Diktiergerät, gemeinsame Logins, ein Wörterbuch und eine Kontaktliste (Personalabteilung und IKT ganz oben).',
      en: 'For example a dictaphone, shared logins, a dictionary and a contact list (HR and ICT at the top).',
    },
  },
];

/** Toolbox B5 "Zorg voor een goed onthaal" (tool: Checklist Onthaal), the coordinator's half of the welcome. */
const COORDINATOR_ONBOARDING: readonly ChecklistItemTemplate[] = [
  {
    key: 'coordinatorOnboarding.halfDayReserved',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: LEAD_TIME,
    source: 'B5',
    group: 'preparation',
    text: {
      nl: 'Een halve dag vrijhouden om de stagiair te ontvangen',
      fr: 'Réserver une demi-journée pour accueillir le stagiaire',
      de: 'Einen halben Tag für den Empfang des Praktikanten freihalten',
      en: 'Block half a day to welcome the intern',
    },
    hint: {
      nl: 'Ontvang de stagiair eerst zelf en breng hem daarna naar zijn stagementor.',
      fr: 'Accueillir soi-même le stagiaire avant de le conduire chez son maître de stage.',
      de: 'Den Praktikanten zuerst selbst empfangen und ihn dann zu seinem Praktikumsbetreuer bringen.',
      en: 'Welcome the intern yourself first, then take them to their mentor.',
    },
  },
  {
    key: 'coordinatorOnboarding.receptionWarned',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: DAY_BEFORE_START,
    source: 'B5',
    group: 'preparation',
    text: {
      nl: 'De onthaalbalie verwittigen van de komst van de stagiair',
      fr: "Prévenir l'accueil de l'arrivée du stagiaire",
      de: 'Den Empfang über die Ankunft des Praktikanten informieren',
      en: 'Tell the reception desk that the intern is coming',
    },
    hint: {
      nl: 'Zo voelt de stagiair dat hij verwacht wordt en vindt hij snel de weg naar je bureau.',
      fr: "Ainsi, le stagiaire sent qu'il est attendu et trouve vite le chemin de votre bureau.",
      de: 'So spürt der Praktikant, dass er erwartet wird, und findet schnell den Weg zu Ihrem Büro.',
      en: 'That way the intern feels expected and quickly finds the way to your office.',
    },
  },
  {
    key: 'coordinatorOnboarding.goodieBag',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: DAY_BEFORE_START,
    source: 'B5',
    group: 'preparation',
    optional: true,
    text: {
      nl: 'Een goodie bag voorzien',
      fr: 'Prévoir un sac de bienvenue',
      de: 'Eine Willkommenstasche vorbereiten',
      en: 'Prepare a goodie bag',
    },
    hint: {
      nl: 'Bijvoorbeeld post-its, een blocnote, een balpen, een USB-stick, de presentatie van de organisatie en een stratenplan van de omgeving.',
      fr: "Par exemple des post-it, un bloc-notes, un stylo, une clé USB, la présentation de l'organisation et un plan du quartier.",
      de: 'Zum Beispiel Haftnotizen, einen Notizblock, einen Kugelschreiber, einen USB-Stick, die Präsentation der Organisation und einen Stadtplan der Umgebung.',
      en: "For example sticky notes, a notepad, a pen, a USB stick, the organisation's presentation and a street map of the area.",
    },
  },
  {
    key: 'coordinatorOnboarding.coordinatorRole',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'welcome',
    text: {
      nl: 'Je rol als stagecoördinator toelichten',
      fr: 'Expliquer votre rôle de coordinateur des stages',
      de: 'Die eigene Rolle als Praktikumskoordinator erläutern',
      en: 'Explain your role as internship coordinator',
    },
    hint: {
      nl: 'Wat kan de stagiair tijdens de stage van jou verwachten?',
      fr: 'Que peut attendre le stagiaire de votre part pendant le stage ?',
      de: 'Was kann der Praktikant während des Praktikums von Ihnen erwarten?',
      en: 'What can the intern expect from you during the internship?',
    },
  },
  {
    key: 'coordinatorOnboarding.organisationPresentation',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'welcome',
    text: {
      nl: 'De organisatie voorstellen: missie, organogram, dienst van de stagiair',
      fr: "Présenter l'organisation : mission, organigramme, service du stagiaire",
      de: 'Die Organisation vorstellen: Auftrag, Organigramm, Dienst des Praktikanten',
      en: "Present the organisation: mission, organisation chart, the intern's service",
    },
    hint: {
      nl: 'Een presentatie helpt om alles gestructureerd uit te leggen.',
      fr: 'Une présentation aide à tout expliquer de manière structurée.',
      de: 'Eine Präsentation hilft, alles strukturiert zu erklären.',
      en: 'A slide presentation helps to explain it in a structured way.',
    },
  },
  {
    key: 'coordinatorOnboarding.workingTime',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'De werktijdregeling uitleggen (uren, glijdende uren, lunchpauze)',
      fr: 'Expliquer le régime de travail (heures, horaire flottant, pause de midi)',
      de: 'Die Arbeitszeitregelung erklären (Stunden, Gleitzeit, Mittagspause)',
      en: 'Explain the working-time arrangements (hours, flexitime, lunch break)',
    },
    hint: {
      nl: 'Dit is waarschijnlijk de eerste werkervaring van de stagiair: ga niets als vanzelfsprekend uit.',
      fr: "C'est probablement la première expérience professionnelle du stagiaire : ne rien considérer comme évident.",
      de: 'Dies ist wahrscheinlich die erste Arbeitserfahrung des Praktikanten: nichts als selbstverständlich voraussetzen.',
      en: "This is probably the intern's first work experience: take nothing for granted.",
    },
  },
  {
    key: 'coordinatorOnboarding.telework',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'De afspraken over telewerk toelichten',
      fr: 'Expliquer les règles relatives au télétravail',
      de: 'Die Regeln zur Telearbeit erläutern',
      en: 'Explain the telework arrangements',
    },
    hint: {
      nl: 'Mag de stagiair telewerken? Zo ja, wat zijn de afspraken?',
      fr: 'Le stagiaire peut-il télétravailler ? Si oui, selon quelles règles ?',
      de: 'Darf der Praktikant Telearbeit leisten? Wenn ja, nach welchen Regeln?',
      en: 'May the intern telework? If so, on what terms?',
    },
  },
  {
    key: 'coordinatorOnboarding.illnessAbsence',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'Uitleggen wat te doen bij ziekte en afwezigheid',
      fr: "Expliquer la marche à suivre en cas de maladie ou d'absence",
      de: 'Erklären, was bei Krankheit und Abwesenheit zu tun ist',
      en: 'Explain what to do in case of illness or absence',
    },
  },
  {
    key: 'coordinatorOnboarding.building',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'Praktische informatie over het gebouw geven',
      fr: 'Donner les informations pratiques sur le bâtiment',
      de: 'Praktische Informationen zum Gebäude geben',
      en: 'Give practical information about the building',
    },
  },
  {
    key: 'coordinatorOnboarding.surroundings',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'De omgeving van het gebouw voorstellen',
      fr: 'Présenter les environs du bâtiment',
      de: 'Die Umgebung des Gebäudes vorstellen',
      en: 'Introduce the area around the building',
    },
  },
  {
    key: 'coordinatorOnboarding.lunch',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'B5',
    group: 'practicalInfo',
    text: {
      nl: 'Uitleggen waar en hoe de stagiair kan lunchen',
      // Belgian French: "dîner" is the midday meal, so "repas de midi" avoids any ambiguity.
      fr: 'Expliquer où et comment le stagiaire peut prendre son repas de midi',
      de: 'Erklären, wo und wie der Praktikant zu Mittag essen kann',
      en: 'Explain where and how the intern can have lunch',
    },
  },
  {
    key: 'coordinatorOnboarding.safetyAndEmas',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'A4',
    group: 'practicalInfo',
    text: {
      nl: 'De veiligheidsinstructies en EMAS-richtlijnen overlopen',
      fr: 'Passer en revue les consignes de sécurité et les directives EMAS',
      de: 'Die Sicherheitsanweisungen und EMAS-Richtlinien durchgehen',
      en: 'Go through the safety instructions and EMAS guidelines',
    },
  },
  {
    key: 'coordinatorOnboarding.personsOfTrust',
    kind: 'coordinatorOnboarding',
    owner: 'coordinator',
    due: FIRST_DAY,
    source: 'A4',
    group: 'practicalInfo',
    text: {
      nl: 'Uitleggen welke rol de vertrouwenspersonen kunnen spelen',
      fr: 'Expliquer le rôle que peuvent jouer les personnes de confiance',
      de: 'Erklären, welche Rolle die Vertrauenspersonen spielen können',
      en: 'Explain the role the confidential counsellors can play',
    },
  },
];

/** Toolbox C3 "Bereid de komst van de stagiair voor". */
const MENTOR_PREPARATION: readonly ChecklistItemTemplate[] = [
  {
    key: 'mentorPreparation.projects',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME_LONG,
    source: 'C3',
    group: 'projects',
    text: {
      nl: 'De opdrachten als projecten uitschrijven',
      fr: 'Rédiger les missions sous forme de projets',
      de: 'Die Aufgaben als Projekte beschreiben',
      en: 'Write up the assignments as projects',
    },
    hint: {
      nl: 'Per project: beschrijving, context, contactpersonen, kwaliteitscriteria en deadlines. Een stagiair is geen jobstudent: hij komt om te leren.',
      fr: "Pour chaque projet : description, contexte, personnes de contact, critères de qualité et échéances. Un stagiaire n'est pas un étudiant jobiste : il vient pour apprendre.",
      de: 'Für jedes Projekt: Beschreibung, Kontext, Ansprechpartner, Qualitätskriterien und Fristen. Ein Praktikant ist kein Ferienjobber: Er kommt, um zu lernen.',
      en: 'For each project: description, context, contact persons, quality criteria and deadlines. An intern is not a student worker: they come to learn.',
    },
  },
  {
    key: 'mentorPreparation.backupFound',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME_LONG,
    source: 'C3',
    group: 'backup',
    text: {
      nl: 'Een collega zoeken die je als stagementor kan vervangen',
      fr: 'Trouver un collègue qui peut vous remplacer comme maître de stage',
      de: 'Einen Kollegen finden, der den Praktikumsbetreuer vertreten kann',
      en: 'Find a colleague who can stand in for you as mentor',
    },
  },
  {
    key: 'mentorPreparation.backupBriefed',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME,
    source: 'C3',
    group: 'backup',
    text: {
      nl: 'De back-up alle informatie geven om de stagiair op te volgen',
      fr: 'Donner au back-up toutes les informations pour suivre le stagiaire',
      de: 'Der Vertretung alle Informationen zur Begleitung des Praktikanten geben',
      en: 'Give the back-up everything needed to support the intern',
    },
  },
  {
    key: 'mentorPreparation.firstWeekAssignments',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME,
    source: 'C3',
    group: 'firstWeek',
    text: {
      nl: 'Een paar opdrachten voor de eerste week plannen',
      fr: 'Prévoir quelques missions pour la première semaine',
      de: 'Einige Aufgaben für die erste Woche planen',
      en: 'Plan a few assignments for the first week',
    },
  },
  {
    key: 'mentorPreparation.firstWeekBalance',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME,
    source: 'C3',
    group: 'firstWeek',
    text: {
      nl: 'Zorgen voor een evenwicht tussen autonomie en begeleiding',
      fr: "Veiller à l'équilibre entre autonomie et encadrement",
      de: 'Für ein Gleichgewicht zwischen Selbstständigkeit und Begleitung sorgen',
      en: 'Balance autonomy and guidance',
    },
    hint: {
      nl: 'Voorzie wat lectuur naast opdrachten die je stap voor stap uitlegt.',
      fr: 'Prévoir des lectures à côté des tâches que vous expliquez pas à pas.',
      de: 'Neben Aufgaben, die Schritt für Schritt erklärt werden, etwas Lektüre vorsehen.',
      en: 'Provide some reading alongside tasks you explain step by step.',
    },
  },
  {
    key: 'mentorPreparation.firstWeekFeedbackMoments',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME,
    source: 'C3',
    group: 'firstWeek',
    text: {
      nl: 'Enkele momenten inplannen om terug te koppelen en vragen te stellen',
      fr: 'Planifier quelques moments pour faire le point et poser des questions',
      de: 'Einige Termine für Rückmeldungen und Fragen einplanen',
      en: 'Schedule a few moments for feedback and questions',
    },
    hint: {
      nl: 'Overdonder de stagiair niet met een overvloed aan informatie.',
      fr: "Ne pas submerger le stagiaire d'informations.",
      de: 'Den Praktikanten nicht mit Informationen überhäufen.',
      en: "Don't overwhelm the intern with information.",
    },
  },
  {
    key: 'mentorPreparation.practicalMail',
    kind: 'mentorPreparation',
    owner: 'mentor',
    due: LEAD_TIME,
    source: 'C3',
    group: 'practicalMail',
    text: {
      nl: 'De stagiair alle praktische info voor de eerste dag mailen',
      fr: 'Envoyer au stagiaire par e-mail toutes les infos pratiques pour le premier jour',
      de: 'Dem Praktikanten alle praktischen Informationen für den ersten Tag mailen',
      en: 'Email the intern all practical information for day one',
    },
    hint: {
      nl: 'Wanneer, waar en hoe laat, een wegbeschrijving, je contactgegevens of die van je vervanger, de dresscode en eventuele veiligheidsvoorschriften.',
      fr: 'Quand, où et à quelle heure, un itinéraire, vos coordonnées ou celles de votre remplaçant, le code vestimentaire et les éventuelles règles de sécurité.',
      de: 'Wann, wo und um wie viel Uhr, eine Wegbeschreibung, die Kontaktdaten des Praktikumsbetreuers oder seiner Vertretung, die Kleiderordnung und etwaige Sicherheitsvorschriften.',
      en: 'When, where and at what time, directions, your contact details or those of your stand-in, the dress code and any safety rules.',
    },
  },
];

/** Toolbox C4 "Zorg voor een goed onthaal", the mentor's half of the welcome (plus the network of C5). */
const MENTOR_ONBOARDING: readonly ChecklistItemTemplate[] = [
  {
    key: 'mentorOnboarding.welcomeTogether',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'welcome',
    text: {
      nl: 'De stagiair samen met de stagecoördinator ontvangen',
      fr: 'Accueillir le stagiaire avec le coordinateur des stages',
      de: 'Den Praktikanten gemeinsam mit dem Praktikumskoordinator empfangen',
      en: 'Welcome the intern together with the coordinator',
    },
  },
  {
    key: 'mentorOnboarding.contractChecked',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'welcome',
    text: {
      nl: 'Samen het contract met alle bijlagen nakijken',
      fr: 'Vérifier ensemble le contrat et toutes ses annexes',
      de: 'Gemeinsam den Vertrag mit allen Anlagen prüfen',
      en: 'Check the contract and all its annexes together',
    },
  },
  {
    key: 'mentorOnboarding.mutualExpectations',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'welcome',
    text: {
      nl: 'De wederzijdse verwachtingen duidelijk overlopen',
      fr: 'Clarifier les attentes mutuelles',
      de: 'Die gegenseitigen Erwartungen klar besprechen',
      en: 'Go over the mutual expectations clearly',
    },
  },
  {
    key: 'mentorOnboarding.framing',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'welcome',
    text: {
      nl: 'De stage kaderen in het team, de dienst en de federale overheid',
      fr: "Situer le stage dans l'équipe, le service et l'administration fédérale",
      de: 'Das Praktikum im Team, im Dienst und in der föderalen Verwaltung verorten',
      en: 'Place the internship within the team, the service and the federal government',
    },
  },
  {
    key: 'mentorOnboarding.customers',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: 'Afspreken hoe de stagiair met klanten omgaat',
      fr: 'Convenir de la manière dont le stagiaire traite avec les clients',
      de: 'Vereinbaren, wie der Praktikant mit Kunden umgeht',
      en: 'Agree how the intern deals with customers',
    },
  },
  {
    key: 'mentorOnboarding.colleagueHabits',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: "De gewoonten onder collega's toelichten",
      fr: 'Expliquer les habitudes entre collègues',
      de: 'Die Gepflogenheiten unter Kollegen erläutern',
      en: 'Explain the habits among colleagues',
    },
  },
  {
    key: 'mentorOnboarding.outOfTasks',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: 'Afspreken aan wie de stagiair meldt dat hij geen taken meer heeft',
      fr: "Convenir à qui le stagiaire signale qu'il n'a plus de tâches",
      de: 'Vereinbaren, wem der Praktikant meldet, dass er keine Aufgaben mehr hat',
      en: 'Agree whom the intern tells when they run out of tasks',
    },
  },
  {
    key: 'mentorOnboarding.illness',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: 'Afspreken wat te doen bij ziekte',
      fr: 'Convenir de la marche à suivre en cas de maladie',
      de: 'Vereinbaren, was im Krankheitsfall zu tun ist',
      en: 'Agree what to do in case of illness',
    },
  },
  {
    key: 'mentorOnboarding.fixedMoments',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_WEEK,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: 'Vaste momenten vastleggen om opdrachten, taken en opleidingen te bespreken',
      fr: 'Fixer des moments réguliers pour discuter des missions, des tâches et des formations',
      de: 'Feste Termine zur Besprechung von Aufträgen, Aufgaben und Schulungen festlegen',
      en: 'Set fixed moments to discuss assignments, tasks and training',
    },
  },
  {
    key: 'mentorOnboarding.schoolObligations',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_WEEK,
    source: 'C4',
    group: 'agreements',
    text: {
      nl: 'De verplichtingen tegenover de onderwijsinstelling overlopen',
      fr: "Passer en revue les obligations envers l'établissement d'enseignement",
      de: 'Die Verpflichtungen gegenüber der Unterrichtseinrichtung durchgehen',
      en: "Go over the school's requirements",
    },
    hint: {
      nl: 'Moet de stagiair lessen bijwonen tijdens de stage? Moet hij een tussentijdse presentatie geven aan zijn medestudenten?',
      fr: 'Le stagiaire doit-il assister à des cours pendant le stage ? Doit-il faire une présentation intermédiaire à ses condisciples ?',
      de: 'Muss der Praktikant während des Praktikums Unterricht besuchen? Muss er seinen Mitstudierenden eine Zwischenpräsentation halten?',
      en: 'Must the intern attend classes during the internship? Give an interim presentation to fellow students?',
    },
  },
  {
    key: 'mentorOnboarding.network',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_WEEK,
    source: 'C5',
    group: 'agreements',
    text: {
      nl: 'Zorgen dat de stagiair weet bij wie hij terecht kan als het lastig wordt',
      fr: 'Veiller à ce que le stagiaire sache vers qui se tourner en cas de difficulté',
      de: 'Sicherstellen, dass der Praktikant weiß, an wen er sich bei Schwierigkeiten wenden kann',
      en: 'Make sure the intern knows whom to turn to when things get difficult',
    },
    hint: {
      nl: 'Een stagiair heeft nog geen netwerk in de organisatie om op terug te vallen.',
      fr: "Un stagiaire n'a pas encore de réseau dans l'organisation sur lequel s'appuyer.",
      de: 'Ein Praktikant hat in der Organisation noch kein Netzwerk, auf das er zurückgreifen kann.',
      en: 'An intern has no network in the organisation to fall back on yet.',
    },
  },
  {
    key: 'mentorOnboarding.deskAndMaterial',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'introduction',
    text: {
      nl: 'De stagiair zijn bureau en materiaal tonen',
      fr: 'Montrer au stagiaire son bureau et son matériel',
      de: 'Dem Praktikanten seinen Arbeitsplatz und seine Arbeitsmittel zeigen',
      en: 'Show the intern their desk and equipment',
    },
  },
  {
    key: 'mentorOnboarding.buildingTour',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'introduction',
    text: {
      nl: 'Een rondleiding in het gebouw geven',
      fr: 'Faire visiter le bâtiment',
      de: 'Eine Führung durch das Gebäude machen',
      en: 'Give a tour of the building',
    },
  },
  {
    key: 'mentorOnboarding.introduceColleagues',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'introduction',
    text: {
      nl: "De stagiair aan de collega's voorstellen",
      fr: 'Présenter le stagiaire aux collègues',
      de: 'Den Praktikanten den Kollegen vorstellen',
      en: 'Introduce the intern to colleagues',
    },
  },
  {
    key: 'mentorOnboarding.visitManager',
    kind: 'mentorOnboarding',
    owner: 'mentor',
    due: FIRST_DAY,
    source: 'C4',
    group: 'introduction',
    text: {
      nl: 'Samen even langsgaan bij de manager',
      fr: 'Passer ensemble chez le responsable hiérarchique',
      de: 'Gemeinsam kurz beim Vorgesetzten vorbeigehen',
      en: 'Drop by the manager together',
    },
  },
];

/**
 * Toolbox C6 "Evalueer de stage en de stagiair" and B8 "Communiceer over het resultaat van de stage".
 * The final work items are optional because not every internship (an observation internship, say) produces one;
 * the presentation is then how the results are shared.
 */
const CLOSING_ITEMS: readonly ChecklistItemTemplate[] = [
  {
    key: 'closing.confidentiality',
    kind: 'closing',
    owner: 'mentor',
    due: BEFORE_END,
    source: 'C6',
    group: 'evaluation',
    text: {
      nl: 'Afspreken wat in het stageverslag of de thesis geheim blijft',
      fr: 'Convenir de ce qui reste confidentiel dans le rapport de stage ou le mémoire',
      de: 'Vereinbaren, was im Praktikumsbericht oder in der Abschlussarbeit vertraulich bleibt',
      en: 'Agree what stays confidential in the internship report or thesis',
    },
    hint: {
      nl: 'Welke informatie van de organisatie is geheim en mag niet gepubliceerd worden? Opgelet: een onderzoeker is geen adviseur. De stagiair staat in voor de wetenschappelijke kwaliteit en de conclusies; de opvolging van de resultaten doet de organisatie zelf.',
      fr: "Quelles informations de l'organisation sont confidentielles et ne peuvent pas être publiées ? Attention : un chercheur n'est pas un conseiller. Le stagiaire répond de la qualité scientifique et des conclusions ; le suivi des résultats incombe à l'organisation.",
      de: 'Welche Informationen der Organisation sind vertraulich und dürfen nicht veröffentlicht werden? Achtung: Ein Forscher ist kein Berater. Der Praktikant ist für die wissenschaftliche Qualität und die Schlussfolgerungen verantwortlich; die Umsetzung der Ergebnisse ist Sache der Organisation.',
      en: "Which of the organisation's information is confidential and may not be published? Note: a researcher is not an adviser. The intern answers for the scientific quality and the conclusions; following up the results is the organisation's job.",
    },
  },
  {
    key: 'closing.schoolEvaluation',
    kind: 'closing',
    owner: 'mentor',
    due: AFTER_END,
    source: 'C6',
    group: 'evaluation',
    text: {
      nl: 'De evaluatiedocumenten van de school invullen en opladen',
      fr: "Compléter et déposer les documents d'évaluation de l'école",
      de: 'Die Bewertungsunterlagen der Schule ausfüllen und hochladen',
      en: "Fill in and upload the school's evaluation documents",
    },
  },
  {
    key: 'closing.resultsProcessed',
    kind: 'closing',
    owner: 'mentor',
    due: CLOSING,
    source: 'C6',
    group: 'evaluation',
    text: {
      nl: 'De resultaten verwerken en in team bespreken hoe je ze inzet',
      fr: 'Exploiter les résultats et discuter en équipe de leur utilisation',
      de: 'Die Ergebnisse auswerten und im Team besprechen, wie sie genutzt werden',
      en: 'Process the results and discuss with the team how to use them',
    },
  },
  {
    key: 'closing.recommendation',
    kind: 'closing',
    owner: 'mentor',
    due: CLOSING,
    source: 'C6',
    group: 'evaluation',
    optional: true,
    text: {
      nl: 'Een aanbeveling of referentie geven (bijvoorbeeld op LinkedIn)',
      fr: 'Donner une recommandation ou une référence (par exemple sur LinkedIn)',
      de: 'Eine Empfehlung oder Referenz geben (zum Beispiel auf LinkedIn)',
      en: 'Give a recommendation or reference (for example on LinkedIn)',
    },
    hint: {
      nl: 'Zo blijf je in contact en kan de stagiair jou als eerste professionele referentie opgeven.',
      fr: 'Vous restez ainsi en contact et le stagiaire peut vous citer comme première référence professionnelle.',
      de: 'So bleiben Sie in Kontakt, und der Praktikant kann Sie als erste berufliche Referenz angeben.',
      en: 'You stay in touch, and the intern can name you as their first professional reference.',
    },
  },
  {
    key: 'closing.presentation',
    kind: 'closing',
    owner: 'intern',
    due: LAST_DAY,
    source: 'B8',
    group: 'results',
    text: {
      nl: 'Een presentatie over de stage geven',
      fr: 'Faire une présentation sur le stage',
      de: 'Eine Präsentation über das Praktikum halten',
      en: 'Give a presentation about the internship',
    },
  },
  {
    key: 'closing.finalWorkUploaded',
    kind: 'closing',
    owner: 'intern',
    due: LAST_DAY,
    source: 'B8',
    group: 'results',
    optional: true,
    text: {
      nl: 'Het eindwerk in de digitale map opladen',
      fr: "Déposer le travail de fin d'études dans le dossier numérique",
      de: 'Die Abschlussarbeit in den digitalen Ordner hochladen',
      en: 'Upload the final work to the digital folder',
    },
  },
  {
    key: 'closing.finalWorkPublished',
    kind: 'closing',
    owner: 'coordinator',
    due: CLOSING,
    source: 'B8',
    group: 'results',
    optional: true,
    text: {
      nl: 'Het eindwerk publiceren op het intranet',
      fr: "Publier le travail de fin d'études sur l'intranet",
      de: 'Die Abschlussarbeit im Intranet veröffentlichen',
      en: 'Publish the final work on the intranet',
    },
    hint: {
      nl: 'Alleen wat volgens de afspraken over vertrouwelijkheid gepubliceerd mag worden.',
      fr: 'Uniquement ce qui peut être publié selon les accords de confidentialité.',
      de: 'Nur was gemäß den Vertraulichkeitsvereinbarungen veröffentlicht werden darf.',
      en: 'Only what may be published under the confidentiality agreement.',
    },
  },
  {
    key: 'closing.workshop',
    kind: 'closing',
    owner: 'coordinator',
    due: CLOSING,
    source: 'B8',
    group: 'results',
    optional: true,
    text: {
      nl: 'Stagiairs samen een workshop laten geven over hun stage of expertise',
      fr: "Proposer aux stagiaires d'animer ensemble un atelier sur leur stage ou leur expertise",
      de: 'Praktikanten gemeinsam einen Workshop über ihr Praktikum oder Fachgebiet leiten lassen',
      en: 'Invite interns to run a joint workshop on their internship or expertise',
    },
  },
];

export const CHECKLIST_TEMPLATES: readonly ChecklistItemTemplate[] = [
  ...LOGISTICS,
  ...COORDINATOR_ONBOARDING,
  ...MENTOR_PREPARATION,
  ...MENTOR_ONBOARDING,
  ...CLOSING_ITEMS,
];

/** Kinds whose (non-optional) items must all be done before the internship may start (toolbox B4). */
export const REQUIRED_FOR_START: readonly ChecklistKind[] = ['logistics'];

export const templatesFor = (kind: ChecklistKind): readonly ChecklistItemTemplate[] =>
  CHECKLIST_TEMPLATES.filter((item) => item.kind === kind);

export const checklistTemplate = (key: string): ChecklistItemTemplate | undefined =>
  CHECKLIST_TEMPLATES.find((item) => item.key === key);

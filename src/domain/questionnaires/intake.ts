/**
 * The intake interview's question set (toolbox B3 "Selecteer stagiairs met een interview", C2 "Selecteer een
 * stagiair", tool "Question Set"), enriched with the topics of seed 003 ("Een goede sollicitatieprocedure is het
 * halve werk").
 *
 * Deliberately left out of seed 003's list: "persoonlijke achtergrond (thuissituatie)" and "leer- en
 * gedragsproblemen". They are sensitive personal data the app has no need to store (BRIEF: personal data is
 * minimised); interviewers may still talk about them, the app just does not record them.
 */
import type { LocalizedText } from '../i18n';
import type { Questionnaire } from '../questionnaires';
import { STUDY_LEVEL_CHOICES, type Choice } from './common';

/** B3: "Laat tijdens het interview nog niet weten of je de student aanneemt." */
const DECISION_LATER: LocalizedText = {
  nl: 'Deel de beslissing niet mee tijdens het gesprek. Neem de tijd om het gesprek te evalueren en laat de beslissing later per mail of telefoon weten.',
  fr: "Ne communiquez pas la décision pendant l'entretien. Prenez le temps d'évaluer l'entretien et faites part de la décision plus tard, par e-mail ou par téléphone.",
  de: 'Die Entscheidung nicht während des Gesprächs mitteilen. Sich Zeit nehmen, das Gespräch auszuwerten, und die Entscheidung später per E-Mail oder Telefon mitteilen.',
  en: 'Do not announce the decision during the interview. Take time to evaluate it, then communicate the decision later by email or phone.',
};

/** Advice of mentor and coordinator (seed 002: "voorbereiding: registratie, onderzoek en advies"). */
const ADVICE_CHOICES: readonly Choice[] = [
  {
    key: 'favourable',
    text: {
      nl: 'Gunstig advies',
      fr: 'Avis favorable',
      de: 'Positive Stellungnahme',
      en: 'Favourable advice',
    },
  },
  {
    key: 'unfavourable',
    text: {
      nl: 'Ongunstig advies',
      fr: 'Avis défavorable',
      de: 'Negative Stellungnahme',
      en: 'Unfavourable advice',
    },
  },
  {
    key: 'trialDayFirst',
    text: {
      nl: 'Twijfel: eerst een snuffelstage',
      fr: "Doute : d'abord une journée d'immersion",
      de: 'Zweifel: zuerst ein Schnuppertag',
      en: 'In doubt: trial day first',
    },
  },
];

export const INTAKE: Questionnaire = {
  key: 'intake',
  source: 'B3',
  respondent: 'coordinator',
  title: {
    nl: 'Vragenlijst voor het intakegesprek',
    fr: "Questionnaire pour l'entretien de sélection",
    de: 'Fragenkatalog für das Aufnahmegespräch',
    en: 'Intake interview question set',
  },
  intro: {
    nl: 'Gebruik deze vragen als inspiratie. Dit is geen sollicitatiegesprek: ga vooral na of er een goede match is tussen de stagiair, de stageopdracht en de stagementor.',
    fr: "Utilisez ces questions comme source d'inspiration. Ce n'est pas un entretien d'embauche : vérifiez surtout que le stagiaire, la mission et le maître de stage se correspondent bien.",
    de: 'Diese Fragen dienen als Anregung. Dies ist kein Bewerbungsgespräch: Vor allem prüfen, ob Praktikant, Praktikumsauftrag und Praktikumsbetreuer gut zusammenpassen.',
    en: 'Use these questions for inspiration. This is not a job interview: above all, check that the intern, the assignment and the mentor are a good match.',
  },
  questions: [
    {
      key: 'intake.motivation',
      kind: 'longText',
      required: true,
      source: 'B3',
      text: {
        nl: 'Wat motiveert de student voor deze stage?',
        fr: "Qu'est-ce qui motive l'étudiant pour ce stage ?",
        de: 'Was motiviert den Studierenden für dieses Praktikum?',
        en: 'What motivates the student for this internship?',
      },
    },
    {
      key: 'intake.whyOrganisation',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Waarom koos de student voor onze organisatie?',
        fr: "Pourquoi l'étudiant a-t-il choisi notre organisation ?",
        de: 'Warum hat sich der Studierende für unsere Organisation entschieden?',
        en: 'Why did the student choose our organisation?',
      },
    },
    {
      key: 'intake.topic',
      kind: 'longText',
      required: true,
      source: 'B3',
      text: {
        nl: 'Het stageonderwerp, in detail besproken',
        fr: 'Le sujet du stage, discuté en détail',
        de: 'Das Praktikumsthema, im Detail besprochen',
        en: 'The internship topic, discussed in detail',
      },
    },
    {
      key: 'intake.priorEducation',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Vooropleiding en keuze van de studierichting',
        fr: 'Parcours scolaire et choix des études',
        de: 'Vorbildung und Wahl der Studienrichtung',
        en: 'Previous education and choice of studies',
      },
    },
    {
      key: 'intake.level',
      kind: 'choice',
      required: true,
      source: 'seed003',
      choices: STUDY_LEVEL_CHOICES,
      text: {
        nl: 'Onderwijsniveau',
        fr: "Niveau d'études",
        de: 'Bildungsniveau',
        en: 'Level of education',
      },
    },
    {
      key: 'intake.studyYear',
      kind: 'number',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Studiejaar',
        fr: "Année d'études",
        de: 'Studienjahr',
        en: 'Year of study',
      },
    },
    {
      key: 'intake.earlierInternships',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Eerdere stage-ervaringen',
        fr: 'Expériences de stage antérieures',
        de: 'Bisherige Praktikumserfahrungen',
        en: 'Previous internship experience',
      },
    },
    {
      key: 'intake.schoolAssignments',
      kind: 'longText',
      required: true,
      source: 'seed003',
      text: {
        nl: 'Opdrachten en leerdoelen van de school',
        fr: "Missions et objectifs d'apprentissage fixés par l'école",
        de: 'Aufgaben und Lernziele der Schule',
        en: 'Assignments and learning goals set by the school',
      },
    },
    {
      key: 'intake.learningWishes',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Wat wil de student tijdens de stage leren?',
        fr: "Qu'est-ce que l'étudiant veut apprendre pendant le stage ?",
        de: 'Was möchte der Studierende im Praktikum lernen?',
        en: 'What does the student want to learn during the internship?',
      },
    },
    {
      key: 'intake.strengthsWeaknesses',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Sterke en zwakke punten',
        fr: 'Points forts et points faibles',
        de: 'Stärken und Schwächen',
        en: 'Strengths and weaknesses',
      },
    },
    {
      key: 'intake.proposedStart',
      kind: 'date',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Gewenste begindatum van de stage',
        fr: 'Date de début souhaitée du stage',
        de: 'Gewünschter Beginn des Praktikums',
        en: 'Preferred start date',
      },
    },
    {
      key: 'intake.proposedEnd',
      kind: 'date',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Gewenste einddatum van de stage',
        fr: 'Date de fin souhaitée du stage',
        de: 'Gewünschtes Ende des Praktikums',
        en: 'Preferred end date',
      },
      help: {
        nl: 'De duur die de school voor de stage vraagt.',
        fr: "La durée de stage demandée par l'école.",
        de: 'Die von der Schule vorgesehene Dauer des Praktikums.',
        en: 'The internship length the school requires.',
      },
    },
    {
      key: 'intake.travelTime',
      kind: 'text',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Reistijd naar de stageplaats',
        fr: "Temps de trajet jusqu'au lieu de stage",
        de: 'Fahrzeit zum Praktikumsort',
        en: 'Travel time to the workplace',
      },
    },
    {
      key: 'intake.teamPresented',
      kind: 'yesNo',
      required: false,
      source: 'C2',
      text: {
        nl: 'Dienst of team en de taken van de stagiair voorgesteld',
        fr: 'Service ou équipe et tâches du stagiaire présentés',
        de: 'Dienst oder Team und Aufgaben des Praktikanten vorgestellt',
        en: "Service or team and the intern's tasks presented",
      },
      help: {
        nl: 'De kandidaat sprak waarschijnlijk ook andere organisaties aan: benadruk de sterke punten van je stageaanbod.',
        fr: "Le candidat a sans doute contacté d'autres organisations : mettez en avant les points forts de votre offre de stage.",
        de: 'Der Kandidat hat sich wahrscheinlich auch bei anderen Organisationen gemeldet: die Stärken des eigenen Praktikumsangebots hervorheben.',
        en: 'The candidate has probably approached other organisations too: stress the strong points of your internship offer.',
      },
    },
    {
      key: 'intake.relevantTest',
      kind: 'longText',
      required: false,
      source: 'C2',
      text: {
        nl: 'Korte test die relevant is voor het team: opdracht en resultaat',
        fr: "Court test en lien avec les tâches de l'équipe : consigne et résultat",
        de: 'Kurzer Test mit Bezug zu den Aufgaben des Teams: Aufgabe und Ergebnis',
        en: "Short test relevant to the team's work: task and result",
      },
      help: {
        nl: 'Bijvoorbeeld voor een communicatieteam: een persbericht laten nalezen op spelling, structuur en schrijfstijl.',
        fr: 'Par exemple pour une équipe communication : faire relire un communiqué de presse (orthographe, structure et style).',
        de: 'Zum Beispiel für ein Kommunikationsteam: eine Pressemitteilung auf Rechtschreibung, Aufbau und Stil prüfen lassen.',
        en: 'For example, for a communications team: have the candidate proofread a press release for spelling, structure and style.',
      },
    },
    {
      key: 'intake.organisationPresented',
      kind: 'yesNo',
      required: true,
      source: 'B3',
      text: {
        nl: 'Informatie gegeven over de organisatie',
        fr: "Informations données sur l'organisation",
        de: 'Informationen über die Organisation gegeben',
        en: 'Information given about the organisation',
      },
    },
    {
      key: 'intake.goalExplained',
      kind: 'yesNo',
      required: true,
      source: 'B3',
      text: {
        nl: 'Doel van de stage toegelicht',
        fr: 'Objectif du stage expliqué',
        de: 'Ziel des Praktikums erläutert',
        en: 'Purpose of the internship explained',
      },
    },
    {
      key: 'intake.regulationExplained',
      kind: 'yesNo',
      required: true,
      source: 'B3',
      text: {
        nl: 'Stagereglement toegelicht',
        fr: 'Règlement de stage expliqué',
        de: 'Praktikumsordnung erläutert',
        en: 'Internship regulations explained',
      },
    },
    {
      key: 'intake.expectationsDiscussed',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Verwachtingen van student en organisatie op elkaar afgestemd',
        fr: "Attentes de l'étudiant et de l'organisation accordées",
        de: 'Erwartungen von Studierendem und Organisation abgestimmt',
        en: 'Expectations of student and organisation aligned',
      },
    },
    {
      key: 'intake.workingHoursExplained',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Werkuren toegelicht',
        fr: 'Horaires de travail expliqués',
        de: 'Arbeitszeiten erläutert',
        en: 'Working hours explained',
      },
    },
    {
      key: 'intake.daysOffExplained',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Vakanties en vrije dagen toegelicht',
        fr: 'Vacances et jours de congé expliqués',
        de: 'Ferien und freie Tage erläutert',
        en: 'Holidays and days off explained',
      },
    },
    {
      key: 'intake.houseRulesExplained',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Huisregels toegelicht',
        fr: 'Règles internes expliquées',
        de: 'Hausordnung erläutert',
        en: 'House rules explained',
      },
    },
    {
      key: 'intake.selorExplained',
      kind: 'yesNo',
      required: true,
      source: 'B3',
      text: {
        nl: 'Uitgelegd dat selecties bij de federale overheid altijd via Selor verlopen',
        fr: 'Expliqué que les sélections dans la fonction publique fédérale passent toujours par Selor',
        de: 'Erklärt, dass Auswahlverfahren im föderalen öffentlichen Dienst immer über Selor laufen',
        en: 'Explained that federal government selections always go through Selor',
      },
      help: {
        nl: 'Veel studenten hopen dat een stage tot een jobaanbieding leidt.',
        fr: "Beaucoup d'étudiants espèrent qu'un stage débouchera sur une offre d'emploi.",
        de: 'Viele Studierende hoffen, dass ein Praktikum zu einem Stellenangebot führt.',
        en: 'Many students hope an internship will lead to a job offer.',
      },
    },
    {
      key: 'intake.match',
      kind: 'scale5',
      required: true,
      source: 'B3',
      text: {
        nl: 'In hoeverre passen stagiair, stageopdracht en stagementor bij elkaar?',
        fr: 'Dans quelle mesure le stagiaire, la mission et le maître de stage se correspondent-ils ?',
        de: 'Inwieweit passen Praktikant, Praktikumsauftrag und Praktikumsbetreuer zusammen?',
        en: 'To what extent do the intern, the assignment and the mentor match?',
      },
      help: {
        nl: 'Een student heeft vaak weinig professionele ervaring, vaktechnisch en sociaal. Leg de lat niet te hoog.',
        fr: "Un étudiant a souvent peu d'expérience professionnelle, technique comme relationnelle. Ne placez pas la barre trop haut.",
        de: 'Studierende haben oft wenig Berufserfahrung, fachlich wie sozial. Die Messlatte nicht zu hoch legen.',
        en: 'A student often has little professional experience, technical or social. Do not set the bar too high.',
      },
    },
    {
      key: 'intake.mentorAdvice',
      kind: 'choice',
      required: true,
      source: 'seed002',
      choices: ADVICE_CHOICES,
      text: {
        nl: 'Advies van de stagementor',
        fr: 'Avis du maître de stage',
        de: 'Stellungnahme des Praktikumsbetreuers',
        en: "Mentor's advice",
      },
      help: DECISION_LATER,
    },
    {
      key: 'intake.coordinatorAdvice',
      kind: 'choice',
      required: true,
      source: 'seed002',
      choices: ADVICE_CHOICES,
      text: {
        nl: 'Advies van de stagecoördinator',
        fr: 'Avis du coordinateur des stages',
        de: 'Stellungnahme des Praktikumskoordinators',
        en: "Coordinator's advice",
      },
      help: DECISION_LATER,
    },
    {
      key: 'intake.notes',
      kind: 'longText',
      required: false,
      source: 'B3',
      text: {
        nl: 'Overige opmerkingen',
        fr: 'Autres remarques',
        de: 'Weitere Bemerkungen',
        en: 'Other remarks',
      },
      help: DECISION_LATER,
    },
  ],
};

/**
 * The "10 gouden regels om feedback te geven" (toolbox C5 tool).
 *
 * The tool's own text is NOT in the seed: seed 001 only names it, and it was not found in the reference corpora
 * searched (queries in Dutch and French). These ten rules are therefore written from what C5 itself says (give
 * relevant tasks, take enough time, explain the "evident" things, give feedback and be open to the intern's
 * remarks) and from common feedback practice. Replace them with the tool's wording when it becomes available;
 * the keys stay.
 *
 * Modelled as a self-check for the mentor (the "first-time mentor support" moment of the BRIEF): each rule is a
 * yes/no "did I apply this?", so the same definition renders as a card.
 */
import type { Questionnaire } from '../questionnaires';

export const GOLDEN_RULES: Questionnaire = {
  key: 'goldenRules',
  source: 'C5',
  respondent: 'mentor',
  title: {
    nl: '10 gouden regels om feedback te geven',
    fr: "10 règles d'or pour donner du feedback",
    de: '10 goldene Regeln für gutes Feedback',
    en: '10 golden rules for giving feedback',
  },
  intro: {
    nl: 'Overloop de regels voor een feedbackgesprek en duid aan welke je al toepast.',
    fr: 'Parcourez les règles avant un moment de feedback et cochez celles que vous appliquez déjà.',
    de: 'Die Regeln vor einem Feedbackgespräch durchgehen und ankreuzen, welche bereits angewendet werden.',
    en: 'Go through the rules before a feedback conversation and tick the ones you already apply.',
  },
  questions: [
    {
      key: 'goldenRules.relevantTasks',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Geef enkel taken die bij de stageopdracht of het eindwerk horen',
        fr: "Ne confier que des tâches liées à la mission de stage ou au travail de fin d'études",
        de: 'Nur Aufgaben geben, die zum Praktikumsauftrag oder zur Abschlussarbeit gehören',
        en: 'Only give tasks linked to the internship assignment or the final work',
      },
      help: {
        nl: 'Feedback op relevante taken is feedback waar de stagiair iets aan heeft.',
        fr: 'Un feedback sur des tâches pertinentes est un feedback utile au stagiaire.',
        de: 'Feedback zu relevanten Aufgaben ist Feedback, das dem Praktikanten etwas bringt.',
        en: 'Feedback on relevant tasks is feedback the intern can use.',
      },
    },
    {
      key: 'goldenRules.enoughTime',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Neem voldoende tijd: voor uitleg, tijdens de taak en achteraf',
        fr: 'Prendre suffisamment de temps : pour expliquer, pendant la tâche et après',
        de: 'Sich genug Zeit nehmen: zum Erklären, während der Aufgabe und danach',
        en: 'Take enough time: to explain, during the task and afterwards',
      },
      help: {
        nl: 'Een stagiair werkt niet even snel als een ervaren teamlid.',
        fr: "Un stagiaire ne travaille pas aussi vite qu'un membre expérimenté de l'équipe.",
        de: 'Ein Praktikant arbeitet nicht so schnell wie ein erfahrenes Teammitglied.',
        en: 'An intern does not work as fast as an experienced team member.',
      },
    },
    {
      key: 'goldenRules.explainTheEvident',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: "Leg ook de 'evidenties' uit: vaktermen, werkwijzen, templates",
        fr: 'Expliquer aussi les « évidences » : jargon, méthodes de travail, modèles',
        de: 'Auch das „Selbstverständliche“ erklären: Fachbegriffe, Arbeitsweisen, Vorlagen',
        en: 'Explain the "obvious" too: jargon, ways of working, templates',
      },
      help: {
        nl: 'Wat voor het team evident is, is dat niet meteen voor een stagiair.',
        fr: "Ce qui est évident pour l'équipe ne l'est pas d'emblée pour un stagiaire.",
        de: 'Was für das Team selbstverständlich ist, ist es für einen Praktikanten nicht sofort.',
        en: 'What is obvious to the team is not obvious to an intern at first.',
      },
    },
    {
      key: 'goldenRules.clearExpectations',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Maak vooraf duidelijk wat een goed resultaat is',
        fr: "Préciser à l'avance ce qu'est un bon résultat",
        de: 'Vorab klarmachen, was ein gutes Ergebnis ist',
        en: 'Make clear beforehand what a good result looks like',
      },
      help: {
        nl: 'Feedback vergelijkt het resultaat met de afgesproken kwaliteitscriteria en deadlines.',
        fr: 'Le feedback compare le résultat aux critères de qualité et aux échéances convenus.',
        de: 'Feedback vergleicht das Ergebnis mit den vereinbarten Qualitätskriterien und Fristen.',
        en: 'Feedback compares the result with the agreed quality criteria and deadlines.',
      },
    },
    {
      key: 'goldenRules.timely',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Geef feedback kort na de taak, niet pas bij de evaluatie',
        fr: "Donner du feedback peu après la tâche, pas seulement lors de l'évaluation",
        de: 'Feedback kurz nach der Aufgabe geben, nicht erst bei der Bewertung',
        en: 'Give feedback soon after the task, not only at the evaluation',
      },
    },
    {
      key: 'goldenRules.rightPlace',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Kies een rustig moment en een rustige plek, onder vier ogen',
        fr: 'Choisir un moment et un endroit calmes, en tête-à-tête',
        de: 'Einen ruhigen Moment und Ort wählen, unter vier Augen',
        en: 'Choose a quiet moment and place, one to one',
      },
    },
    {
      key: 'goldenRules.concrete',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Beschrijf concreet gedrag en resultaat, niet de persoon',
        fr: 'Décrire un comportement et un résultat concrets, pas la personne',
        de: 'Konkretes Verhalten und Ergebnis beschreiben, nicht die Person',
        en: 'Describe concrete behaviour and results, not the person',
      },
    },
    {
      key: 'goldenRules.strengthsFirst',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Benoem wat goed ging, en daarna wat beter kan en waarom',
        fr: 'Dire ce qui a bien marché, puis ce qui peut être amélioré et pourquoi',
        de: 'Sagen, was gut lief, und danach, was besser werden kann und warum',
        en: 'Say what went well, then what can improve and why',
      },
    },
    {
      key: 'goldenRules.openToRemarks',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Luister naar de opmerkingen en vragen van de stagiair',
        fr: 'Écouter les remarques et les questions du stagiaire',
        de: 'Auf die Bemerkungen und Fragen des Praktikanten hören',
        en: "Listen to the intern's remarks and questions",
      },
      help: {
        nl: 'Zo sta je ook zelf stil bij je eigen functioneren en dat van je team.',
        fr: 'Vous réfléchissez ainsi à votre propre fonctionnement et à celui de votre équipe.',
        de: 'So denken Sie auch über Ihre eigene Arbeitsweise und die Ihres Teams nach.',
        en: 'It also makes you reflect on how you and your team work.',
      },
    },
    {
      key: 'goldenRules.followUpAgreements',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Maak samen afspraken en kom er later op terug',
        fr: 'Convenir ensemble de la suite et y revenir plus tard',
        de: 'Gemeinsam Vereinbarungen treffen und später darauf zurückkommen',
        en: 'Agree next steps together and come back to them later',
      },
      help: {
        nl: 'Erken de vooruitgang. Loopt de samenwerking na verschillende feedbackmomenten nog niet vlot, overleg dan met de stagecoördinator.',
        fr: 'Reconnaître les progrès. Si, après plusieurs moments de feedback, la collaboration ne se passe toujours pas bien, en parler au coordinateur des stages.',
        de: 'Fortschritte anerkennen. Läuft die Zusammenarbeit nach mehreren Feedbackgesprächen noch immer nicht gut, mit dem Praktikumskoordinator sprechen.',
        en: 'Acknowledge progress. If, after several feedback moments, the collaboration still does not work, talk to the coordinator.',
      },
    },
  ],
};

/**
 * The questionnaires behind the moments during the internship (BRIEF "Moments and cards"): the intern's week-1
 * well-being pulse, the mentor's fortnightly follow-up, and the mid-term and final evaluations.
 *
 * Sources: attention and well-being as a structural part of guidance (seed 004); follow-up, feedback, absences
 * and "when it does not go well" (toolbox B6, C5); the internship plan with milestones, SMART criteria and agreed
 * evaluation moments (seed 003); the final evaluation's preparation and agreements (C6).
 */
import type { LocalizedText } from '../i18n';
import type { Question, Questionnaire } from '../questionnaires';

const RED_ALERTS_COORDINATOR: LocalizedText = {
  nl: 'Rood verwittigt meteen de stagecoördinator.',
  fr: 'Le rouge avertit immédiatement le coordinateur des stages.',
  de: 'Bei Rot wird der Praktikumskoordinator sofort benachrichtigt.',
  en: 'Red alerts the internship coordinator at once.',
};

const OTHER_REMARKS: LocalizedText = {
  nl: 'Overige opmerkingen',
  fr: 'Autres remarques',
  de: 'Weitere Bemerkungen',
  en: 'Other remarks',
};

/** Seed 003: assessment criteria are SMART and progress is checked per milestone of the internship plan. */
const milestoneQuestions = (prefix: 'midTermEvaluation' | 'finalEvaluation'): Question[] => [
  {
    key: `${prefix}.milestoneScore`,
    kind: 'scale5',
    required: true,
    source: 'seed003',
    perMilestone: true,
    text: {
      nl: 'In hoeverre is deze mijlpaal volgens de SMART-criteria bereikt?',
      fr: 'Dans quelle mesure cette étape clé est-elle atteinte selon les critères SMART ?',
      de: 'Inwieweit ist dieser Meilenstein nach den SMART-Kriterien erreicht?',
      en: 'To what extent has this milestone been met against its SMART criteria?',
    },
    help: {
      nl: 'Specifiek, meetbaar, acceptabel, realistisch en tijdgebonden.',
      fr: 'Spécifique, mesurable, acceptable, réaliste et temporellement défini.',
      de: 'Spezifisch, messbar, akzeptiert, realistisch und terminiert.',
      en: 'Specific, measurable, acceptable, realistic and time-bound.',
    },
  },
  {
    key: `${prefix}.milestoneComment`,
    kind: 'longText',
    required: false,
    source: 'seed003',
    perMilestone: true,
    text: {
      nl: 'Toelichting bij deze mijlpaal',
      fr: 'Commentaire sur cette étape clé',
      de: 'Kommentar zu diesem Meilenstein',
      en: 'Comment on this milestone',
    },
  },
];

export const WELLBEING_PULSE: Questionnaire = {
  key: 'wellbeingPulse',
  source: 'seed004',
  respondent: 'intern',
  title: {
    nl: 'Hoe gaat het? Je eerste week',
    fr: 'Comment ça va ? Votre première semaine',
    de: 'Wie geht es? Ihre erste Woche',
    en: 'How is it going? Your first week',
  },
  intro: {
    nl: 'Je antwoorden gaan naar je stagementor en de stagecoördinator, zodat ze je waar nodig kunnen helpen.',
    fr: "Vos réponses sont transmises à votre maître de stage et au coordinateur des stages, pour qu'ils puissent vous aider si nécessaire.",
    de: 'Ihre Antworten gehen an Ihren Praktikumsbetreuer und den Praktikumskoordinator, damit sie Ihnen bei Bedarf helfen können.',
    en: 'Your answers go to your mentor and the internship coordinator, so they can help where needed.',
  },
  questions: [
    {
      key: 'wellbeingPulse.howIsItGoing',
      kind: 'trafficLight',
      required: true,
      source: 'seed004',
      text: {
        nl: 'Hoe gaat het met je stage?',
        fr: 'Comment se passe votre stage ?',
        de: 'Wie läuft Ihr Praktikum?',
        en: 'How is your internship going?',
      },
    },
    {
      key: 'wellbeingPulse.feelWelcome',
      kind: 'scale5',
      required: true,
      source: 'B5',
      text: {
        nl: 'In hoeverre voel je je welkom in het team?',
        fr: "Dans quelle mesure vous sentez-vous le bienvenu dans l'équipe ?",
        de: 'Inwieweit fühlen Sie sich im Team willkommen?',
        en: 'To what extent do you feel welcome in the team?',
      },
    },
    {
      key: 'wellbeingPulse.clearExpectations',
      kind: 'scale5',
      required: true,
      source: 'C4',
      text: {
        nl: 'In hoeverre weet je wat er van je verwacht wordt?',
        fr: "Dans quelle mesure savez-vous ce que l'on attend de vous ?",
        de: 'Inwieweit wissen Sie, was von Ihnen erwartet wird?',
        en: 'To what extent do you know what is expected of you?',
      },
    },
    {
      key: 'wellbeingPulse.workload',
      kind: 'choice',
      required: true,
      source: 'C4',
      text: {
        nl: 'Hoeveel werk heb je?',
        fr: 'Quelle est votre charge de travail ?',
        de: 'Wie viel Arbeit haben Sie?',
        en: 'How much work do you have?',
      },
      choices: [
        { key: 'tooLittle', text: { nl: 'Te weinig', fr: 'Trop peu', de: 'Zu wenig', en: 'Too little' } },
        {
          key: 'right',
          text: { nl: 'Precies genoeg', fr: "Juste ce qu'il faut", de: 'Genau richtig', en: 'About right' },
        },
        { key: 'tooMuch', text: { nl: 'Te veel', fr: 'Trop', de: 'Zu viel', en: 'Too much' } },
      ],
    },
    {
      key: 'wellbeingPulse.knowWhoToAsk',
      kind: 'yesNo',
      required: true,
      source: 'C5',
      text: {
        nl: 'Weet je bij wie je terecht kunt als het lastig wordt?',
        fr: 'Savez-vous vers qui vous tourner en cas de difficulté ?',
        de: 'Wissen Sie, an wen Sie sich bei Schwierigkeiten wenden können?',
        en: 'Do you know whom to turn to if things get difficult?',
      },
    },
    {
      key: 'wellbeingPulse.note',
      kind: 'longText',
      required: false,
      source: 'seed004',
      maxLength: 1000,
      text: {
        nl: 'Wil je nog iets kwijt?',
        fr: 'Souhaitez-vous ajouter quelque chose ?',
        de: 'Möchten Sie noch etwas mitteilen?',
        en: 'Anything else you would like to tell us?',
      },
    },
  ],
};

export const FOLLOW_UP: Questionnaire = {
  key: 'followUp',
  source: 'C5',
  respondent: 'mentor',
  title: {
    nl: 'Opvolging van de stage',
    fr: 'Suivi du stage',
    de: 'Begleitung des Praktikums',
    en: 'Internship follow-up',
  },
  questions: [
    {
      key: 'followUp.status',
      kind: 'trafficLight',
      required: true,
      source: 'C5',
      text: {
        nl: 'Hoe verloopt de stage?',
        fr: 'Comment se déroule le stage ?',
        de: 'Wie verläuft das Praktikum?',
        en: 'How is the internship going?',
      },
      help: RED_ALERTS_COORDINATOR,
    },
    {
      key: 'followUp.milestones',
      kind: 'longText',
      required: true,
      source: 'seed003',
      text: {
        nl: 'Voortgang op de mijlpalen van het stageplan',
        fr: 'Avancement des étapes clés du plan de stage',
        de: 'Fortschritt bei den Meilensteinen des Praktikumsplans',
        en: "Progress on the internship plan's milestones",
      },
    },
    {
      key: 'followUp.planAdjusted',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Moet het stageplan bijgestuurd worden?',
        fr: 'Le plan de stage doit-il être adapté ?',
        de: 'Muss der Praktikumsplan angepasst werden?',
        en: 'Does the internship plan need adjusting?',
      },
    },
    {
      key: 'followUp.relevantTasks',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Voert de stagiair enkel taken uit die bij de stageopdracht horen?',
        fr: "Le stagiaire n'effectue-t-il que des tâches liées à sa mission de stage ?",
        de: 'Führt der Praktikant nur Aufgaben aus, die zum Praktikumsauftrag gehören?',
        en: 'Does the intern only do tasks linked to the internship assignment?',
      },
    },
    {
      key: 'followUp.feedbackGiven',
      kind: 'yesNo',
      required: true,
      source: 'C5',
      text: {
        nl: 'Heb je sinds de vorige opvolging feedback gegeven?',
        fr: 'Avez-vous donné du feedback depuis le dernier suivi ?',
        de: 'Haben Sie seit der letzten Zwischenbilanz Feedback gegeben?',
        en: 'Have you given feedback since the last follow-up?',
      },
    },
    {
      key: 'followUp.absences',
      kind: 'yesNo',
      required: true,
      source: 'C5',
      text: {
        nl: 'Was de stagiair afwezig sinds de vorige opvolging?',
        fr: 'Le stagiaire a-t-il été absent depuis le dernier suivi ?',
        de: 'War der Praktikant seit der letzten Zwischenbilanz abwesend?',
        en: 'Has the intern been absent since the last follow-up?',
      },
      help: {
        nl: 'Noteer de afwezigheden in het logboek en stem af met je team en de school.',
        fr: "Notez les absences dans le registre et concertez-vous avec votre équipe et l'école.",
        de: 'Abwesenheiten im Protokoll erfassen und mit dem Team und der Schule abstimmen.',
        en: 'Record absences in the log and align with your team and the school.',
      },
    },
    {
      key: 'followUp.concerns',
      kind: 'longText',
      required: false,
      source: 'C5',
      text: {
        nl: 'Zorgen of aandachtspunten',
        fr: "Préoccupations ou points d'attention",
        de: 'Sorgen oder offene Punkte',
        en: 'Concerns or points of attention',
      },
    },
    {
      key: 'followUp.talkToCoordinator',
      kind: 'yesNo',
      required: false,
      source: 'C5',
      text: {
        nl: 'Wil je overleggen met de stagecoördinator?',
        fr: 'Souhaitez-vous vous concerter avec le coordinateur des stages ?',
        de: 'Möchten Sie sich mit dem Praktikumskoordinator absprechen?',
        en: 'Would you like to talk to the internship coordinator?',
      },
      help: {
        nl: 'Loopt de samenwerking niet vlot? Grijp tijdig in: overleg met de stagecoördinator en contacteer de stagebegeleider van de school.',
        fr: "La collaboration ne se passe pas bien ? Intervenez à temps : concertez-vous avec le coordinateur des stages et contactez le superviseur de stage de l'école.",
        de: 'Läuft die Zusammenarbeit nicht gut? Rechtzeitig eingreifen: mit dem Praktikumskoordinator sprechen und den Praktikumsbegleiter der Schule kontaktieren.',
        en: "Collaboration not going well? Act in time: talk to the internship coordinator and contact the school's supervisor.",
      },
    },
    {
      key: 'followUp.note',
      kind: 'longText',
      required: false,
      source: 'C5',
      text: OTHER_REMARKS,
    },
  ],
};

export const MID_TERM_EVALUATION: Questionnaire = {
  key: 'midTermEvaluation',
  source: 'seed003',
  respondent: 'mentor',
  title: {
    nl: 'Tussentijdse evaluatie',
    fr: 'Évaluation intermédiaire',
    de: 'Zwischenbewertung',
    en: 'Mid-term evaluation',
  },
  intro: {
    nl: 'Beoordeel per mijlpaal van het stageplan de voortgang aan de hand van de SMART-criteria.',
    fr: "Évaluez la progression pour chaque étape clé du plan de stage à l'aide des critères SMART.",
    de: 'Den Fortschritt für jeden Meilenstein des Praktikumsplans anhand der SMART-Kriterien bewerten.',
    en: 'Assess progress on each milestone of the internship plan against its SMART criteria.',
  },
  questions: [
    ...milestoneQuestions('midTermEvaluation'),
    {
      key: 'midTermEvaluation.status',
      kind: 'trafficLight',
      required: true,
      source: 'seed003',
      text: {
        nl: 'Hoe verloopt de stage tot nu toe?',
        fr: "Comment se déroule le stage jusqu'à présent ?",
        de: 'Wie verläuft das Praktikum bisher?',
        en: 'How has the internship gone so far?',
      },
      help: RED_ALERTS_COORDINATOR,
    },
    {
      key: 'midTermEvaluation.improvementPointsAsked',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Heb je de stagiair naar verbeterpunten gevraagd, voor zichzelf en voor de organisatie?',
        fr: "Avez-vous demandé au stagiaire ses points d'amélioration, pour lui-même et pour l'organisation ?",
        de: 'Haben Sie den Praktikanten nach Verbesserungsmöglichkeiten gefragt, für sich selbst und für die Organisation?',
        en: 'Did you ask the intern for points to improve, for themselves and for the organisation?',
      },
    },
    {
      key: 'midTermEvaluation.planAdjusted',
      kind: 'yesNo',
      required: false,
      source: 'seed003',
      text: {
        nl: 'Wordt het stageplan bijgestuurd?',
        fr: 'Le plan de stage est-il adapté ?',
        de: 'Wird der Praktikumsplan angepasst?',
        en: 'Is the internship plan being adjusted?',
      },
    },
    {
      key: 'midTermEvaluation.schoolContacted',
      kind: 'yesNo',
      required: true,
      source: 'seed003',
      text: {
        nl: 'Is er contact geweest met de school?',
        fr: "Y a-t-il eu un contact avec l'école ?",
        de: 'Gab es Kontakt mit der Schule?',
        en: 'Has there been contact with the school?',
      },
      help: {
        nl: 'Wijkt de stage af van het stageplan, consulteer dan de opleiding.',
        fr: "Si le stage s'écarte du plan de stage, consultez la formation.",
        de: 'Weicht das Praktikum vom Praktikumsplan ab, die Ausbildungseinrichtung konsultieren.',
        en: 'If the internship deviates from the plan, consult the school.',
      },
    },
    {
      key: 'midTermEvaluation.comment',
      kind: 'longText',
      required: false,
      source: 'seed003',
      text: OTHER_REMARKS,
    },
  ],
};

export const FINAL_EVALUATION: Questionnaire = {
  key: 'finalEvaluation',
  source: 'C6',
  respondent: 'mentor',
  title: {
    nl: 'Eindevaluatie',
    fr: 'Évaluation finale',
    de: 'Abschlussbewertung',
    en: 'Final evaluation',
  },
  intro: {
    nl: 'De school verwacht meestal een evaluatie op haar eigen documenten. Sta hier ook stil bij het verloop van de stage en je rol als stagementor.',
    fr: "L'école attend généralement une évaluation sur ses propres documents. Prenez aussi le temps de revenir sur le déroulement du stage et sur votre rôle de maître de stage.",
    de: 'Die Schule erwartet meist eine Bewertung auf ihren eigenen Unterlagen. Hier auch über den Verlauf des Praktikums und die eigene Rolle als Praktikumsbetreuer nachdenken.',
    en: 'The school usually expects an evaluation on its own forms. Also take stock here of how the internship went and of your role as mentor.',
  },
  questions: [
    ...milestoneQuestions('finalEvaluation'),
    {
      key: 'finalEvaluation.finalAssessment',
      kind: 'longText',
      required: true,
      source: 'C6',
      text: {
        nl: 'Eindbeoordeling van de stagiair',
        fr: 'Appréciation finale du stagiaire',
        de: 'Abschließende Beurteilung des Praktikanten',
        en: 'Final assessment of the intern',
      },
    },
    {
      key: 'finalEvaluation.internOpinionAsked',
      kind: 'yesNo',
      required: true,
      source: 'C6',
      text: {
        nl: 'Heb je de stagiair gevraagd hoe hij de stage beleefde?',
        fr: 'Avez-vous demandé au stagiaire comment il a vécu le stage ?',
        de: 'Haben Sie den Praktikanten gefragt, wie er das Praktikum erlebt hat?',
        en: 'Did you ask the intern how they experienced the internship?',
      },
    },
    {
      key: 'finalEvaluation.schoolDocumentsUploaded',
      kind: 'yesNo',
      required: true,
      source: 'C6',
      text: {
        nl: 'Zijn de evaluatiedocumenten van de school ingevuld en opgeladen?',
        fr: "Les documents d'évaluation de l'école sont-ils complétés et déposés ?",
        de: 'Sind die Bewertungsunterlagen der Schule ausgefüllt und hochgeladen?',
        en: "Are the school's evaluation documents filled in and uploaded?",
      },
    },
    {
      key: 'finalEvaluation.confidentialityAgreed',
      kind: 'yesNo',
      required: true,
      source: 'C6',
      text: {
        nl: 'Is afgesproken wat in het verslag of de thesis geheim blijft?',
        fr: 'A-t-on convenu de ce qui reste confidentiel dans le rapport ou le mémoire ?',
        de: 'Wurde vereinbart, was im Bericht oder in der Abschlussarbeit vertraulich bleibt?',
        en: 'Has it been agreed what stays confidential in the report or thesis?',
      },
      help: {
        nl: 'Een onderzoeker is geen adviseur: de stagiair staat in voor zijn conclusies, de organisatie voor de opvolging van de resultaten.',
        fr: "Un chercheur n'est pas un conseiller : le stagiaire répond de ses conclusions, l'organisation du suivi des résultats.",
        de: 'Ein Forscher ist kein Berater: Der Praktikant verantwortet seine Schlussfolgerungen, die Organisation die Umsetzung der Ergebnisse.',
        en: 'A researcher is not an adviser: the intern answers for their conclusions, the organisation for following up the results.',
      },
    },
    {
      key: 'finalEvaluation.recommendationOffered',
      kind: 'yesNo',
      required: false,
      source: 'C6',
      text: {
        nl: 'Geef je de stagiair een aanbeveling of referentie?',
        fr: 'Donnez-vous une recommandation ou une référence au stagiaire ?',
        de: 'Geben Sie dem Praktikanten eine Empfehlung oder Referenz?',
        en: 'Will you give the intern a recommendation or reference?',
      },
    },
    {
      key: 'finalEvaluation.comment',
      kind: 'longText',
      required: false,
      source: 'C6',
      text: OTHER_REMARKS,
    },
  ],
};

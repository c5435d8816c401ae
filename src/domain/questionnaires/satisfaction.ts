/**
 * The toolbox's satisfaction surveys, "Tevredenheid Stagementor" and "Tevredenheid Stagiair" (A5, B7, C6).
 * Their questions are the ones the toolbox says the surveys answer (B7: added value and for whom, skills the
 * mentor developed, a concrete result meeting expectations, candidates to mentor again; C6: the intern's view and
 * the mentor's own role), plus A5's evaluation of the cooperation with the school, which the mentor knows first-hand.
 * The answers feed the yearly policy evaluation (A5), so most questions are scales that can be aggregated.
 */
import type { Questionnaire } from '../questionnaires';

export const SATISFACTION_MENTOR: Questionnaire = {
  key: 'satisfactionMentor',
  source: 'B7',
  respondent: 'mentor',
  title: {
    nl: 'Tevredenheid stagementor',
    fr: 'Satisfaction du maître de stage',
    de: 'Zufriedenheit des Praktikumsbetreuers',
    en: 'Mentor satisfaction survey',
  },
  intro: {
    nl: 'Je antwoorden helpen de organisatie om haar stagebeleid te verbeteren.',
    fr: "Vos réponses aident l'organisation à améliorer sa politique de stage.",
    de: 'Ihre Antworten helfen der Organisation, ihre Praktikumspolitik zu verbessern.',
    en: 'Your answers help the organisation improve its internship policy.',
  },
  questions: [
    {
      key: 'satisfactionMentor.addedValue',
      kind: 'scale5',
      required: true,
      source: 'B7',
      text: {
        nl: 'In hoeverre heeft de stage meerwaarde opgeleverd?',
        fr: 'Dans quelle mesure le stage a-t-il apporté une plus-value ?',
        de: 'Inwieweit hat das Praktikum einen Mehrwert gebracht?',
        en: 'To what extent did the internship add value?',
      },
    },
    {
      key: 'satisfactionMentor.addedValueForWhom',
      kind: 'longText',
      required: false,
      source: 'B7',
      text: {
        nl: 'Welke meerwaarde, en voor wie?',
        fr: 'Quelle plus-value, et pour qui ?',
        de: 'Welcher Mehrwert, und für wen?',
        en: 'What value, and for whom?',
      },
    },
    {
      key: 'satisfactionMentor.skillsDeveloped',
      kind: 'scale5',
      required: true,
      source: 'B7',
      text: {
        nl: 'In hoeverre heb je door de begeleiding zelf vaardigheden ontwikkeld?',
        fr: 'Dans quelle mesure avez-vous développé des compétences en encadrant le stagiaire ?',
        de: 'Inwieweit haben Sie durch die Betreuung selbst Kompetenzen entwickelt?',
        en: 'To what extent did you develop skills yourself by mentoring?',
      },
      help: {
        nl: 'Bijvoorbeeld coachen, constructief feedback geven, delegeren, evalueren.',
        fr: 'Par exemple coacher, donner un feedback constructif, déléguer, évaluer.',
        de: 'Zum Beispiel coachen, konstruktives Feedback geben, delegieren, bewerten.',
        en: 'For example coaching, giving constructive feedback, delegating, evaluating.',
      },
    },
    {
      key: 'satisfactionMentor.concreteResult',
      kind: 'yesNo',
      required: true,
      source: 'B7',
      text: {
        nl: 'Heeft de stagiair een concreet resultaat opgeleverd?',
        fr: 'Le stagiaire a-t-il produit un résultat concret ?',
        de: 'Hat der Praktikant ein konkretes Ergebnis geliefert?',
        en: 'Did the intern deliver a concrete result?',
      },
    },
    {
      key: 'satisfactionMentor.resultMeetsExpectations',
      kind: 'scale5',
      required: true,
      source: 'B7',
      text: {
        nl: 'In hoeverre beantwoordt het resultaat aan de verwachtingen?',
        fr: 'Dans quelle mesure le résultat répond-il aux attentes ?',
        de: 'Inwieweit entspricht das Ergebnis den Erwartungen?',
        en: 'To what extent does the result meet expectations?',
      },
    },
    {
      key: 'satisfactionMentor.asExpected',
      kind: 'scale5',
      required: true,
      source: 'C6',
      text: {
        nl: 'In hoeverre verliep de stage zoals je verwachtte?',
        fr: "Dans quelle mesure le stage s'est-il déroulé comme vous l'attendiez ?",
        de: 'Inwieweit verlief das Praktikum wie erwartet?',
        en: 'To what extent did the internship go as you expected?',
      },
    },
    {
      key: 'satisfactionMentor.workDifferently',
      kind: 'longText',
      required: false,
      source: 'C6',
      text: {
        nl: 'Had je op een andere manier kunnen of moeten samenwerken?',
        fr: 'Auriez-vous pu ou dû collaborer autrement ?',
        de: 'Hätten Sie anders zusammenarbeiten können oder sollen?',
        en: 'Could or should you have worked together differently?',
      },
    },
    {
      key: 'satisfactionMentor.supportReceived',
      kind: 'scale5',
      required: false,
      source: 'A2',
      text: {
        nl: 'In hoeverre voelde je je als stagementor ondersteund?',
        fr: 'Dans quelle mesure vous êtes-vous senti soutenu en tant que maître de stage ?',
        de: 'Inwieweit haben Sie sich als Praktikumsbetreuer unterstützt gefühlt?',
        en: 'To what extent did you feel supported as a mentor?',
      },
    },
    {
      key: 'satisfactionMentor.mentorAgain',
      kind: 'choice',
      required: true,
      source: 'B7',
      text: {
        nl: 'Wil je in de toekomst opnieuw een stagiair begeleiden?',
        fr: "Souhaitez-vous encadrer à nouveau un stagiaire à l'avenir ?",
        de: 'Möchten Sie künftig wieder einen Praktikanten betreuen?',
        en: 'Would you mentor an intern again in the future?',
      },
      choices: [
        { key: 'yes', text: { nl: 'Ja, graag', fr: 'Oui, volontiers', de: 'Ja, gerne', en: 'Yes, gladly' } },
        {
          key: 'later',
          text: {
            nl: 'Misschien later',
            fr: 'Peut-être plus tard',
            de: 'Vielleicht später',
            en: 'Maybe later',
          },
        },
        { key: 'no', text: { nl: 'Nee', fr: 'Non', de: 'Nein', en: 'No' } },
      ],
    },
    {
      key: 'satisfactionMentor.otherCandidates',
      kind: 'text',
      required: false,
      source: 'B7',
      text: {
        nl: "Welke collega's zouden ook stagiairs kunnen begeleiden?",
        fr: 'Quels collègues pourraient aussi encadrer des stagiaires ?',
        de: 'Welche Kollegen könnten ebenfalls Praktikanten betreuen?',
        en: 'Which colleagues could also mentor interns?',
      },
    },
    {
      key: 'satisfactionMentor.schoolContact',
      kind: 'scale5',
      required: false,
      source: 'A5',
      text: {
        nl: 'In hoeverre verliep het contact met de school vlot?',
        fr: "Dans quelle mesure le contact avec l'école s'est-il bien passé ?",
        de: 'Inwieweit verlief der Kontakt mit der Schule reibungslos?',
        en: 'To what extent did contact with the school go smoothly?',
      },
    },
    {
      key: 'satisfactionMentor.schoolExpectationsClear',
      kind: 'yesNo',
      required: false,
      source: 'A5',
      text: {
        nl: 'Waren de wederzijdse verwachtingen met de school duidelijk?',
        fr: "Les attentes mutuelles avec l'école étaient-elles claires ?",
        de: 'Waren die gegenseitigen Erwartungen mit der Schule klar?',
        en: 'Were mutual expectations with the school clear?',
      },
    },
    {
      key: 'satisfactionMentor.usefulForOrganisation',
      kind: 'scale5',
      required: true,
      source: 'A5',
      text: {
        nl: 'In hoeverre was de stage nuttig voor de organisatie?',
        fr: "Dans quelle mesure le stage a-t-il été utile à l'organisation ?",
        de: 'Inwieweit war das Praktikum für die Organisation nützlich?',
        en: 'To what extent was the internship useful for the organisation?',
      },
    },
    {
      key: 'satisfactionMentor.improvements',
      kind: 'longText',
      required: false,
      source: 'A5',
      text: {
        nl: 'Welke verbeterpunten zie je voor het stagebeleid?',
        fr: "Quels points d'amélioration voyez-vous pour la politique de stage ?",
        de: 'Welche Verbesserungsmöglichkeiten sehen Sie für die Praktikumspolitik?',
        en: 'What could the internship policy do better?',
      },
    },
  ],
};

export const SATISFACTION_INTERN: Questionnaire = {
  key: 'satisfactionIntern',
  source: 'B7',
  respondent: 'intern',
  title: {
    nl: 'Tevredenheid stagiair',
    fr: 'Satisfaction du stagiaire',
    de: 'Zufriedenheit des Praktikanten',
    en: 'Intern satisfaction survey',
  },
  intro: {
    nl: 'Hoe heb je je stage beleefd? Je antwoorden helpen ons om stages te verbeteren.',
    fr: 'Comment avez-vous vécu votre stage ? Vos réponses nous aident à améliorer nos stages.',
    de: 'Wie haben Sie Ihr Praktikum erlebt? Ihre Antworten helfen uns, unsere Praktika zu verbessern.',
    en: 'How was your internship? Your answers help us improve our internships.',
  },
  questions: [
    {
      key: 'satisfactionIntern.overall',
      kind: 'scale5',
      required: true,
      source: 'C6',
      text: {
        nl: 'In hoeverre ben je tevreden over je stage?',
        fr: 'Dans quelle mesure êtes-vous satisfait de votre stage ?',
        de: 'Inwieweit sind Sie mit Ihrem Praktikum zufrieden?',
        en: 'To what extent are you satisfied with your internship?',
      },
    },
    {
      key: 'satisfactionIntern.experience',
      kind: 'longText',
      required: false,
      source: 'C6',
      text: {
        nl: 'Hoe heb je de stage beleefd?',
        fr: 'Comment avez-vous vécu le stage ?',
        de: 'Wie haben Sie das Praktikum erlebt?',
        en: 'How did you experience the internship?',
      },
    },
    {
      key: 'satisfactionIntern.matchedPresentation',
      kind: 'scale5',
      required: true,
      source: 'C6',
      text: {
        nl: 'In hoeverre kwam de stage overeen met hoe ze voorgesteld werd?',
        fr: 'Dans quelle mesure le stage correspondait-il à ce qui avait été présenté ?',
        de: 'Inwieweit entsprach das Praktikum dem, wie es vorgestellt wurde?',
        en: 'To what extent did the internship match how it was presented?',
      },
    },
    {
      key: 'satisfactionIntern.learningGoals',
      kind: 'scale5',
      required: true,
      source: 'seed003',
      text: {
        nl: 'In hoeverre heb je geleerd wat je wilde leren?',
        fr: 'Dans quelle mesure avez-vous appris ce que vous vouliez apprendre ?',
        de: 'Inwieweit haben Sie gelernt, was Sie lernen wollten?',
        en: 'To what extent did you learn what you wanted to learn?',
      },
    },
    {
      key: 'satisfactionIntern.concreteResult',
      kind: 'yesNo',
      required: true,
      source: 'B7',
      text: {
        nl: 'Heb je een concreet resultaat kunnen opleveren?',
        fr: 'Avez-vous pu produire un résultat concret ?',
        de: 'Konnten Sie ein konkretes Ergebnis liefern?',
        en: 'Were you able to deliver a concrete result?',
      },
    },
    {
      key: 'satisfactionIntern.practicalStart',
      kind: 'scale5',
      required: false,
      source: 'B4',
      text: {
        nl: 'In hoeverre was alles klaar bij je start (werkplek, toegang, badge)?',
        fr: 'Dans quelle mesure tout était-il prêt à votre arrivée (poste de travail, accès, badge) ?',
        de: 'Inwieweit war bei Ihrem Beginn alles bereit (Arbeitsplatz, Zugänge, Ausweis)?',
        en: 'To what extent was everything ready when you started (workplace, access, badge)?',
      },
    },
    {
      key: 'satisfactionIntern.welcome',
      kind: 'scale5',
      required: false,
      source: 'B5',
      text: {
        nl: 'In hoeverre voelde je je welkom bij je onthaal?',
        fr: 'Dans quelle mesure vous êtes-vous senti le bienvenu lors de votre accueil ?',
        de: 'Inwieweit haben Sie sich bei Ihrem Empfang willkommen gefühlt?',
        en: 'To what extent did you feel welcome when you arrived?',
      },
    },
    {
      key: 'satisfactionIntern.guidance',
      kind: 'scale5',
      required: true,
      source: 'C5',
      text: {
        nl: 'In hoeverre voelde je je goed begeleid door je stagementor?',
        fr: 'Dans quelle mesure vous êtes-vous senti bien encadré par votre maître de stage ?',
        de: 'Inwieweit haben Sie sich von Ihrem Praktikumsbetreuer gut begleitet gefühlt?',
        en: 'To what extent did you feel well supported by your mentor?',
      },
    },
    {
      key: 'satisfactionIntern.feedback',
      kind: 'scale5',
      required: false,
      source: 'C5',
      text: {
        nl: 'In hoeverre kreeg je bruikbare feedback?',
        fr: 'Dans quelle mesure avez-vous reçu un feedback utile ?',
        de: 'Inwieweit haben Sie hilfreiches Feedback erhalten?',
        en: 'To what extent did you get useful feedback?',
      },
    },
    {
      key: 'satisfactionIntern.relevantTasks',
      kind: 'scale5',
      required: false,
      source: 'C5',
      text: {
        nl: 'In hoeverre hadden je taken met je stageopdracht te maken?',
        fr: 'Dans quelle mesure vos tâches étaient-elles liées à votre mission de stage ?',
        de: 'Inwieweit hatten Ihre Aufgaben mit Ihrem Praktikumsauftrag zu tun?',
        en: 'To what extent were your tasks related to your internship assignment?',
      },
    },
    {
      key: 'satisfactionIntern.improvements',
      kind: 'longText',
      required: true,
      source: 'C6',
      text: {
        nl: 'Welke verbeterpunten zie je?',
        fr: "Quels points d'amélioration voyez-vous ?",
        de: 'Welche Verbesserungsmöglichkeiten sehen Sie?',
        en: 'What could be improved?',
      },
    },
    {
      key: 'satisfactionIntern.recommend',
      kind: 'yesNo',
      required: false,
      source: 'A2',
      text: {
        nl: 'Zou je andere studenten een stage bij onze organisatie aanraden?',
        fr: "Recommanderiez-vous un stage dans notre organisation à d'autres étudiants ?",
        de: 'Würden Sie anderen Studierenden ein Praktikum in unserer Organisation empfehlen?',
        en: 'Would you recommend an internship with us to other students?',
      },
    },
    {
      key: 'satisfactionIntern.keepInformed',
      kind: 'yesNo',
      required: false,
      source: 'A3',
      text: {
        nl: 'Wil je na je stage nieuws en praktische info van de organisatie ontvangen?',
        fr: "Souhaitez-vous recevoir des nouvelles et des informations pratiques de l'organisation après votre stage ?",
        de: 'Möchten Sie nach dem Praktikum Neuigkeiten und praktische Informationen der Organisation erhalten?',
        en: 'Would you like to receive news and practical information from the organisation after your internship?',
      },
      help: {
        nl: 'Je kunt deze toestemming op elk moment intrekken.',
        fr: 'Vous pouvez retirer ce consentement à tout moment.',
        de: 'Sie können diese Einwilligung jederzeit widerrufen.',
        en: 'You can withdraw this consent at any time.',
      },
    },
  ],
};

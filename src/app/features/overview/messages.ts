export const OVERVIEW_MESSAGES = {
  en: {
    title: 'Who interns where',
    intro: 'Interns currently with us or arriving soon, who agreed to be shown here.',
    empty: 'No interns to show.',
    intern: 'Intern',
    service: 'Service',
    topic: 'Topic',
    period: 'Period',
  },
  nl: {
    title: 'Wie loopt waar stage',
    intro: 'Stagiairs die nu bij ons zijn of binnenkort komen en ermee instemden hier getoond te worden.',
    empty: 'Geen stagiairs om te tonen.',
    intern: 'Stagiair',
    service: 'Dienst',
    topic: 'Onderwerp',
    period: 'Periode',
  },
  fr: {
    title: 'Qui fait un stage où',
    intro: "Les stagiaires présents ou qui arrivent bientôt, et qui ont accepté d'apparaître ici.",
    empty: 'Aucun stagiaire à afficher.',
    intern: 'Stagiaire',
    service: 'Service',
    topic: 'Sujet',
    period: 'Période',
  },
  de: {
    title: 'Wer macht wo ein Praktikum',
    intro:
      'Praktikanten, die jetzt bei uns sind oder bald kommen und zugestimmt haben, hier gezeigt zu werden.',
    empty: 'Keine Praktikanten anzuzeigen.',
    intern: 'Praktikant',
    service: 'Dienst',
    topic: 'Thema',
    period: 'Zeitraum',
  },
} as const;

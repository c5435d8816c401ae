/**
 * The bot's own words: card headings, button labels, states. Domain texts (questions, checklist items) come from
 * the domain; only what exists nowhere else lives here. Placeholders `{name}`, `{date}`, `{n}`… are filled by
 * `format.ts`, which keeps user-typed values out of markdown.
 */
import type { Locale, LocalizedText } from '../../domain/i18n';
import type { MomentKind } from '../../domain/schedule';

export const MOMENT_TITLES: Readonly<Record<MomentKind, LocalizedText>> = {
  firstTimeMentor: {
    nl: 'Ondersteuning voor nieuwe stagementors',
    fr: 'Soutien aux nouveaux maîtres de stage',
    de: 'Unterstützung für neue Praktikumsbetreuer',
    en: 'Support for first-time mentors',
  },
  prepareArrival: {
    nl: 'Komst van de stagiair voorbereiden',
    fr: "Préparer l'arrivée du stagiaire",
    de: 'Ankunft des Praktikanten vorbereiten',
    en: "Prepare the intern's arrival",
  },
  firstDay: {
    nl: 'Eerste stagedag',
    fr: 'Premier jour de stage',
    de: 'Erster Praktikumstag',
    en: 'First day of the internship',
  },
  week1CheckIn: {
    nl: 'Opvolging na de eerste week',
    fr: 'Point après la première semaine',
    de: 'Zwischenstand nach der ersten Woche',
    en: 'Week-1 check-in',
  },
  wellbeingPulse: {
    nl: 'Hoe gaat het? Je eerste week',
    fr: 'Comment ça va ? Votre première semaine',
    de: 'Wie geht es? Ihre erste Woche',
    en: 'How is it going? Your first week',
  },
  followUp: {
    nl: 'Opvolging {n}',
    fr: 'Suivi {n}',
    de: 'Begleitung {n}',
    en: 'Follow-up {n}',
  },
  midTermEvaluation: {
    nl: 'Tussentijdse evaluatie',
    fr: 'Évaluation intermédiaire',
    de: 'Zwischenbewertung',
    en: 'Mid-term evaluation',
  },
  finalEvaluation: {
    nl: 'Eindevaluatie',
    fr: 'Évaluation finale',
    de: 'Abschlussbewertung',
    en: 'Final evaluation',
  },
  satisfactionMentor: {
    nl: 'Tevredenheidsbevraging stagementor',
    fr: 'Enquête de satisfaction du maître de stage',
    de: 'Zufriedenheitsumfrage Praktikumsbetreuer',
    en: 'Mentor satisfaction survey',
  },
  satisfactionIntern: {
    nl: 'Tevredenheidsbevraging stagiair',
    fr: 'Enquête de satisfaction du stagiaire',
    de: 'Zufriedenheitsumfrage Praktikant',
    en: 'Intern satisfaction survey',
  },
  results: {
    nl: 'Resultaten van de stage',
    fr: 'Résultats du stage',
    de: 'Ergebnisse des Praktikums',
    en: 'Internship results',
  },
};

export const TEXTS = {
  intern: { nl: 'Stagiair', fr: 'Stagiaire', de: 'Praktikant', en: 'Intern' },
  service: { nl: 'Dienst', fr: 'Service', de: 'Dienststelle', en: 'Service' },
  period: { nl: 'Periode', fr: 'Période', de: 'Zeitraum', en: 'Period' },
  periodRange: {
    nl: '{from} tot {to}',
    fr: 'du {from} au {to}',
    de: '{from} bis {to}',
    en: '{from} to {to}',
  },
  dueBy: {
    nl: 'Te beantwoorden tegen {date}',
    fr: 'À compléter pour le {date}',
    de: 'Zu beantworten bis {date}',
    en: 'Please answer by {date}',
  },
  submit: { nl: 'Verzenden', fr: 'Envoyer', de: 'Absenden', en: 'Submit' },
  openInStagemap: {
    nl: 'Openen in Stagemap',
    fr: 'Ouvrir dans Stagemap',
    de: 'In Stagemap öffnen',
    en: 'Open in Stagemap',
  },
  yes: { nl: 'Ja', fr: 'Oui', de: 'Ja', en: 'Yes' },
  no: { nl: 'Nee', fr: 'Non', de: 'Nein', en: 'No' },
  done: { nl: 'Gedaan', fr: 'Fait', de: 'Erledigt', en: 'Done' },
  notDone: { nl: 'Nog niet gedaan', fr: 'Pas encore fait', de: 'Noch nicht erledigt', en: 'Not done yet' },
  checklistIntro: {
    nl: 'Vink aan wat al klaar is. Wat nog openstaat, blijft op de checklist in Stagemap.',
    fr: 'Cochez ce qui est déjà fait. Ce qui reste à faire reste dans la checklist de Stagemap.',
    de: 'Kreuzen Sie an, was bereits erledigt ist. Offene Punkte bleiben auf der Checkliste in Stagemap.',
    en: 'Tick what is already done. Anything still open stays on the checklist in Stagemap.',
  },
  prepareArrivalCoordinatorIntro: {
    nl: 'Staan de logistiek en de administratie klaar voor de start?',
    fr: "La logistique et l'administration sont-elles prêtes pour le début du stage ?",
    de: 'Sind Logistik und Verwaltung für den Beginn bereit?',
    en: 'Are logistics and administration ready for the start?',
  },
  firstDayIntro: {
    nl: 'Vandaag start de stage. Vink aan wat je tijdens het onthaal al gedaan hebt.',
    fr: "Le stage commence aujourd'hui. Cochez ce que vous avez déjà fait lors de l'accueil.",
    de: 'Heute beginnt das Praktikum. Kreuzen Sie an, was Sie beim Empfang bereits erledigt haben.',
    en: 'The internship starts today. Tick what you have already done during the welcome.',
  },
  week1Intro: {
    nl: 'Hoe verloopt de eerste week? Een kort antwoord volstaat.',
    fr: 'Comment se passe la première semaine ? Une réponse brève suffit.',
    de: 'Wie verläuft die erste Woche? Eine kurze Antwort genügt.',
    en: 'How is the first week going? A short answer will do.',
  },
  resultsIntro: {
    nl: 'De stage is afgelopen. Hoe worden de resultaten gedeeld?',
    fr: 'Le stage est terminé. Comment les résultats sont-ils partagés ?',
    de: 'Das Praktikum ist beendet. Wie werden die Ergebnisse geteilt?',
    en: 'The internship has ended. How are the results being shared?',
  },
  milestone: { nl: 'Mijlpaal {n}', fr: 'Étape clé {n}', de: 'Meilenstein {n}', en: 'Milestone {n}' },
  noMilestones: {
    nl: 'Het stageplan heeft nog geen mijlpalen. Voeg ze toe in Stagemap om ze hier te beoordelen.',
    fr: "Le plan de stage ne contient pas encore d'étapes clés. Ajoutez-les dans Stagemap pour les évaluer ici.",
    de: 'Der Praktikumsplan enthält noch keine Meilensteine. Fügen Sie sie in Stagemap hinzu, um sie hier zu bewerten.',
    en: 'The internship plan has no milestones yet. Add them in Stagemap to assess them here.',
  },
  whoCanHelp: {
    nl: 'Wie kan je helpen?',
    fr: 'Qui peut vous aider ?',
    de: 'Wer kann Ihnen helfen?',
    en: 'Who can help you?',
  },
  yourCoordinator: {
    nl: 'Je stagecoördinator: ',
    fr: 'Votre coordinateur des stages : ',
    de: 'Ihr Praktikumskoordinator: ',
    en: 'Your internship coordinator: ',
  },
  schoolSupervisor: {
    nl: 'Stagebegeleider van de school: ',
    fr: "Superviseur de stage de l'école : ",
    de: 'Praktikumsbegleiter der Schule: ',
    en: "The school's supervisor: ",
  },
  noCoordinator: {
    nl: 'Er is nog geen stagecoördinator aangeduid: neem contact op met HR.',
    fr: "Aucun coordinateur des stages n'est encore désigné : contactez les RH.",
    de: 'Es ist noch kein Praktikumskoordinator benannt: Wenden Sie sich an die Personalabteilung.',
    en: 'No internship coordinator has been named yet: contact HR.',
  },
  answeredBy: {
    nl: 'Beantwoord door {name} op {date}',
    fr: 'Répondu par {name} le {date}',
    de: 'Beantwortet von {name} am {date}',
    en: 'Answered by {name} on {date}',
  },
  answeredClosed: {
    nl: 'Dit moment is afgesloten: het kan maar één keer beantwoord worden.',
    fr: "Ce moment est clôturé : on ne peut y répondre qu'une seule fois.",
    de: 'Dieser Termin ist abgeschlossen: Er kann nur einmal beantwortet werden.',
    en: 'This moment is closed: it can only be answered once.',
  },
  notFilledIn: {
    nl: '(niet ingevuld)',
    fr: '(non renseigné)',
    de: '(nicht ausgefüllt)',
    en: '(not filled in)',
  },
  fullTextInStagemap: {
    nl: ' … (volledige tekst in Stagemap)',
    fr: ' … (texte complet dans Stagemap)',
    de: ' … (vollständiger Text in Stagemap)',
    en: ' … (full text in Stagemap)',
  },
  errorSummary: {
    nl: 'Controleer de aangeduide velden. Er werd nog niets opgeslagen.',
    fr: "Vérifiez les champs signalés. Rien n'a encore été enregistré.",
    de: 'Bitte prüfen Sie die markierten Felder. Es wurde noch nichts gespeichert.',
    en: 'Please check the marked fields. Nothing has been saved yet.',
  },
  valuesShortened: {
    nl: 'Enkele lange teksten werden ingekort om de kaart te kunnen tonen.',
    fr: 'Certains textes longs ont été raccourcis pour pouvoir afficher la carte.',
    de: 'Einige lange Texte wurden gekürzt, damit die Karte angezeigt werden kann.',
    en: 'Some long texts were shortened so the card can be shown.',
  },
  expiredStopped: {
    nl: 'Deze stage werd vroegtijdig stopgezet. Dit moment is vervallen en kan niet meer beantwoord worden.',
    fr: 'Ce stage a été arrêté prématurément. Ce moment est caduc et ne peut plus recevoir de réponse.',
    de: 'Dieses Praktikum wurde vorzeitig beendet. Dieser Termin ist hinfällig und kann nicht mehr beantwortet werden.',
    en: 'This internship was stopped early. This moment has lapsed and can no longer be answered.',
  },
  expiredAnsweredByOther: {
    nl: '{name} heeft dit moment al beantwoord op {date}.',
    fr: '{name} a déjà répondu à ce moment le {date}.',
    de: '{name} hat diesen Termin bereits am {date} beantwortet.',
    en: '{name} already answered this moment on {date}.',
  },
  expiredClosed: {
    nl: 'Dit moment is afgesloten en kan niet meer beantwoord worden.',
    fr: 'Ce moment est clôturé et ne peut plus recevoir de réponse.',
    de: 'Dieser Termin ist abgeschlossen und kann nicht mehr beantwortet werden.',
    en: 'This moment is closed and can no longer be answered.',
  },
  digestTitle: {
    nl: 'Achterstallige momenten',
    fr: 'Moments en retard',
    de: 'Überfällige Termine',
    en: 'Overdue moments',
  },
  digestIntro: {
    nl: 'Zonder antwoord op {date}: {n}',
    fr: 'Sans réponse au {date} : {n}',
    de: 'Ohne Antwort am {date}: {n}',
    en: 'Unanswered on {date}: {n}',
  },
  digestEmpty: {
    nl: 'Geen achterstallige momenten.',
    fr: 'Aucun moment en retard.',
    de: 'Keine überfälligen Termine.',
    en: 'No overdue moments.',
  },
  digestDue: { nl: 'gepland op {date}', fr: 'prévu le {date}', de: 'fällig am {date}', en: 'due {date}' },
  daysLateOne: {
    nl: '{n} dag te laat',
    fr: '{n} jour de retard',
    de: '{n} Tag überfällig',
    en: '{n} day late',
  },
  daysLateOther: {
    nl: '{n} dagen te laat',
    fr: '{n} jours de retard',
    de: '{n} Tage überfällig',
    en: '{n} days late',
  },
  digestAsked: { nl: 'Gevraagd aan: ', fr: 'Demandé à : ', de: 'Angefragt bei: ', en: 'Sent to: ' },
  digestMore: {
    nl: 'En nog {n} andere.',
    fr: 'Et {n} autres.',
    de: 'Und {n} weitere.',
    en: 'And {n} more.',
  },
  seeAllInStagemap: {
    nl: 'Alles bekijken in Stagemap',
    fr: 'Tout voir dans Stagemap',
    de: 'Alle in Stagemap ansehen',
    en: 'See all in Stagemap',
  },
  // The channel post "arrivals and departures" (toolbox A3/B3 internal communication).
  announcementTitle: {
    nl: 'Stagiairs die komen en gaan',
    fr: 'Arrivées et départs des stagiaires',
    de: 'Ankünfte und Abschiede der Praktikanten',
    en: 'Interns arriving and leaving',
  },
  announcementWeek: {
    nl: 'Week van {from} tot {to}',
    fr: 'Semaine du {from} au {to}',
    de: 'Woche vom {from} bis {to}',
    en: 'Week of {from} to {to}',
  },
  announcementArrivals: {
    nl: 'Nieuwe stagiairs ({n})',
    fr: 'Nouveaux stagiaires ({n})',
    de: 'Neue Praktikanten ({n})',
    en: 'Arriving ({n})',
  },
  announcementDepartures: {
    nl: 'Vertrekkende stagiairs ({n})',
    fr: 'Stagiaires sur le départ ({n})',
    de: 'Praktikanten, die uns verlassen ({n})',
    en: 'Leaving ({n})',
  },
  announcementNoArrivals: {
    nl: 'Deze week start er geen nieuwe stagiair.',
    fr: 'Aucun nouveau stagiaire ne commence cette semaine.',
    de: 'Diese Woche beginnt kein neuer Praktikant.',
    en: 'No new intern starts this week.',
  },
  announcementNoDepartures: {
    nl: 'Deze week eindigt er geen stage.',
    fr: 'Aucun stage ne se termine cette semaine.',
    de: 'Diese Woche endet kein Praktikum.',
    en: 'No internship ends this week.',
  },
  announcementAnonymous: {
    nl: 'Een stagiair',
    fr: 'Un stagiaire',
    de: 'Ein Praktikant',
    en: 'An intern',
  },
  announcementMentor: { nl: 'Stagementor', fr: 'Maître de stage', de: 'Praktikumsbetreuer', en: 'Mentor' },
  announcementBackup: { nl: 'Back-up', fr: 'Suppléant', de: 'Vertretung', en: 'Back-up' },
  announcementStarts: {
    nl: 'Start op {date}, tot {end}',
    fr: 'Début le {date}, jusqu’au {end}',
    de: 'Beginn am {date}, bis {end}',
    en: 'Starts on {date}, until {end}',
  },
  announcementEnds: {
    nl: 'Laatste stagedag op {date}',
    fr: 'Dernier jour de stage le {date}',
    de: 'Letzter Praktikumstag am {date}',
    en: 'Last day on {date}',
  },
  announcementPrivacy: {
    nl: 'Namen en onderwerpen staan er alleen voor stagiairs die daarvoor toestemming gaven.',
    fr: 'Les noms et les sujets ne figurent que pour les stagiaires qui y ont consenti.',
    de: 'Namen und Themen erscheinen nur bei Praktikanten, die zugestimmt haben.',
    en: 'Names and topics are shown only for interns who agreed to it.',
  },
  announcementOverview: {
    nl: 'Overzicht van de stagiairs',
    fr: 'Aperçu des stagiaires',
    de: 'Übersicht der Praktikanten',
    en: 'Overview of the interns',
  },
} as const satisfies Record<string, LocalizedText>;

export type TextKey = keyof typeof TEXTS;

/**
 * Texts whose translations coincide on purpose (the word is the same in both languages); the texts test allows
 * exactly these pairs and no other.
 */
export const SAME_ON_PURPOSE: Readonly<Partial<Record<TextKey, readonly [Locale, Locale]>>> = {
  yes: ['nl', 'de'],
  service: ['fr', 'en'],
  announcementBackup: ['nl', 'en'],
};

/** Locale tags for dates: Belgian variants, and British English for the English the federal staff read. */
export const DATE_LOCALE: Readonly<Record<Locale, string>> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-GB',
};

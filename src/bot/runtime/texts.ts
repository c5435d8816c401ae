import type { LocalizedText } from '../../domain/i18n';

/** The runtime's own messages (help, refusals). Cards keep their texts in src/bot/cards/texts.ts. */
export const RUNTIME_TEXTS = {
  help: {
    nl: 'Ik ben Stagemap. Ik stuur je kaarten op de opvolg- en evaluatiemomenten van je stagiairs; je antwoordt rechtstreeks in de kaart. Alles over een stage vind je in het tabblad Stagemap.',
    fr: "Je suis Stagemap. Je vous envoie des cartes aux moments de suivi et d'évaluation de vos stagiaires ; vous répondez directement dans la carte. Tout sur un stage se trouve dans l'onglet Stagemap.",
    de: 'Ich bin Stagemap. Ich sende Ihnen Karten zu den Begleit- und Bewertungsterminen Ihrer Praktikanten; Sie antworten direkt in der Karte. Alles zu einem Praktikum finden Sie im Tab Stagemap.',
    en: 'I am Stagemap. I send you cards at the follow-up and evaluation moments of your interns; you answer right in the card. Everything about an internship is in the Stagemap tab.',
  },
  notAllowed: {
    nl: 'Alleen de mentor, de back-up of de coördinator van deze stage kan deze kaart beantwoorden.',
    fr: 'Seuls le mentor, le back-up ou le coordinateur de ce stage peuvent répondre à cette carte.',
    de: 'Nur der Mentor, die Vertretung oder der Koordinator dieses Praktikums kann diese Karte beantworten.',
    en: 'Only the mentor, the back-up or the coordinator of this internship can answer this card.',
  },
  unknownMoment: {
    nl: 'Dit moment bestaat niet (meer).',
    fr: "Ce moment n'existe pas (ou plus).",
    de: 'Diesen Termin gibt es nicht (mehr).',
    en: 'This moment does not exist (any more).',
  },
  badRequest: {
    nl: 'Deze actie wordt niet herkend.',
    fr: "Cette action n'est pas reconnue.",
    de: 'Diese Aktion wird nicht erkannt.',
    en: 'This action is not recognised.',
  },
  mailSubject: {
    nl: 'Stagemap: {title}',
    fr: 'Stagemap : {title}',
    de: 'Stagemap: {title}',
    en: 'Stagemap: {title}',
  },
  mailBody: {
    nl: 'Er wacht een vraag op je in Stagemap over {intern}: {title}, tegen {date}. Open Stagemap om te antwoorden:',
    fr: 'Une question vous attend dans Stagemap au sujet de {intern} : {title}, pour le {date}. Ouvrez Stagemap pour répondre :',
    de: 'In Stagemap wartet eine Frage zu {intern} auf Sie: {title}, bis {date}. Öffnen Sie Stagemap, um zu antworten:',
    en: 'A question about {intern} is waiting for you in Stagemap: {title}, by {date}. Open Stagemap to answer:',
  },
  digestMailBody: {
    nl: 'Er zijn {n} onbeantwoorde momenten. Open het overzicht in Stagemap:',
    fr: 'Il y a {n} moments sans réponse. Ouvrez la vue d’ensemble dans Stagemap :',
    de: 'Es gibt {n} unbeantwortete Termine. Öffnen Sie die Übersicht in Stagemap:',
    en: 'There are {n} unanswered moments. Open the overview in Stagemap:',
  },
  digestSubject: {
    nl: 'Stagemap: onbeantwoorde momenten',
    fr: 'Stagemap : moments sans réponse',
    de: 'Stagemap: unbeantwortete Termine',
    en: 'Stagemap: unanswered moments',
  },
} satisfies Record<string, LocalizedText>;

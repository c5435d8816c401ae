import type { Locale, LocalizedText } from '../../domain/i18n';
import type { FieldError } from '../../domain/validation';

/**
 * An error the API answers with: a stable code for programs, a message in the caller's language for people, and
 * field errors for forms. Nothing else of an exception ever reaches the client.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: LocalizedText,
    readonly extra: {
      fields?: FieldError[];
      reasons?: { code: string; message: string }[];
      current?: unknown;
    } = {},
  ) {
    super(text.en);
  }

  body(locale: Locale) {
    return { error: { code: this.code, message: this.text[locale], ...this.extra } };
  }
}

export const ERROR_TEXTS = {
  unauthenticated: {
    nl: 'U bent niet aangemeld of uw sessie is verlopen.',
    fr: "Vous n'êtes pas connecté ou votre session a expiré.",
    de: 'Sie sind nicht angemeldet oder Ihre Sitzung ist abgelaufen.',
    en: 'You are not signed in or your session has expired.',
  },
  forbidden: {
    nl: 'U hebt geen toegang tot deze gegevens.',
    fr: "Vous n'avez pas accès à ces données.",
    de: 'Sie haben keinen Zugriff auf diese Daten.',
    en: 'You do not have access to this information.',
  },
  notFound: {
    nl: 'Niet gevonden.',
    fr: 'Introuvable.',
    de: 'Nicht gefunden.',
    en: 'Not found.',
  },
  invalidInput: {
    nl: 'Sommige velden zijn niet correct ingevuld.',
    fr: 'Certains champs ne sont pas correctement remplis.',
    de: 'Einige Felder sind nicht korrekt ausgefüllt.',
    en: 'Some fields are not filled in correctly.',
  },
  conflict: {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Bekijk de huidige versie en kies wat u bewaart.',
    fr: "Quelqu'un d'autre a modifié ceci entre-temps. Consultez la version actuelle et choisissez ce que vous gardez.",
    de: 'Jemand anderes hat dies inzwischen geändert. Sehen Sie sich die aktuelle Version an und wählen Sie, was Sie behalten.',
    en: 'Someone else changed this meanwhile. Look at the current version and choose what to keep.',
  },
  gateClosed: {
    nl: 'Deze stap kan nog niet: bekijk wat er nog ontbreekt.',
    fr: "Cette étape n'est pas encore possible : voyez ce qui manque encore.",
    de: 'Dieser Schritt ist noch nicht möglich: Sehen Sie, was noch fehlt.',
    en: 'This step is not possible yet: see what is still missing.',
  },
  unavailable: {
    nl: 'SharePoint is tijdelijk niet bereikbaar. Probeer het zo dadelijk opnieuw.',
    fr: 'SharePoint est temporairement indisponible. Réessayez dans un instant.',
    de: 'SharePoint ist vorübergehend nicht erreichbar. Versuchen Sie es gleich noch einmal.',
    en: 'SharePoint is temporarily unavailable. Try again in a moment.',
  },
  internal: {
    nl: 'Er ging iets mis. De fout is gelogd.',
    fr: "Une erreur s'est produite. Elle a été enregistrée.",
    de: 'Etwas ist schiefgelaufen. Der Fehler wurde protokolliert.',
    en: 'Something went wrong. The error has been logged.',
  },
  tooLarge: {
    nl: 'De aanvraag is te groot.',
    fr: 'La requête est trop volumineuse.',
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
} as const satisfies Record<string, LocalizedText>;

export const unauthenticated = () => new ApiError(401, 'unauthenticated', ERROR_TEXTS.unauthenticated);
export const forbidden = () => new ApiError(403, 'forbidden', ERROR_TEXTS.forbidden);
export const notFound = () => new ApiError(404, 'notFound', ERROR_TEXTS.notFound);
export const invalidInput = (fields: FieldError[]) =>
  new ApiError(400, 'invalidInput', ERROR_TEXTS.invalidInput, { fields });
export const conflict = (current: unknown) =>
  new ApiError(409, 'conflict', ERROR_TEXTS.conflict, { current });

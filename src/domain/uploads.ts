/**
 * What the digital folder accepts (toolbox B4): office documents, PDFs, scans and photos, up to a size SharePoint
 * and the people opening them handle well. Pure, so the tab checks a file before sending it and the server checks
 * the same rules on what it receives.
 */
import { CONFIDENTIAL_DOCUMENTS, isDocumentKey, type DocumentKey } from './documents';
import type { Locale, LocalizedText } from './i18n';
import type { FieldError } from './validation';

/** 50 MB: signed scans and final works fit; videos and archives do not belong in the folder. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export const ALLOWED_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'rtf',
  'txt',
  'csv',
  'png',
  'jpg',
  'jpeg',
] as const;

export const UPLOAD_TEXTS = {
  name: {
    nl: 'Geef een bestandsnaam van hoogstens 200 tekens, zonder / \\ : * ? " < > |.',
    fr: 'Indiquez un nom de fichier de 200 caractères au maximum, sans / \\ : * ? " < > |.',
    de: 'Geben Sie einen Dateinamen mit höchstens 200 Zeichen an, ohne / \\ : * ? " < > |.',
    en: 'Give a file name of at most 200 characters, without / \\ : * ? " < > |.',
  },
  extension: {
    nl: 'Dit bestandstype is niet toegelaten. Toegelaten: {n}.',
    fr: "Ce type de fichier n'est pas autorisé. Autorisés : {n}.",
    de: 'Dieser Dateityp ist nicht erlaubt. Erlaubt: {n}.',
    en: 'This file type is not allowed. Allowed: {n}.',
  },
  tooLarge: {
    nl: 'Het bestand is te groot (hoogstens {n} MB).',
    fr: 'Le fichier est trop volumineux ({n} Mo au maximum).',
    de: 'Die Datei ist zu groß (höchstens {n} MB).',
    en: 'The file is too large (at most {n} MB).',
  },
  empty: {
    nl: 'Het bestand is leeg.',
    fr: 'Le fichier est vide.',
    de: 'Die Datei ist leer.',
    en: 'The file is empty.',
  },
  type: {
    nl: 'Kies een documenttype uit de lijst.',
    fr: 'Choisissez un type de document dans la liste.',
    de: 'Wählen Sie einen Dokumenttyp aus der Liste.',
    en: 'Choose a document type from the list.',
  },
  confidentialType: {
    nl: 'Alleen de stagecoördinator kan vertrouwelijke documenten toevoegen.',
    fr: 'Seul le coordinateur de stage peut ajouter des documents confidentiels.',
    de: 'Nur der Praktikumskoordinator kann vertrauliche Dokumente hinzufügen.',
    en: 'Only the internship coordinator can add confidential documents.',
  },
} as const satisfies Record<string, LocalizedText>;

// SharePoint refuses these characters in file names; control characters break links and exports.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_NAME = /[/\\:*?"<>|\u0000-\u001f]/;

export const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
};

export const isConfidentialType = (key: DocumentKey): boolean =>
  CONFIDENTIAL_DOCUMENTS.some((d) => d.key === key);

export interface UploadCheck {
  name: unknown;
  type: unknown;
  /** Declared or measured size in bytes; undefined when not known yet (a streamed body without a length). */
  size?: number;
  mayWriteConfidential: boolean;
}

/** Checks an upload's metadata; error paths are `name`, `type` and `file`. */
export function checkUpload(
  input: UploadCheck,
  locale: Locale,
): { ok: true; name: string; type?: DocumentKey } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > 200 || FORBIDDEN_NAME.test(name) || name.startsWith('.'))
    errors.push({ path: 'name', message: UPLOAD_TEXTS.name[locale] });
  else if (!(ALLOWED_EXTENSIONS as readonly string[]).includes(extensionOf(name)))
    errors.push({
      path: 'name',
      message: UPLOAD_TEXTS.extension[locale].replace('{n}', ALLOWED_EXTENSIONS.join(', ')),
    });
  let type: DocumentKey | undefined;
  if (input.type !== undefined && input.type !== '') {
    if (!isDocumentKey(input.type)) errors.push({ path: 'type', message: UPLOAD_TEXTS.type[locale] });
    else if (isConfidentialType(input.type) && !input.mayWriteConfidential)
      errors.push({ path: 'type', message: UPLOAD_TEXTS.confidentialType[locale] });
    else type = input.type;
  }
  if (input.size !== undefined) {
    if (input.size > MAX_UPLOAD_BYTES) errors.push({ path: 'file', message: tooLargeText(locale) });
    else if (input.size === 0) errors.push({ path: 'file', message: UPLOAD_TEXTS.empty[locale] });
  }
  if (errors.length > 0) return { ok: false, errors };
  return type ? { ok: true, name, type } : { ok: true, name };
}

export const tooLargeText = (locale: Locale): string =>
  UPLOAD_TEXTS.tooLarge[locale].replace('{n}', String(MAX_UPLOAD_BYTES / 1024 / 1024));

import { canOnInternship, type Actor } from '../../domain/access';
import {
  DOCUMENTS_REQUIRED_BEFORE_CLOSE,
  DOCUMENTS_REQUIRED_BEFORE_START,
  DOCUMENT_TYPES,
  documentType,
  type DocumentType,
} from '../../domain/documents';
import type { Locale } from '../../domain/i18n';
import type { Internship } from '../../domain/internship';
import type { StoredDocument } from '../../domain/records';
import { ALLOWED_EXTENSIONS, MAX_UPLOAD_BYTES } from '../../domain/uploads';
import type { DocumentView, FolderView, RequiredDocumentView } from '../../domain/views-records';

/** Document ids in the API name their library: item ids repeat across the two libraries. */
export const documentViewId = (d: Pick<StoredDocument, 'id' | 'confidential'>): string =>
  `${d.confidential ? 'c' : 's'}-${d.id}`;

export function presentDocument(d: StoredDocument, locale: Locale): DocumentView {
  const v: DocumentView = { id: documentViewId(d), name: d.name, confidential: d.confidential };
  if (d.documentType) {
    v.documentType = d.documentType;
    v.typeName = documentType(d.documentType).name[locale];
  }
  if (d.size !== undefined) v.size = d.size;
  if (d.webUrl) v.webUrl = d.webUrl;
  return v;
}

/**
 * The folder as this caller may see it. Without `confidential.read` the confidential library does not exist for
 * the caller: its documents, and even whether its required documents are there, never leave the server.
 */
export function presentFolder(
  i: Internship,
  documents: readonly StoredDocument[],
  actor: Actor,
  locale: Locale,
): FolderView {
  const can = (a: Parameters<typeof canOnInternship>[1]) => canOnInternship(actor, a, i);
  const confidential = can('confidential.read');
  const visible = documents.filter((d) => confidential || !d.confidential);
  const have = new Set(visible.flatMap((d) => (d.documentType ? [d.documentType] : [])));
  const required = (types: readonly DocumentType[]): RequiredDocumentView[] =>
    types
      .filter((t) => confidential || !t.confidential)
      .map((t) => ({
        key: t.key,
        name: t.name[locale],
        present: have.has(t.key),
        confidential: t.confidential,
      }));
  const canUpload = can('folder.write');
  const mayConfidential = can('confidential.write');
  return {
    documents: visible
      .map((d) => presentDocument(d, locale))
      .sort((a, b) => Number(a.confidential) - Number(b.confidential) || a.name.localeCompare(b.name)),
    requiredBeforeStart: required(DOCUMENTS_REQUIRED_BEFORE_START),
    requiredBeforeClose: required(DOCUMENTS_REQUIRED_BEFORE_CLOSE),
    includesConfidential: confidential,
    canUpload,
    uploadTypes: canUpload
      ? DOCUMENT_TYPES.filter((t) => mayConfidential || !t.confidential).map((t) => ({
          key: t.key,
          name: t.name[locale],
          confidential: t.confidential,
        }))
      : [],
    maxBytes: MAX_UPLOAD_BYTES,
    allowedExtensions: [...ALLOWED_EXTENSIONS],
  };
}

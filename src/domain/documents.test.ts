import { describe, expect, it } from 'vitest';
import {
  CONFIDENTIAL_DOCUMENTS,
  DOCUMENTS_REQUIRED_BEFORE_CLOSE,
  DOCUMENTS_REQUIRED_BEFORE_START,
  DOCUMENT_KEYS,
  DOCUMENT_TYPES,
  documentType,
  isDocumentKey,
  type DocumentKey,
} from './documents';

const SOURCE = /^(A|B|C|D)\d|^seed\d{3}/;
const keysOf = (docs: readonly { key: DocumentKey }[]): DocumentKey[] => docs.map((doc) => doc.key);

describe('document types', () => {
  it('defines each document key exactly once', () => {
    expect(keysOf(DOCUMENT_TYPES)).toEqual([...DOCUMENT_KEYS]);
    expect(new Set(DOCUMENT_KEYS).size).toBe(DOCUMENT_KEYS.length);
  });

  it('traces every document to a toolbox step', () => {
    for (const doc of DOCUMENT_TYPES) expect(doc.source, doc.key).toMatch(SOURCE);
  });

  it('has the digital folder of B4, the evaluation documents of C6 and the final work of B8', () => {
    expect(documentType('schoolAgreement').source).toBe('B4');
    expect(documentType('internshipRegulation').source).toBe('B4');
    expect(documentType('infoSheet').source).toBe('B4');
    expect(documentType('schoolEvaluation').source).toBe('C6');
    expect(documentType('confidentialityAgreement').source).toBe('C6');
    expect(documentType('finalWork').source).toBe('B8');
  });

  it('requires the school agreement, the contract and the info sheet before the start', () => {
    expect(keysOf(DOCUMENTS_REQUIRED_BEFORE_START)).toEqual(
      expect.arrayContaining(['schoolAgreement', 'contract', 'infoSheet', 'internshipRegulation']),
    );
    expect(keysOf(DOCUMENTS_REQUIRED_BEFORE_START)).not.toContain('schoolEvaluation');
  });

  it('requires the school evaluation and the confidentiality agreement before closing', () => {
    expect(keysOf(DOCUMENTS_REQUIRED_BEFORE_CLOSE).sort()).toEqual([
      'confidentialityAgreement',
      'schoolEvaluation',
    ]);
  });

  it('keeps exactly the health and contract annexes confidential', () => {
    expect(keysOf(CONFIDENTIAL_DOCUMENTS).sort()).toEqual([
      'insurancePolicy',
      'medicalExamination',
      'riskAnalysis',
    ]);
    for (const doc of CONFIDENTIAL_DOCUMENTS) expect(doc.annexOf, doc.key).toBe('contract');
    // The rest is shared with mentor, back-up and intern: none of it may be an annex.
    for (const doc of DOCUMENT_TYPES.filter((d) => !d.confidential))
      expect(doc.annexOf, doc.key).toBeUndefined();
  });

  it('refers only to existing documents as parents', () => {
    for (const doc of DOCUMENT_TYPES) if (doc.annexOf) expect(isDocumentKey(doc.annexOf)).toBe(true);
  });

  it('recognises document keys and refuses others', () => {
    expect(isDocumentKey('contract')).toBe(true);
    expect(isDocumentKey('passport')).toBe(false);
    expect(isDocumentKey(42)).toBe(false);
    expect(() => documentType('passport' as DocumentKey)).toThrow(/passport/);
  });
});

import type { DocumentKey } from './documents';
import type { IsoDate, IsoInstant } from './internship';
import type { QuestionnaireKey } from './questionnaires';
import type { AbsenceEntry, AnswerValue, FeedbackEntry } from './records';
import type { PersonView } from './views';

/**
 * What the API answers about an internship's records: the digital folder, evaluations and surveys, feedback and
 * absences. Like views.ts, presenters fill only what the caller may see (docs/permissions.md).
 */

// ---------- folder ----------

export interface DocumentView {
  /** Opaque: library and item id (`s-12` shared, `c-12` confidential), item ids repeat across libraries. */
  id: string;
  name: string;
  documentType?: DocumentKey;
  /** The document type's name in the caller's language. */
  typeName?: string;
  confidential: boolean;
  size?: number;
  /** Opens the document in SharePoint / Office for the web. */
  webUrl?: string;
}

export interface RequiredDocumentView {
  key: DocumentKey;
  name: string;
  present: boolean;
  confidential: boolean;
}

export interface UploadTypeView {
  key: DocumentKey;
  name: string;
  confidential: boolean;
}

export interface FolderView {
  documents: DocumentView[];
  /** Required before the start (toolbox B4); confidential ones only for who may read the confidential part. */
  requiredBeforeStart: RequiredDocumentView[];
  requiredBeforeClose: RequiredDocumentView[];
  /** Whether the list includes the confidential library (coordinators). */
  includesConfidential: boolean;
  canUpload: boolean;
  /** Document types this caller may upload (confidential ones for coordinators only). */
  uploadTypes: UploadTypeView[];
  maxBytes: number;
  allowedExtensions: string[];
}

/** A final work in the Final works library (toolbox: results shared, final work published). */
export interface FinalWorkView {
  id: string;
  title: string;
  name: string;
  published: boolean;
  /** Publishing and unpublishing send this ETag (If-Match). */
  etag: string;
  size?: number;
  webUrl?: string;
  uploadedAt?: IsoInstant;
}

export interface FinalWorksView {
  items: FinalWorkView[];
  canUpload: boolean;
  canPublish: boolean;
  /** The intern consented to the intranet overview: without it a final work cannot be published. */
  overviewConsent: boolean;
  maxBytes: number;
  allowedExtensions: string[];
}

// ---------- evaluations and surveys ----------

export interface EvaluationView {
  id: string;
  key: string;
  questionnaire: QuestionnaireKey;
  respondent: PersonView;
  submittedAt: IsoInstant;
  sharedWithIntern: boolean;
  answers: Record<string, AnswerValue>;
  /** The caller's own answer: re-submitting it sends this ETag (If-Match). */
  mine: boolean;
  etag: string;
}

export interface EvaluationsView {
  /** Questionnaires this caller may fill in for this internship. */
  fillable: QuestionnaireKey[];
  /** May share evaluations with the intern (mentor, back-up, coordinator). */
  canShare: boolean;
  /** The plan's milestones, for per-milestone SMART scores. */
  milestones: { key: string; title: string }[];
  records: EvaluationView[];
}

// ---------- journal ----------

export type FeedbackView = Pick<FeedbackEntry, 'id' | 'date' | 'direction' | 'note' | 'visibleToIntern'> & {
  author?: PersonView;
};

export type AbsenceView = Pick<AbsenceEntry, 'id' | 'kind' | 'note' | 'schoolInformed'> & {
  from: IsoDate;
  to: IsoDate;
  author?: PersonView;
};

export interface JournalView {
  feedback: FeedbackView[];
  absences: AbsenceView[];
  /** Mentor, back-up, coordinator: write feedback and absences. */
  canWrite: boolean;
  /** The intern logs their own absences. */
  canLogOwnAbsence: boolean;
  /** Whether the feedback list holds everything or only what was shared with the intern. */
  sharedOnly: boolean;
}

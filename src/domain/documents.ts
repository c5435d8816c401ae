/**
 * The document types of an internship's digital folder (toolbox B4 "Maak een digitale map"), plus the documents
 * the evaluation produces (C6) and the final work (B8). The key is what the document-type column of the
 * libraries holds, so keys must never be renamed once shipped.
 */
import type { LocalizedText } from './i18n';
import type { Role } from './internship';

export const DOCUMENT_KEYS = [
  'schoolAgreement',
  'internshipRegulation',
  'contract',
  'riskAnalysis',
  'medicalExamination',
  'insurancePolicy',
  'infoSheet',
  'schoolEvaluation',
  'confidentialityAgreement',
  'finalWork',
] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];

export interface DocumentType {
  key: DocumentKey;
  name: LocalizedText;
  description: LocalizedText;
  /** Toolbox step the document comes from. */
  source: string;
  /** Who normally uploads it. */
  owner: Role;
  /** Set when the document is an annex of another one (the contract's annexes, B4). */
  annexOf?: DocumentKey;
  /** The start gate requires it in the folder (toolbox B4: "zorg voor een vlotte start"). */
  requiredBeforeStart: boolean;
  /** The closing gate requires it, unless a coordinator waives it explicitly. */
  requiredBeforeClose: boolean;
  /**
   * Health and contract data: lives only in the coordinators-only library (BRIEF "Security and privacy"),
   * never in the folder shared with mentor, back-up and intern.
   */
  confidential: boolean;
}

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  {
    key: 'schoolAgreement',
    source: 'B4',
    owner: 'coordinator',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    confidential: false,
    name: {
      nl: 'Ondertekende stageovereenkomst van de onderwijsinstelling',
      fr: "Convention de stage signée de l'établissement d'enseignement",
      de: 'Unterzeichnete Praktikumsvereinbarung der Unterrichtseinrichtung',
      en: 'Signed internship agreement from the school',
    },
    description: {
      nl: 'De overeenkomst die de school opstelt en die alle partijen ondertekenen.',
      fr: "La convention établie par l'école et signée par toutes les parties.",
      de: 'Die von der Schule erstellte und von allen Parteien unterzeichnete Vereinbarung.',
      en: 'The agreement drawn up by the school and signed by all parties.',
    },
  },
  {
    key: 'internshipRegulation',
    source: 'B4',
    owner: 'coordinator',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    confidential: false,
    name: {
      nl: 'Stagereglement',
      fr: 'Règlement de stage',
      de: 'Praktikumsordnung',
      en: 'Internship regulations',
    },
    description: {
      nl: 'Waartoe stagiair en organisatie zich engageren en wanneer een stage kan worden stopgezet.',
      fr: "Les engagements du stagiaire et de l'organisation, et les cas où un stage peut être arrêté.",
      de: 'Die Verpflichtungen von Praktikant und Organisation und die Fälle, in denen ein Praktikum beendet werden kann.',
      en: 'What intern and organisation commit to, and when an internship can be ended.',
    },
  },
  {
    key: 'contract',
    source: 'B4',
    owner: 'coordinator',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    // The contract itself stays in the shared folder: mentor and intern go through it together on day one (C4).
    confidential: false,
    name: {
      nl: 'Contract tussen de organisatie, de stagiair en de school',
      fr: "Contrat entre l'organisation, le stagiaire et l'école",
      de: 'Vertrag zwischen der Organisation, dem Praktikanten und der Schule',
      en: 'Contract between the organisation, the intern and the school',
    },
    description: {
      nl: 'Het driepartijencontract; de bijlagen worden apart en vertrouwelijk bewaard.',
      fr: 'Le contrat tripartite ; les annexes sont conservées séparément et de manière confidentielle.',
      de: 'Der Dreiparteienvertrag; die Anlagen werden getrennt und vertraulich aufbewahrt.',
      en: 'The three-party contract; its annexes are kept separately and confidentially.',
    },
  },
  {
    key: 'riskAnalysis',
    source: 'B4',
    owner: 'coordinator',
    annexOf: 'contract',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    confidential: true,
    name: {
      nl: 'Risicoanalyse van de werkplek',
      fr: 'Analyse des risques du poste de travail',
      de: 'Risikoanalyse des Arbeitsplatzes',
      en: 'Workplace risk analysis',
    },
    description: {
      nl: 'Bijlage bij het contract; bepaalt of gezondheidstoezicht nodig is.',
      fr: 'Annexe au contrat ; détermine si une surveillance de la santé est nécessaire.',
      de: 'Anlage zum Vertrag; legt fest, ob eine Gesundheitsüberwachung erforderlich ist.',
      en: 'Annex to the contract; determines whether health surveillance is needed.',
    },
  },
  {
    key: 'medicalExamination',
    source: 'B4',
    owner: 'coordinator',
    annexOf: 'contract',
    // Only needed when the risk analysis calls for health surveillance (KB of 21 September 2004 on the protection
    // of interns, seed 001 part Y), so it cannot be a blanket start requirement; a coordinator marks it per case.
    requiredBeforeStart: false,
    requiredBeforeClose: false,
    confidential: true,
    name: {
      nl: 'Resultaat van het medisch onderzoek',
      fr: "Résultat de l'examen médical",
      de: 'Ergebnis der ärztlichen Untersuchung',
      en: 'Medical examination result',
    },
    description: {
      nl: 'Bijlage bij het contract, alleen als de risicoanalyse gezondheidstoezicht vereist.',
      fr: "Annexe au contrat, uniquement si l'analyse des risques exige une surveillance de la santé.",
      de: 'Anlage zum Vertrag, nur wenn die Risikoanalyse eine Gesundheitsüberwachung erfordert.',
      en: 'Annex to the contract, only when the risk analysis requires health surveillance.',
    },
  },
  {
    key: 'insurancePolicy',
    source: 'B4',
    owner: 'coordinator',
    annexOf: 'contract',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    confidential: true,
    name: {
      nl: 'Verzekeringspolis',
      fr: "Police d'assurance",
      de: 'Versicherungspolice',
      en: 'Insurance policy',
    },
    description: {
      nl: 'Bijlage bij het contract: de verzekering die de onderwijsinstelling regelt.',
      fr: "Annexe au contrat : l'assurance souscrite par l'établissement d'enseignement.",
      de: 'Anlage zum Vertrag: die von der Unterrichtseinrichtung abgeschlossene Versicherung.',
      en: 'Annex to the contract: the insurance arranged by the school.',
    },
  },
  {
    key: 'infoSheet',
    source: 'B4',
    owner: 'coordinator',
    requiredBeforeStart: true,
    requiredBeforeClose: false,
    confidential: false,
    name: {
      nl: 'Infofiche',
      fr: "Fiche d'information",
      de: 'Infoblatt',
      en: 'Info sheet',
    },
    description: {
      nl: 'Alle belangrijke informatie over de stagiair op één blad.',
      fr: 'Toutes les informations importantes sur le stagiaire sur une seule fiche.',
      de: 'Alle wichtigen Informationen über den Praktikanten auf einem Blatt.',
      en: 'All the important information about the intern on one sheet.',
    },
  },
  {
    key: 'schoolEvaluation',
    source: 'C6',
    owner: 'mentor',
    requiredBeforeStart: false,
    requiredBeforeClose: true,
    confidential: false,
    name: {
      nl: 'Evaluatiedocumenten van de onderwijsinstelling',
      fr: "Documents d'évaluation de l'établissement d'enseignement",
      de: 'Bewertungsunterlagen der Unterrichtseinrichtung',
      en: "School's evaluation documents",
    },
    description: {
      nl: 'De evaluatie van de stagiair op de formulieren van de school.',
      fr: "L'évaluation du stagiaire sur les formulaires de l'école.",
      de: 'Die Bewertung des Praktikanten auf den Formularen der Schule.',
      en: "The intern's evaluation on the school's forms.",
    },
  },
  {
    key: 'confidentialityAgreement',
    source: 'C6',
    owner: 'mentor',
    requiredBeforeStart: false,
    requiredBeforeClose: true,
    confidential: false,
    name: {
      nl: 'Afspraken over de vertrouwelijkheid van verslag of thesis',
      fr: 'Accord sur la confidentialité du rapport ou du mémoire',
      de: 'Vereinbarung über die Vertraulichkeit von Bericht oder Abschlussarbeit',
      en: 'Report or thesis confidentiality agreement',
    },
    description: {
      nl: 'Welke informatie van de organisatie geheim is en niet gepubliceerd mag worden.',
      fr: "Les informations de l'organisation qui sont confidentielles et ne peuvent pas être publiées.",
      de: 'Welche Informationen der Organisation vertraulich sind und nicht veröffentlicht werden dürfen.',
      en: "Which of the organisation's information is confidential and may not be published.",
    },
  },
  {
    key: 'finalWork',
    source: 'B8',
    owner: 'intern',
    requiredBeforeStart: false,
    // Not every internship produces a final work (an observation internship, say): not a closing requirement.
    requiredBeforeClose: false,
    confidential: false,
    name: {
      nl: 'Eindwerk',
      fr: "Travail de fin d'études",
      de: 'Abschlussarbeit',
      en: 'Final work',
    },
    description: {
      nl: 'Het eindwerk of de thesis van de stagiair, om te publiceren voor alle medewerkers.',
      fr: "Le travail de fin d'études ou le mémoire du stagiaire, à publier pour tout le personnel.",
      de: 'Die Abschlussarbeit des Praktikanten, zur Veröffentlichung für alle Mitarbeiter.',
      en: "The intern's final work or thesis, to be published for all staff.",
    },
  },
];

export const documentType = (key: DocumentKey): DocumentType => {
  const found = DOCUMENT_TYPES.find((doc) => doc.key === key);
  // DOCUMENT_TYPES covers every DocumentKey (a test enforces it); this only guards against a broken edit.
  if (!found) throw new Error(`Unknown document type: ${key}`);
  return found;
};

export const DOCUMENTS_REQUIRED_BEFORE_START: readonly DocumentType[] = DOCUMENT_TYPES.filter(
  (doc) => doc.requiredBeforeStart,
);
export const DOCUMENTS_REQUIRED_BEFORE_CLOSE: readonly DocumentType[] = DOCUMENT_TYPES.filter(
  (doc) => doc.requiredBeforeClose,
);
export const CONFIDENTIAL_DOCUMENTS: readonly DocumentType[] = DOCUMENT_TYPES.filter(
  (doc) => doc.confidential,
);

export const isDocumentKey = (value: unknown): value is DocumentKey =>
  typeof value === 'string' && (DOCUMENT_KEYS as readonly string[]).includes(value);

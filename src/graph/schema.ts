import { DOCUMENT_KEYS } from '../domain/documents';
import type { Locale, LocalizedText } from '../domain/i18n';
import { DECISIONS, PHASES, STOPPED_BY } from '../domain/internship';
import { MOMENT_KINDS } from '../domain/schedule';
import { CHECKLIST_KINDS } from '../domain/checklists';
import { QUESTIONNAIRE_KEYS } from '../domain/questionnaires';

/**
 * The SharePoint site "Stages" as code (BRIEF "Where the data lives"). Provisioning (provision.ts) makes a site
 * match this, additively; repositories read and write the internal names declared here and nothing else.
 *
 * Choices made here:
 * - Every list has `Key`: a client-generated idempotency key, indexed and unique. A create retried after a lost
 *   response then fails with 409 instead of writing a twin, so creates can be marked retry-safe.
 * - Relations use an indexed `InternshipKey` text column, not a lookup to Internships: the key exists before the
 *   SharePoint item (an internship and its moments can be created in one $batch without knowing item ids),
 *   filtering on it is a plain indexed equality, lookups count against SharePoint's lookup-column threshold (12 per
 *   view/query), and it works the same in libraries, lists and exports. The app keeps referential integrity
 *   (the domain owns deletes; the retention job purges by key).
 * - People: a personOrGroup column (what SharePoint users see and what notifications use) plus an indexed
 *   `…Oid` text column with the Entra object id. Authorisation filters ("my interns") then use the oid from the
 *   caller's token directly; a person column can only be filtered by the site-specific user lookup id, which would
 *   cost a resolution round trip per request.
 * - Columns have ONE display name in SharePoint: provisioning uses the organisation's default language; the four
 *   languages stay here for the UI.
 * - `since` is the schema version that introduced a list or column: an older site is upgraded by adding exactly
 *   what is newer than what it has, never by deleting.
 */
export const SCHEMA_VERSION = 3;
export const SITE_NAME = 'Stages';
/** Settings item that records the provisioned schema version. */
export const SCHEMA_VERSION_KEY = 'schemaVersion';

export type ColumnKind =
  | { type: 'text'; maxLength?: number }
  | { type: 'note' }
  | { type: 'number'; decimals?: number }
  | { type: 'boolean' }
  | { type: 'dateTime'; dateOnly?: boolean }
  | { type: 'choice'; choices: readonly string[] }
  | { type: 'person' };

export interface ColumnSchema {
  /** Internal name: `fields/<name>`; ≤ 32 chars, ASCII, stable forever. */
  name: string;
  kind: ColumnKind;
  title: LocalizedText;
  /** The app filters or sorts on it: SharePoint needs an index beyond 5,000 items (list view threshold). */
  indexed?: boolean;
  unique?: boolean;
  required?: boolean;
  since: number;
}

export interface ListSchema {
  /** URL name of the list or library (`/Lists/<name>`), also its provisioning display name. */
  name: string;
  template: 'genericList' | 'documentLibrary';
  title: LocalizedText;
  columns: readonly ColumnSchema[];
  /** Readable by coordinators only (unique permissions); provisioning verifies it. */
  coordinatorsOnly?: boolean;
  since: number;
}

const L = (nl: string, fr: string, de: string, en: string): LocalizedText => ({ nl, fr, de, en });

const c = (
  name: string,
  kind: ColumnKind,
  title: LocalizedText,
  extra: Partial<Omit<ColumnSchema, 'name' | 'kind' | 'title'>> = {},
): ColumnSchema => ({ name, kind, title, since: 1, ...extra });

const text: ColumnKind = { type: 'text' };
const note: ColumnKind = { type: 'note' };
const date: ColumnKind = { type: 'dateTime', dateOnly: true };
const instant: ColumnKind = { type: 'dateTime' };
const bool: ColumnKind = { type: 'boolean' };
const person: ColumnKind = { type: 'person' };
const choice = (choices: readonly string[]): ColumnKind => ({ type: 'choice', choices });

const KEY = c('Key', text, L('Sleutel', 'Clé', 'Schlüssel', 'Key'), {
  indexed: true,
  unique: true,
  required: true,
});
const INTERNSHIP_KEY = c('InternshipKey', text, L('Stage', 'Stage', 'Praktikum', 'Internship'), {
  indexed: true,
});

/** A person column plus its indexed Entra object id (see above). */
const personPair = (name: string, title: LocalizedText, since = 1): ColumnSchema[] => [
  c(name, person, title, { since }),
  c(`${name}Oid`, text, title, { indexed: true, since }),
];

export const LISTS: readonly ListSchema[] = [
  {
    name: 'Internships',
    template: 'genericList',
    title: L('Stages', 'Stages', 'Praktika', 'Internships'),
    since: 1,
    columns: [
      KEY,
      c('Phase', choice(PHASES), L('Fase', 'Phase', 'Phase', 'Phase'), { indexed: true, required: true }),
      ...personPair('Intern', L('Stagiair', 'Stagiaire', 'Praktikant', 'Intern')),
      c('InternName', text, L('Naam stagiair', 'Nom du stagiaire', 'Name Praktikant', 'Intern name')),
      c(
        'InternEmail',
        text,
        L('E-mail stagiair', 'E-mail du stagiaire', 'E-Mail Praktikant', 'Intern e-mail'),
      ),
      ...personPair('Mentor', L('Mentor', 'Mentor', 'Mentor', 'Mentor')),
      ...personPair('Backup', L('Back-up', 'Back-up', 'Vertretung', 'Back-up')),
      ...personPair('Coordinator', L('Coördinator', 'Coordinateur', 'Koordinator', 'Coordinator')),
      ...personPair(
        'ServiceHead',
        L('Diensthoofd', 'Chef de service', 'Dienststellenleiter', 'Head of service'),
      ),
      c('Service', text, L('Dienst', 'Service', 'Dienststelle', 'Service'), { indexed: true }),
      c('Topic', text, L('Onderwerp', 'Sujet', 'Thema', 'Topic')),
      c('StartDate', date, L('Begindatum', 'Date de début', 'Beginn', 'Start date'), { indexed: true }),
      c('EndDate', date, L('Einddatum', 'Date de fin', 'Ende', 'End date'), { indexed: true }),
      c('SchoolKey', text, L('School', 'École', 'Schule', 'School'), { indexed: true }),
      c('SchoolName', text, L('Naam school', "Nom de l'école", 'Name der Schule', 'School name')),
      c('Programme', text, L('Opleiding', 'Formation', 'Studiengang', 'Programme')),
      c(
        'SchoolSupervisor',
        note,
        L('Stagebegeleider', 'Superviseur', 'Betreuer der Schule', 'School supervisor'),
      ),
      c(
        'InterviewAt',
        instant,
        L('Intakegesprek', "Entretien d'accueil", 'Aufnahmegespräch', 'Intake interview'),
      ),
      c('Decision', choice(DECISIONS), L('Beslissing', 'Décision', 'Entscheidung', 'Decision')),
      c('DecisionAt', instant, L('Beslist op', 'Décidé le', 'Entschieden am', 'Decided at')),
      c(
        'OverviewConsent',
        bool,
        L('Toestemming overzicht', 'Consentement', 'Einwilligung', 'Overview consent'),
        {
          indexed: true,
        },
      ),
      c('StoppedBy', choice(STOPPED_BY), L('Gestopt door', 'Arrêté par', 'Beendet von', 'Stopped by')),
      c('StopReason', note, L('Reden stopzetting', "Motif de l'arrêt", 'Grund', 'Stop reason')),
      c('StoppedAt', instant, L('Gestopt op', 'Arrêté le', 'Beendet am', 'Stopped at')),
      c('AssignmentKey', text, L('Opdracht', 'Mission', 'Auftrag', 'Assignment'), { indexed: true }),
      c('ApplicationKey', text, L('Kandidatuur', 'Candidature', 'Bewerbung', 'Application'), {
        indexed: true,
      }),
      c(
        'ClosingWaiver',
        note,
        L('Afwijking afsluiting', 'Dérogation', 'Ausnahme Abschluss', 'Closing waiver'),
        {
          since: 2,
        },
      ),
      c('PurgeAfter', date, L('Wissen na', 'Effacer après', 'Löschen nach', 'Purge after'), {
        indexed: true,
        since: 2,
      }),
      // The internship plan (projects, milestones, training record) as JSON: read and written whole with the
      // internship, under its ETag, so a plan edit and an internship edit cannot silently overwrite each other.
      c('Plan', note, L('Stageplan', 'Plan de stage', 'Praktikumsplan', 'Internship plan'), {
        since: 2,
      }),
    ],
  },
  {
    name: 'Moments',
    template: 'genericList',
    title: L('Momenten', 'Moments', 'Termine', 'Moments'),
    since: 1,
    columns: [
      KEY,
      INTERNSHIP_KEY,
      c('Kind', choice(MOMENT_KINDS), L('Soort', 'Type', 'Art', 'Kind'), { indexed: true }),
      c('Seq', { type: 'number' }, L('Volgnummer', 'Numéro', 'Nummer', 'Sequence')),
      c('DueDate', date, L('Vervaldag', 'Échéance', 'Fällig am', 'Due date')),
      c('DueAt', instant, L('Verzenden om', 'Envoi à', 'Senden um', 'Send at'), { indexed: true }),
      c(
        'State',
        choice([
          'planned',
          'sent',
          'escalatedToBackup',
          'escalatedToCoordinator',
          'answered',
          'failed',
          'cancelled',
        ]),
        L('Status', 'État', 'Status', 'State'),
        { indexed: true },
      ),
      c('RecipientOids', note, L('Ontvangers', 'Destinataires', 'Empfänger', 'Recipients')),
      c('AnsweredByOid', text, L('Beantwoord door', 'Répondu par', 'Beantwortet von', 'Answered by')),
      c('AnsweredAt', instant, L('Beantwoord op', 'Répondu le', 'Beantwortet am', 'Answered at')),
      c('DeliveryLog', note, L('Verzendlog', "Journal d'envoi", 'Zustellprotokoll', 'Delivery log')),
      c('Attempts', { type: 'number' }, L('Pogingen', 'Tentatives', 'Versuche', 'Attempts'), { since: 2 }),
      // Stored (not recomputed) so the scheduler finds escalations due with one indexed query.
      c('EscalateAt', instant, L('Escaleren om', 'Escalader à', 'Eskalieren um', 'Escalate at'), {
        indexed: true,
        since: 2,
      }),
      c('DigestAt', instant, L('Overzicht om', 'Synthèse à', 'Übersicht um', 'Digest at'), {
        indexed: true,
        since: 2,
      }),
    ],
  },
  {
    name: 'ChecklistItems',
    template: 'genericList',
    title: L('Checklistpunten', 'Points de checklist', 'Checklistenpunkte', 'Checklist items'),
    since: 1,
    columns: [
      KEY,
      INTERNSHIP_KEY,
      c('Checklist', choice(CHECKLIST_KINDS), L('Checklist', 'Checklist', 'Checkliste', 'Checklist'), {
        indexed: true,
      }),
      c('TemplateKey', text, L('Sjabloon', 'Modèle', 'Vorlage', 'Template')),
      c('Done', bool, L('Afgewerkt', 'Fait', 'Erledigt', 'Done'), { indexed: true }),
      c('DoneByOid', text, L('Afgewerkt door', 'Fait par', 'Erledigt von', 'Done by')),
      c('DoneAt', instant, L('Afgewerkt op', 'Fait le', 'Erledigt am', 'Done at')),
      c('DueDate', date, L('Vervaldag', 'Échéance', 'Fällig am', 'Due date'), { indexed: true }),
      c('Note', note, L('Opmerking', 'Remarque', 'Bemerkung', 'Note')),
      // "My tasks" filters on it; the domain assigns items to a person by Entra object id.
      c('AssigneeOid', text, L('Toegewezen aan', 'Assigné à', 'Zugewiesen an', 'Assigned to'), {
        indexed: true,
        since: 2,
      }),
      c('Hidden', bool, L('Verborgen', 'Masqué', 'Ausgeblendet', 'Hidden'), { since: 2 }),
    ],
  },
  {
    name: 'Evaluations',
    template: 'genericList',
    title: L('Evaluaties', 'Évaluations', 'Bewertungen', 'Evaluations'),
    since: 1,
    columns: [
      KEY,
      INTERNSHIP_KEY,
      c(
        'Questionnaire',
        choice(QUESTIONNAIRE_KEYS),
        L('Vragenlijst', 'Questionnaire', 'Fragebogen', 'Questionnaire'),
        {
          indexed: true,
        },
      ),
      c('MomentKey', text, L('Moment', 'Moment', 'Termin', 'Moment'), { indexed: true }),
      c('RespondentOid', text, L('Respondent', 'Répondant', 'Befragter', 'Respondent'), { indexed: true }),
      c('Answers', note, L('Antwoorden', 'Réponses', 'Antworten', 'Answers')),
      c('SubmittedAt', instant, L('Ingediend op', 'Soumis le', 'Eingereicht am', 'Submitted at'), {
        indexed: true,
      }),
      // An intern sees an evaluation only once the mentor shares it (evaluation.readShared).
      c(
        'SharedWithIntern',
        bool,
        L(
          'Gedeeld met stagiair',
          'Partagé avec le stagiaire',
          'Mit Praktikant geteilt',
          'Shared with intern',
        ),
        { since: 2 },
      ),
    ],
  },
  {
    name: 'Journal',
    template: 'genericList',
    title: L(
      'Feedback & afwezigheden',
      'Feedback & absences',
      'Feedback & Abwesenheiten',
      'Feedback & absences',
    ),
    since: 1,
    columns: [
      KEY,
      INTERNSHIP_KEY,
      c(
        'EntryType',
        choice(['feedback', 'absence', 'wellbeing', 'concern', 'visit']),
        L('Soort', 'Type', 'Art', 'Type'),
        {
          indexed: true,
        },
      ),
      c('EntryDate', date, L('Datum', 'Date', 'Datum', 'Date'), { indexed: true }),
      c('EndDate', date, L('Tot', "Jusqu'au", 'Bis', 'Until')),
      c('AuthorOid', text, L('Auteur', 'Auteur', 'Autor', 'Author')),
      c('Body', note, L('Inhoud', 'Contenu', 'Inhalt', 'Content')),
    ],
  },
  {
    name: 'Assignments',
    template: 'genericList',
    title: L('Opdrachten', 'Missions', 'Aufträge', 'Assignments'),
    since: 1,
    columns: [
      KEY,
      c('Year', { type: 'number' }, L('Jaar', 'Année', 'Jahr', 'Year'), { indexed: true }),
      c('Service', text, L('Dienst', 'Service', 'Dienststelle', 'Service'), { indexed: true }),
      ...personPair('ProposedBy', L('Voorgesteld door', 'Proposé par', 'Vorgeschlagen von', 'Proposed by')),
      ...personPair('Mentor', L('Mentor', 'Mentor', 'Mentor', 'Mentor')),
      c(
        'Status',
        choice(['proposed', 'approved', 'published', 'filled', 'withdrawn']),
        L('Status', 'Statut', 'Status', 'Status'),
        { indexed: true },
      ),
      c('Domain', text, L('Domein', 'Domaine', 'Bereich', 'Domain')),
      c('Description', note, L('Beschrijving', 'Description', 'Beschreibung', 'Description')),
      c('Details', note, L('Projectfiche', 'Fiche projet', 'Projektblatt', 'Project sheet')),
      c('Places', { type: 'number' }, L('Plaatsen', 'Places', 'Plätze', 'Places')),
    ],
  },
  {
    name: 'Applications',
    template: 'genericList',
    title: L('Kandidaturen', 'Candidatures', 'Bewerbungen', 'Applications'),
    since: 1,
    columns: [
      KEY,
      c('AssignmentKey', text, L('Opdracht', 'Mission', 'Auftrag', 'Assignment'), { indexed: true }),
      c('SchoolKey', text, L('School', 'École', 'Schule', 'School'), { indexed: true }),
      c('CandidateName', text, L('Naam', 'Nom', 'Name', 'Name')),
      c('CandidateEmail', text, L('E-mail', 'E-mail', 'E-Mail', 'E-mail')),
      c('ReceivedAt', instant, L('Ontvangen op', 'Reçue le', 'Eingegangen am', 'Received at'), {
        indexed: true,
      }),
      c(
        'Status',
        choice(['received', 'interview', 'accepted', 'refused', 'withdrawn']),
        L('Status', 'Statut', 'Status', 'Status'),
        { indexed: true },
      ),
      c('Details', note, L('Details', 'Détails', 'Details', 'Details')),
    ],
  },
  {
    name: 'Partners',
    template: 'genericList',
    title: L('Stagepartners', 'Partenaires de stage', 'Praktikumspartner', 'Internship partners'),
    since: 1,
    columns: [
      KEY,
      c(
        'PartnerType',
        choice(['school', 'programme', 'contact', 'agreement']),
        L('Soort', 'Type', 'Art', 'Type'),
        {
          indexed: true,
        },
      ),
      c('ParentKey', text, L('Hoort bij', 'Appartient à', 'Gehört zu', 'Belongs to'), { indexed: true }),
      c('Name', text, L('Naam', 'Nom', 'Name', 'Name'), { indexed: true }),
      c('Email', text, L('E-mail', 'E-mail', 'E-Mail', 'E-mail')),
      c('Phone', text, L('Telefoon', 'Téléphone', 'Telefon', 'Phone')),
      c('Details', note, L('Details', 'Détails', 'Details', 'Details')),
      c('ValidUntil', date, L('Geldig tot', "Valable jusqu'au", 'Gültig bis', 'Valid until')),
      c(
        'ReviewDate',
        date,
        L('Jaarlijkse herziening', 'Révision annuelle', 'Jährliche Überprüfung', 'Yearly review'),
        {
          indexed: true,
        },
      ),
    ],
  },
  {
    name: 'Settings',
    template: 'genericList',
    title: L('Instellingen', 'Paramètres', 'Einstellungen', 'Settings'),
    since: 1,
    columns: [KEY, c('Value', note, L('Waarde', 'Valeur', 'Wert', 'Value'))],
  },
  {
    name: 'Leases',
    template: 'genericList',
    title: L('Vergrendelingen', 'Verrous', 'Sperren', 'Leases'),
    since: 2,
    columns: [
      { ...KEY, since: 2 },
      c('Holder', text, L('Houder', 'Détenteur', 'Inhaber', 'Holder'), { since: 2 }),
      c('ExpiresAt', instant, L('Vervalt op', 'Expire le', 'Läuft ab', 'Expires at'), {
        indexed: true,
        since: 2,
      }),
      // v3: the scheduler's write-ahead record of the cards it is about to send (docs/scheduler.md "Exactly once").
      c('Pending', note, L('Lopend', 'En cours', 'Laufend', 'Pending'), { since: 3 }),
    ],
  },
  {
    name: 'Stagemap',
    template: 'documentLibrary',
    title: L('Stagemap', 'Stagemap', 'Stagemap', 'Stagemap'),
    since: 1,
    columns: [
      INTERNSHIP_KEY,
      c(
        'DocumentType',
        choice(DOCUMENT_KEYS),
        L('Documenttype', 'Type de document', 'Dokumenttyp', 'Document type'),
        {
          indexed: true,
        },
      ),
      // v3: on a final work, the path of its published copy in FinalWorks (`<folder>/<file>`); empty while a draft.
      c('PublishedAs', text, L('Gepubliceerd als', 'Publié sous', 'Veröffentlicht als', 'Published as'), {
        since: 3,
      }),
    ],
  },
  {
    name: 'Stagemap-Confidential',
    template: 'documentLibrary',
    title: L(
      'Stagemap vertrouwelijk',
      'Stagemap confidentiel',
      'Stagemap vertraulich',
      'Stagemap confidential',
    ),
    coordinatorsOnly: true,
    since: 1,
    columns: [
      INTERNSHIP_KEY,
      c(
        'DocumentType',
        choice(DOCUMENT_KEYS),
        L('Documenttype', 'Type de document', 'Dokumenttyp', 'Document type'),
        {
          indexed: true,
        },
      ),
    ],
  },
  {
    name: 'FinalWorks',
    template: 'documentLibrary',
    title: L('Eindwerken', 'Travaux de fin', 'Abschlussarbeiten', 'Final works'),
    since: 1,
    columns: [
      INTERNSHIP_KEY,
      c('Published', bool, L('Gepubliceerd', 'Publié', 'Veröffentlicht', 'Published'), { indexed: true }),
    ],
  },
  {
    // The bot's conversation reference per user (proactive 1:1 sends), written by the bot runtime on
    // installationUpdate/conversationUpdate and by the scheduler after installing the app through Graph.
    name: 'Conversations',
    template: 'genericList',
    title: L('Gesprekken', 'Conversations', 'Unterhaltungen', 'Conversations'),
    since: 2,
    columns: [
      { ...KEY, since: 2 },
      c('UserOid', text, L('Gebruiker', 'Utilisateur', 'Benutzer', 'User'), {
        indexed: true,
        since: 2,
      }),
      c('ConversationId', text, L('Gesprek', 'Conversation', 'Unterhaltung', 'Conversation'), {
        since: 2,
      }),
      c('ServiceUrl', text, L('Service-URL', 'URL du service', 'Dienst-URL', 'Service URL'), {
        since: 2,
      }),
      c('TenantId', text, L('Tenant', 'Tenant', 'Mandant', 'Tenant'), { since: 2 }),
      c('Installed', bool, L('Geïnstalleerd', 'Installé', 'Installiert', 'Installed'), {
        since: 2,
      }),
      // The coordinator digest of the day (JSON {date, marker, activityId?}): its send is exactly-once too.
      c('DigestLog', note, L('Overzichtslog', 'Journal des synthèses', 'Übersichtsprotokoll', 'Digest log'), {
        since: 2,
      }),
    ],
  },
];

/** The schema as it was at `version`: lists and columns introduced later are left out (upgrade tests, rollouts). */
export function schemaAt(version: number): ListSchema[] {
  return LISTS.filter((l) => l.since <= version).map((l) => ({
    ...l,
    columns: l.columns.filter((col) => col.since <= version),
  }));
}

export function listSchema(name: string): ListSchema {
  const l = LISTS.find((x) => x.name === name);
  if (!l) throw new RangeError(`no list ${name} in the schema`);
  return l;
}

/** Graph's columnDefinition for a column, with the display name in the organisation's language. */
export function columnDefinition(col: ColumnSchema, locale: Locale): Record<string, unknown> {
  const def: Record<string, unknown> = {
    name: col.name,
    displayName: col.title[locale],
    indexed: col.indexed === true || col.unique === true,
    ...(col.unique ? { enforceUniqueValues: true } : {}),
    ...(col.required ? { required: true } : {}),
  };
  const k = col.kind;
  switch (k.type) {
    case 'text':
      def.text = { allowMultipleLines: false, maxLength: k.maxLength ?? 255 };
      break;
    case 'note':
      def.text = { allowMultipleLines: true, linesForEditing: 6, maxLength: 63999 };
      break;
    case 'number':
      def.number = { decimalPlaces: k.decimals === undefined ? 'automatic' : String(k.decimals) };
      break;
    case 'boolean':
      def.boolean = {};
      break;
    case 'dateTime':
      def.dateTime = { format: k.dateOnly ? 'dateOnly' : 'dateTime', displayAs: 'standard' };
      break;
    case 'choice':
      def.choice = { choices: [...k.choices], allowTextEntry: false, displayAs: 'dropDownMenu' };
      break;
    case 'person':
      def.personOrGroup = {
        allowMultipleSelection: false,
        chooseFromType: 'peopleOnly',
        displayAs: 'nameWithPresence',
      };
      break;
  }
  return def;
}

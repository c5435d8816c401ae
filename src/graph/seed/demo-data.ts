import type { LocalizedText } from '../../domain/i18n';

/**
 * The fictional demo organisation: a federal public service with its services, the schools it works with and the
 * names of students who are not (yet) in the directory. People who ARE in the directory (coordinators, heads,
 * mentors, back-ups, some interns) are read from Graph `/users` and recognised by job title and department, as an
 * administrator would configure them in a real tenant.
 */

export const ORGANISATION_NAME: LocalizedText = {
  nl: 'FOD Mobiliteit en Vervoer',
  fr: 'SPF Mobilité et Transports',
  de: 'FÖD Mobilität und Transportwesen',
  en: 'FPS Mobility and Transport',
};

export interface DemoService {
  key: string;
  name: LocalizedText;
  /** Recognises the department attribute of directory users of this service (any language). */
  department: RegExp;
  topics: string[];
}

export const SERVICES: readonly DemoService[] = [
  {
    key: 'HR',
    name: { nl: 'Stafdienst P&O', fr: 'Service P&O', de: 'Stabsdienst P&O', en: 'Human Resources' },
    department: /personeel|personnel|personal|human/i,
    topics: ['Onboarding van nieuwe medewerkers', 'Analyse du bien-être au travail', 'Employer branding'],
  },
  {
    key: 'ICT',
    name: { nl: 'Stafdienst ICT', fr: 'Service ICT', de: 'Stabsdienst IKT', en: 'ICT' },
    department: /\bict\b|\bikt\b/i,
    topics: [
      'Migratie naar SharePoint Online',
      'Dashboard verkeersveiligheid in Power BI',
      'Automatisation des tests API',
      'Toegankelijkheidsaudit van webformulieren',
    ],
  },
  {
    key: 'Communicatie',
    name: {
      nl: 'Dienst Communicatie',
      fr: 'Service Communication',
      de: 'Dienst Kommunikation',
      en: 'Communication',
    },
    department: /communic|kommunik/i,
    topics: ['Campagne veilig fietsen', 'Stratégie réseaux sociaux', 'Leichte Sprache auf der Website'],
  },
  {
    key: 'Juridische dienst',
    name: { nl: 'Juridische dienst', fr: 'Service juridique', de: 'Rechtsdienst', en: 'Legal Service' },
    department: /juridi|rechts|legal/i,
    topics: [
      'Omzetting EU-richtlijn rijbewijzen',
      'Analyse de la jurisprudence en matière de permis',
      'GDPR-register',
    ],
  },
  {
    key: 'Budget',
    name: {
      nl: 'Budget en Beheerscontrole',
      fr: 'Budget et Contrôle de gestion',
      de: 'Haushalt',
      en: 'Budget',
    },
    department: /budget|haushalt/i,
    topics: ['Kostenanalyse dienstwagens', 'Tableau de bord budgétaire', 'Procesanalyse facturatie'],
  },
  {
    key: 'Logistiek',
    name: { nl: 'Logistiek', fr: 'Logistique', de: 'Logistik', en: 'Facilities' },
    department: /logisti|facilit/i,
    topics: ['Duurzaam mobiliteitsplan voor het personeel', 'Inventaire du mobilier'],
  },
];

export interface DemoSchool {
  key: string;
  name: string;
  domain: string;
  programmes: string[];
  contact: { name: string; phone: string };
}

export const SCHOOLS: readonly DemoSchool[] = [
  {
    key: 'kuleuven',
    name: 'KU Leuven',
    domain: 'kuleuven.be',
    programmes: ['Master Rechten', 'Master Informatica', 'Master Communicatiewetenschappen'],
    contact: { name: 'Prof. Hilde Peeters', phone: '+32 16 32 00 00' },
  },
  {
    key: 'ugent',
    name: 'Universiteit Gent',
    domain: 'ugent.be',
    programmes: ['Master Bestuurskunde', 'Master Economie'],
    contact: { name: 'Dr. Wim De Clercq', phone: '+32 9 264 00 00' },
  },
  {
    key: 'uclouvain',
    name: 'UCLouvain',
    domain: 'uclouvain.be',
    programmes: ['Master en droit', 'Master en sciences de gestion'],
    contact: { name: 'Pr Anne Collard', phone: '+32 10 47 00 00' },
  },
  {
    key: 'ulb',
    name: 'Université libre de Bruxelles',
    domain: 'ulb.be',
    programmes: ['Master en sciences politiques', 'Master en informatique'],
    contact: { name: 'Pr Karim Benali', phone: '+32 2 650 00 00' },
  },
  {
    key: 'helmo',
    name: 'HELMo',
    domain: 'helmo.be',
    programmes: ['Bachelier en informatique de gestion', 'Bachelier assistant de direction'],
    contact: { name: 'Mme Sarah Lambotte', phone: '+32 4 220 00 00' },
  },
  {
    key: 'odisee',
    name: 'Odisee',
    domain: 'odisee.be',
    programmes: ['Bachelor Office Management', 'Bachelor Bedrijfsmanagement'],
    contact: { name: 'Mevr. Ilse Verhoeven', phone: '+32 2 210 00 00' },
  },
  {
    key: 'ahs',
    name: 'Autonome Hochschule Ostbelgien',
    domain: 'ahs-ostbelgien.be',
    programmes: ['Bachelor Buchhaltung', 'Bachelor Bildungswissenschaften'],
    contact: { name: 'Frau Petra Mockel', phone: '+32 87 59 00 00' },
  },
  {
    key: 'thomasmore',
    name: 'Thomas More',
    domain: 'thomasmore.be',
    programmes: ['Bachelor Toegepaste Informatica', 'Bachelor Communicatie'],
    contact: { name: 'Dhr. Tom Segers', phone: '+32 15 31 00 00' },
  },
  {
    key: 'vinci',
    name: 'Haute École Léonard de Vinci',
    domain: 'vinci.be',
    programmes: ['Bachelier en communication', 'Bachelier en droit'],
    contact: { name: 'M. Pierre Hanssens', phone: '+32 2 793 00 00' },
  },
];

/** Students who are not in the directory yet (a request or a decision precedes their account). */
export const STUDENT_GIVEN = [
  'Amber',
  'Milan',
  'Zoë',
  'Rayan',
  'Manon',
  'Jules',
  'Ines',
  'Victor',
  'Sara',
  'Hugo',
  'Lina',
  'Elias',
  'Noah',
  'Camille',
  'Nina',
  'Mathis',
  'Eline',
  'Adam',
  'Léa',
  'Jonas',
  'Anouk',
  'Matteo',
  'Chloé',
  'Finn',
  'Maëlle',
  'Lukas',
  'Hanne',
  'Aylin',
  'Robbe',
  'Clara',
];
export const STUDENT_FAMILY = [
  'Peeters',
  'Dubois',
  'Claes',
  'Lambert',
  'Goossens',
  'Dupont',
  'Wuyts',
  'Martin',
  'Mertens',
  'Simon',
  'Willems',
  'Laurent',
  'Maes',
  'Leroy',
  'Jacobs',
  'Mathieu',
  "D'Hondt",
  'Van de Velde',
  'Schmitz',
  'Kessler',
  'Bogaert',
  'Renard',
  'El Idrissi',
  'Nguyen',
  'Öztürk',
  'Lemmens',
  'Cornelis',
  'Marchal',
  'Hoffmann',
  'De Backer',
];

export const STOP_REASONS: Record<'intern' | 'school' | 'organisation' | 'mentor', string> = {
  intern: 'De stagiair heeft een job gevonden en stopt de stage.',
  school: "L'école a mis fin au stage (réorientation de l'étudiant).",
  organisation: 'Herstructurering van de dienst: geen begeleiding meer mogelijk.',
  mentor: 'Onvoldoende engagement na twee gesprekken met de school.',
};

export const FEEDBACK_NOTES = [
  'Goede analyse, werk de conclusies nog concreter uit.',
  'Très bonne présentation devant l’équipe ; attention au timing.',
  'Sehr selbstständig gearbeitet, Dokumentation ergänzen.',
  'Neemt initiatief; vraag sneller hulp bij blokkades.',
  'Rapport clair, les sources juridiques sont bien citées.',
];

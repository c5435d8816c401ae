import type { EmulatorContext } from './context';
import { upsertUser, type DirectoryUser } from './identity/directory-store';
import {
  defaultMailboxSettings,
  ensureMailboxTables,
  getStoredMailboxSettings,
  saveMailboxSettings,
} from './mail/mailbox-store';

/** Role of a demo user in the internship policy (BRIEF "Who uses it"); other modules seed data from it. */
export type DemoRole = 'coordinator' | 'serviceHead' | 'mentor' | 'backup' | 'intern' | 'staff';

export interface DemoUser extends DirectoryUser {
  role: DemoRole;
  /** Locale of the mailbox (mailboxSettings.language.locale), what the bot writes cards and mail in. */
  mailboxLanguage: string;
}

type Lang = 'nl-BE' | 'fr-BE' | 'de-BE' | 'en-GB';

/** Services of the (fictional) federal public service, in the three national languages and English. */
const DEPARTMENTS: Record<string, Record<Lang, string>> = {
  hr: {
    'nl-BE': 'Stafdienst Personeel en Organisatie',
    'fr-BE': 'Service d’encadrement Personnel et Organisation',
    'de-BE': 'Stabsdienst Personal und Organisation',
    'en-GB': 'Human Resources',
  },
  ict: {
    'nl-BE': 'Stafdienst ICT',
    'fr-BE': 'Service d’encadrement ICT',
    'de-BE': 'Stabsdienst IKT',
    'en-GB': 'ICT',
  },
  legal: {
    'nl-BE': 'Juridische Dienst',
    'fr-BE': 'Service juridique',
    'de-BE': 'Rechtsdienst',
    'en-GB': 'Legal Service',
  },
  comms: {
    'nl-BE': 'Dienst Communicatie',
    'fr-BE': 'Service Communication',
    'de-BE': 'Dienst Kommunikation',
    'en-GB': 'Communication',
  },
  finance: {
    'nl-BE': 'Stafdienst Budget en Beheerscontrole',
    'fr-BE': 'Service d’encadrement Budget et Contrôle de la gestion',
    'de-BE': 'Stabsdienst Haushalt und Verwaltungskontrolle',
    'en-GB': 'Budget and Management Control',
  },
  facility: {
    'nl-BE': 'Logistiek',
    'fr-BE': 'Logistique',
    'de-BE': 'Logistik',
    'en-GB': 'Facilities',
  },
};

const TITLES: Record<DemoRole, Record<Lang, string>> = {
  coordinator: {
    'nl-BE': 'Stagecoördinator',
    'fr-BE': 'Coordinatrice des stages',
    'de-BE': 'Praktikumskoordinator',
    'en-GB': 'Internship coordinator',
  },
  serviceHead: {
    'nl-BE': 'Diensthoofd',
    'fr-BE': 'Chef de service',
    'de-BE': 'Dienstleiter',
    'en-GB': 'Head of service',
  },
  mentor: { 'nl-BE': 'Adviseur', 'fr-BE': 'Conseiller', 'de-BE': 'Berater', 'en-GB': 'Adviser' },
  backup: { 'nl-BE': 'Attaché', 'fr-BE': 'Attaché', 'de-BE': 'Attaché', 'en-GB': 'Attaché' },
  intern: { 'nl-BE': 'Stagiair', 'fr-BE': 'Stagiaire', 'de-BE': 'Praktikant', 'en-GB': 'Intern' },
  staff: {
    'nl-BE': 'Administratief medewerker',
    'fr-BE': 'Collaboratrice administrative',
    'de-BE': 'Verwaltungsmitarbeiter',
    'en-GB': 'ICT consultant',
  },
};

// [given name, surname, language, role, department]; the UPN is derived (ASCII, no spaces or apostrophes).
const PEOPLE: [string, string, Lang, DemoRole, keyof typeof DEPARTMENTS][] = [
  ['Els', 'Verstraeten', 'nl-BE', 'coordinator', 'hr'],
  ['Sophie', 'Dubois', 'fr-BE', 'coordinator', 'hr'],
  ['Koen', 'Janssens', 'nl-BE', 'serviceHead', 'ict'],
  ['Isabelle', 'Lambert', 'fr-BE', 'serviceHead', 'legal'],
  ['Thomas', 'Schmitz', 'de-BE', 'serviceHead', 'comms'],
  ['Marc', 'Wouters', 'nl-BE', 'serviceHead', 'finance'],
  ['Pieter', 'Claes', 'nl-BE', 'mentor', 'ict'],
  ['Nathalie', 'Renard', 'fr-BE', 'mentor', 'ict'],
  ['Jan', 'De Smet', 'nl-BE', 'mentor', 'legal'],
  ['Julie', 'Lejeune', 'fr-BE', 'mentor', 'legal'],
  ['Anna', 'Kessler', 'de-BE', 'mentor', 'comms'],
  ['Bart', 'Goossens', 'nl-BE', 'mentor', 'comms'],
  ['Caroline', 'Martin', 'fr-BE', 'mentor', 'finance'],
  ['Stijn', 'Maes', 'nl-BE', 'mentor', 'finance'],
  ['Lotte', 'Vermeulen', 'nl-BE', 'backup', 'ict'],
  ['Olivier', 'Dupont', 'fr-BE', 'backup', 'ict'],
  ['Hanne', 'Jacobs', 'nl-BE', 'backup', 'legal'],
  ['Maximilian', 'Heinen', 'de-BE', 'backup', 'comms'],
  ['Céline', 'Lemaire', 'fr-BE', 'backup', 'finance'],
  ['Ruben', 'Willems', 'nl-BE', 'backup', 'comms'],
  ['Noor', 'Van den Broeck', 'nl-BE', 'intern', 'ict'],
  ['Lucas', 'Dumont', 'fr-BE', 'intern', 'ict'],
  ['Emma', 'Thissen', 'de-BE', 'intern', 'comms'],
  ['Arthur', 'Leclercq', 'fr-BE', 'intern', 'legal'],
  ['Fien', 'Hermans', 'nl-BE', 'intern', 'legal'],
  ['Louise', 'Gérard', 'fr-BE', 'intern', 'finance'],
  ['Wout', 'Van Damme', 'nl-BE', 'intern', 'finance'],
  ['Lena', 'Cremer', 'de-BE', 'intern', 'comms'],
  ['Yasmine', 'El Amrani', 'fr-BE', 'intern', 'ict'],
  ['Grace', "O'Connor", 'en-GB', 'intern', 'comms'],
  ['Dirk', 'Van Acker', 'nl-BE', 'staff', 'facility'],
  ['Chantal', 'Noël', 'fr-BE', 'staff', 'hr'],
  ['Greta', 'Margraff', 'de-BE', 'staff', 'facility'],
  ['James', 'Whitfield', 'en-GB', 'staff', 'ict'],
];

const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Stable ids: the same demo user has the same object id on every machine and after every reset. */
const demoId = (n: number) => `5e3d0000-0000-4000-8000-${String(n + 1).padStart(12, '0')}`;

export const DEMO_USERS: readonly DemoUser[] = PEOPLE.map(([given, surname, lang, role, dept], i) => {
  const upn = `${ascii(given)}.${ascii(surname)}@stagemap.local`;
  return {
    id: demoId(i),
    userPrincipalName: upn,
    displayName: `${given} ${surname}`,
    givenName: given,
    surname,
    mail: upn,
    jobTitle: TITLES[role][lang],
    department: DEPARTMENTS[dept]![lang],
    officeLocation: `Brussel – ${3 + (i % 6)}.${String(10 + i).padStart(2, '0')}`,
    preferredLanguage: lang,
    mobilePhone: null,
    businessPhones: [`+32 2 555 ${String(100 + i).padStart(4, '0')}`],
    accountEnabled: true,
    companyName: 'FOD Stagemap / SPF Stagemap',
    usageLocation: 'BE',
    role,
    mailboxLanguage: lang,
  };
});

/** Writes the demo organisation's users and mailbox languages (idempotent; keeps changed mailbox settings). */
export function loadDemoDirectory(ctx: EmulatorContext): void {
  ensureMailboxTables(ctx.db);
  ctx.db.transaction(() => {
    for (const u of DEMO_USERS) {
      const { role: _role, mailboxLanguage, ...user } = u;
      upsertUser(ctx.db, user);
      if (!getStoredMailboxSettings(ctx.db, u.id))
        saveMailboxSettings(ctx.db, u.id, defaultMailboxSettings(mailboxLanguage, ctx.now()));
    }
  })();
}

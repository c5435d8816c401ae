import type { Locale } from '../../domain/i18n';

/** The tab's own UI strings (domain texts — phases, checklists, questions — come from src/domain). */
export const MESSAGES = {
  en: {
    nav: {
      home: 'Home',
      overview: 'Who interns where',
      switchUser: 'Sign in as another user',
      signedInAs: 'Signed in as {{name}}',
    },
    app: { name: 'Stagemap', tagline: 'Student internships, the federal toolbox way' },
    shell: {
      consentMissing:
        'Stagemap may not sign you in yet: your Microsoft 365 administrator must first grant consent to the app.',
      language: 'Language',
      theme: 'Theme',
      themeLight: 'Light',
      themeDark: 'Dark',
      themeContrast: 'High contrast',
      loading: 'Loading…',
      skipToContent: 'Skip to content',
      mainNavigation: 'Main navigation',
    },
  },
  nl: {
    nav: {
      home: 'Start',
      overview: 'Wie loopt waar stage',
      switchUser: 'Aanmelden als andere gebruiker',
      signedInAs: 'Aangemeld als {{name}}',
    },
    app: { name: 'Stagemap', tagline: 'Studentenstages volgens de federale toolbox' },
    shell: {
      consentMissing:
        'Stagemap kan u nog niet aanmelden: uw Microsoft 365-beheerder moet de app eerst toestemming geven.',
      language: 'Taal',
      theme: 'Thema',
      themeLight: 'Licht',
      themeDark: 'Donker',
      themeContrast: 'Hoog contrast',
      loading: 'Laden…',
      skipToContent: 'Naar de inhoud',
      mainNavigation: 'Hoofdnavigatie',
    },
  },
  fr: {
    nav: {
      home: 'Accueil',
      overview: 'Qui fait un stage où',
      switchUser: 'Se connecter avec un autre compte',
      signedInAs: 'Connecté en tant que {{name}}',
    },
    app: { name: 'Stagemap', tagline: "Les stages d'étudiants selon la boîte à outils fédérale" },
    shell: {
      consentMissing:
        "Stagemap ne peut pas encore vous connecter : votre administrateur Microsoft 365 doit d'abord donner son consentement à l'application.",
      language: 'Langue',
      theme: 'Thème',
      themeLight: 'Clair',
      themeDark: 'Sombre',
      themeContrast: 'Contraste élevé',
      loading: 'Chargement…',
      skipToContent: 'Aller au contenu',
      mainNavigation: 'Navigation principale',
    },
  },
  de: {
    nav: {
      home: 'Start',
      overview: 'Wer macht wo ein Praktikum',
      switchUser: 'Als anderer Benutzer anmelden',
      signedInAs: 'Angemeldet als {{name}}',
    },
    app: { name: 'Stagemap', tagline: 'Studentenpraktika nach der föderalen Toolbox' },
    shell: {
      consentMissing:
        'Stagemap kann Sie noch nicht anmelden: Ihr Microsoft 365-Administrator muss der App zuerst seine Zustimmung erteilen.',
      language: 'Sprache',
      theme: 'Design',
      themeLight: 'Hell',
      themeDark: 'Dunkel',
      themeContrast: 'Hoher Kontrast',
      loading: 'Wird geladen…',
      skipToContent: 'Zum Inhalt springen',
      mainNavigation: 'Hauptnavigation',
    },
  },
} as const satisfies Record<Locale, unknown>;

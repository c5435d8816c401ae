import type { Locale } from '../../domain/i18n';
import type { FIRST_SCREEN_NAMESPACES } from './first-screen';

type Messages = Record<Locale, object>;
type FirstScreen = typeof FIRST_SCREEN_NAMESPACES;
/** Texts of several namespaces in one language, by namespace. */
type Texts = Record<string, object>;

// first-screen.ts with the texts of one language (see there). English is bundled: it is the fallback of the other
// languages, so i18next needs it whatever the user's language. Another language is one small chunk.
const ENGLISH = Object.values(
  import.meta.glob<FirstScreen>('./first-screen.ts', {
    query: { locale: 'en' },
    import: 'FIRST_SCREEN_NAMESPACES',
    eager: true,
  }),
)[0]!;
const OTHER: Record<Exclude<Locale, 'en'>, Record<string, () => Promise<FirstScreen>>> = {
  nl: import.meta.glob<FirstScreen>('./first-screen.ts', {
    query: { locale: 'nl' },
    import: 'FIRST_SCREEN_NAMESPACES',
  }),
  fr: import.meta.glob<FirstScreen>('./first-screen.ts', {
    query: { locale: 'fr' },
    import: 'FIRST_SCREEN_NAMESPACES',
  }),
  de: import.meta.glob<FirstScreen>('./first-screen.ts', {
    query: { locale: 'de' },
    import: 'FIRST_SCREEN_NAMESPACES',
  }),
};

/** Namespaces bundled with the first screen (not loaded by feature). */
export const FIRST_SCREEN_NAMESPACE_NAMES: readonly string[] = Object.keys(ENGLISH);

/** The first screen's texts in one language: at once for English, else from that language's chunk. */
export async function firstScreenTexts(locale: Locale): Promise<Texts> {
  const namespaces = locale === 'en' ? ENGLISH : await Object.values(OTHER[locale])[0]!();
  return Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, (m as Messages)[locale]]));
}

/**
 * The other features' texts load with the feature (a separate chunk), so the first screen does not carry every
 * screen's texts in four languages. `namespaces.test.ts` checks this list against NAMESPACES.
 */
export const LAZY_NAMESPACES: Record<string, () => Promise<Messages>> = {
  configure: () => import('../features/configure/messages').then((m) => m.CONFIGURE_MESSAGES),
  overview: () => import('../features/overview/messages').then((m) => m.OVERVIEW_MESSAGES),
  folder: () => import('../features/folder/messages').then((m) => m.FOLDER_MESSAGES),
  evaluations: () => import('../features/evaluations/messages').then((m) => m.EVALUATION_MESSAGES),
  journal: () => import('../features/journal/messages').then((m) => m.JOURNAL_MESSAGES),
  workflow: () => import('../features/workflow/messages').then((m) => m.WORKFLOW_MESSAGES),
  needs: () => import('../features/needs/messages').then((m) => m.NEEDS_MESSAGES),
  applications: () => import('../features/applications/messages').then((m) => m.APPLICATION_MESSAGES),
  partners: () => import('../features/partners/messages').then((m) => m.PARTNER_MESSAGES),
  policy: () => import('../features/policy/messages').then((m) => m.POLICY_MESSAGES),
  reports: () => import('../features/reports/messages').then((m) => m.REPORT_MESSAGES),
};

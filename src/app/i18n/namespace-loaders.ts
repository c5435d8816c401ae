import type { Locale } from '../../domain/i18n';
import { MESSAGES } from './messages';
import { CONFIGURE_MESSAGES } from '../features/configure/messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { INTERNSHIP_MESSAGES } from '../features/internships/messages';
import { OVERVIEW_MESSAGES } from '../features/overview/messages';

type Messages = Record<Locale, object>;

/** Namespaces the first screen needs: bundled with the app. */
export const EAGER_NAMESPACES: Record<string, Messages> = {
  common: MESSAGES,
  configure: CONFIGURE_MESSAGES,
  home: HOME_MESSAGES,
  internships: INTERNSHIP_MESSAGES,
  overview: OVERVIEW_MESSAGES,
};

/**
 * The other features' texts load with the feature (a separate chunk), so the first screen does not carry every
 * screen's texts in four languages. `namespaces.test.ts` checks this list against NAMESPACES.
 */
export const LAZY_NAMESPACES: Record<string, () => Promise<Messages>> = {
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

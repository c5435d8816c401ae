import type { Locale } from '../../domain/i18n';
import { MESSAGES } from './messages';
import { CONFIGURE_MESSAGES } from '../features/configure/messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { APPLICATION_MESSAGES } from '../features/applications/messages';
import { NEEDS_MESSAGES } from '../features/needs/messages';
import { EVALUATION_MESSAGES } from '../features/evaluations/messages';
import { FOLDER_MESSAGES } from '../features/folder/messages';
import { INTERNSHIP_MESSAGES } from '../features/internships/messages';
import { JOURNAL_MESSAGES } from '../features/journal/messages';
import { OVERVIEW_MESSAGES } from '../features/overview/messages';
import { PARTNER_MESSAGES } from '../features/partners/messages';
import { POLICY_MESSAGES } from '../features/policy/messages';
import { REPORT_MESSAGES } from '../features/reports/messages';
import { WORKFLOW_MESSAGES } from '../features/workflow/messages';

/**
 * Every i18next namespace of the tab: `common` (shell) plus one per feature, each feature owning its own
 * messages file. A feature is added here with one line; `namespaces.test.ts` checks all four languages.
 */
export const NAMESPACES = {
  common: MESSAGES,
  configure: CONFIGURE_MESSAGES,
  home: HOME_MESSAGES,
  internships: INTERNSHIP_MESSAGES,
  overview: OVERVIEW_MESSAGES,
  folder: FOLDER_MESSAGES,
  evaluations: EVALUATION_MESSAGES,
  journal: JOURNAL_MESSAGES,
  workflow: WORKFLOW_MESSAGES,
  needs: NEEDS_MESSAGES,
  applications: APPLICATION_MESSAGES,
  partners: PARTNER_MESSAGES,
  policy: POLICY_MESSAGES,
  reports: REPORT_MESSAGES,
} as const satisfies Record<string, Record<Locale, unknown>>;

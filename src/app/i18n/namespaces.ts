import type { Locale } from '../../domain/i18n';
import { MESSAGES } from './messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { INTERNSHIP_MESSAGES } from '../features/internships/messages';
import { OVERVIEW_MESSAGES } from '../features/overview/messages';

/**
 * Every i18next namespace of the tab: `common` (shell) plus one per feature, each feature owning its own
 * messages file. A feature is added here with one line; `namespaces.test.ts` checks all four languages.
 */
export const NAMESPACES = {
  common: MESSAGES,
  home: HOME_MESSAGES,
  internships: INTERNSHIP_MESSAGES,
  overview: OVERVIEW_MESSAGES,
} as const satisfies Record<string, Record<Locale, unknown>>;

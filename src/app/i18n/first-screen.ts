import { MESSAGES } from './messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { INTERNSHIP_MESSAGES } from '../features/internships/messages';

/**
 * The namespaces the first screen needs: `common` (the shell and the navigation's labels), the home screen, its
 * internship list (the coordinator's charts load theirs with them). namespace-loaders.ts imports this module once per
 * language (`?locale=…`): the build then keeps only that language of each (vite.config.ts, messagesInOneLanguage).
 */
export const FIRST_SCREEN_NAMESPACES = {
  common: MESSAGES,
  home: HOME_MESSAGES,
  internships: INTERNSHIP_MESSAGES,
};

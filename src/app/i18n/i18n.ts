import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/i18n';
import { MESSAGES } from './messages';

/** One i18next instance for the tab; the locale comes from Teams (or the browser outside Teams). */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    resources: Object.fromEntries(Object.entries(MESSAGES).map(([l, m]) => [l, { translation: m }])),
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

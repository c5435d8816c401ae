import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/i18n';
import { NAMESPACES } from './namespaces';

/** One i18next instance for the tab; the locale comes from Teams (or the browser outside Teams). */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    LOCALES.map((l) => [l, Object.fromEntries(Object.entries(NAMESPACES).map(([ns, m]) => [ns, m[l]]))]),
  );
  await instance.use(initReactI18next).init({
    lng: locale,
    fallbackLng: 'en',
    ns: Object.keys(NAMESPACES),
    defaultNS: 'common',
    resources,
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

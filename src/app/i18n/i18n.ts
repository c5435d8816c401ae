import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../domain/i18n';
import { EAGER_NAMESPACES, LAZY_NAMESPACES } from './namespace-loaders';

/** Loads a feature's namespace on first use (react-i18next suspends until it is there). */
const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = LAZY_NAMESPACES[namespace];
    if (!load) return callback(null, {});
    load().then(
      (m) => callback(null, (m as Record<string, object>)[language] ?? m.en),
      (e: unknown) => callback(e as Error, null),
    );
  },
};

/** One i18next instance for the tab; the locale comes from Teams (or the browser outside Teams). */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  const resources = Object.fromEntries(
    LOCALES.map((l) => [
      l,
      Object.fromEntries(Object.entries(EAGER_NAMESPACES).map(([ns, m]) => [ns, m[l]])),
    ]),
  );
  await instance
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: 'en',
      ns: Object.keys(EAGER_NAMESPACES),
      defaultNS: 'common',
      resources,
      partialBundledLanguages: true,
      // React escapes what it renders; i18next must not escape a second time.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}

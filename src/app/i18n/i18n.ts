import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../domain/i18n';
import { FIRST_SCREEN_NAMESPACE_NAMES, firstScreenTexts, LAZY_NAMESPACES } from './namespace-loaders';

/**
 * Loads what is not there yet: a feature's namespace on first use (react-i18next suspends until it is there), or
 * the first screen's texts in a language the user switches to.
 */
const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const lng = language as Locale;
    const load = FIRST_SCREEN_NAMESPACE_NAMES.includes(namespace)
      ? () => firstScreenTexts(lng).then((texts) => texts[namespace] ?? {})
      : LAZY_NAMESPACES[namespace] && (() => LAZY_NAMESPACES[namespace]!().then((m) => m[lng] ?? m.en));
    if (!load) return callback(null, {});
    load().then(
      (texts) => callback(null, texts),
      (e: unknown) => callback(e as Error, null),
    );
  },
};

/** One i18next instance for the tab; the locale comes from Teams (or the browser outside Teams). */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = i18next.createInstance();
  // English always: it is the fallback of the other languages.
  const languages: Locale[] = locale === 'en' ? ['en'] : [locale, 'en'];
  const texts = await Promise.all(languages.map((l) => firstScreenTexts(l)));
  await instance
    .use(lazyBackend)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: 'en',
      ns: [...FIRST_SCREEN_NAMESPACE_NAMES],
      defaultNS: 'common',
      resources: Object.fromEntries(languages.map((l, i) => [l, texts[i]!])),
      partialBundledLanguages: true,
      // React escapes what it renders; i18next must not escape a second time.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  return instance;
}

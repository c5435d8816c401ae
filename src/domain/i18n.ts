/** The four languages of Stagemap. Belgian federal staff work in Dutch, French and German; English for others. */
export const LOCALES = ['nl', 'fr', 'de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text that exists in every language. Domain texts are always complete: a test enforces it. */
export type LocalizedText = Readonly<Record<Locale, string>>;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** Picks the best supported locale from a BCP-47 tag such as "fr-BE" or "de"; English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(base) ? base : 'en';
}

export const t = (text: LocalizedText, locale: Locale): string => text[locale];

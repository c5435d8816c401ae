import { isLocale, type Locale } from '../../domain/i18n';

/**
 * The caller's language: an explicit `lang` (the tab sends the Teams locale) wins over Accept-Language; English
 * when nothing matches. Only nl, fr, de and en exist.
 */
export function negotiateLocale(explicit: string | undefined, acceptLanguage: string | undefined): Locale {
  const first = explicit?.toLowerCase().split(/[-_]/)[0];
  if (isLocale(first)) return first;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { base: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return (ranked.find((x) => isLocale(x.base))?.base as Locale | undefined) ?? 'en';
}

import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './locale';

describe('negotiateLocale', () => {
  it('prefers the explicit Teams locale', () =>
    expect(negotiateLocale('fr-BE', 'nl-BE,nl;q=0.9')).toBe('fr'));
  it('then Accept-Language by weight', () => {
    expect(negotiateLocale(undefined, 'es;q=1, de-BE;q=0.8, nl;q=0.9')).toBe('nl');
    expect(negotiateLocale(undefined, 'de-DE')).toBe('de');
  });
  it('falls back to English', () => {
    expect(negotiateLocale('xx', 'es, it;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, undefined)).toBe('en');
  });
});

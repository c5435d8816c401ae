import { describe, expect, it } from 'vitest';
import { teamsCardLinks, teamsDeepLink } from './links';

describe('teamsDeepLink', () => {
  it('builds the entity deep link with an encoded context', () => {
    expect(teamsDeepLink('app-1', 'home', 'i-1')).toBe(
      'https://teams.microsoft.com/l/entity/app-1/home?context=%7B%22subEntityId%22%3A%22i-1%22%7D',
    );
  });

  it('round-trips ids with characters that would break the URL or the JSON', () => {
    const id = 'i 1&x="#?/';
    const url = new URL(teamsDeepLink('6f1c2d3e-4b5a', 'home', id));
    expect(url.searchParams.size).toBe(1);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: id });
    expect(url.pathname).toBe('/l/entity/6f1c2d3e-4b5a/home');
  });

  it('refuses an empty app id and links the overview without context', () => {
    expect(() => teamsDeepLink('', 'home', 'x')).toThrow(RangeError);
    expect(teamsCardLinks('app').overview()).toBe('https://teams.microsoft.com/l/entity/app/home');
    expect(teamsCardLinks('app').internship('i-9')).toContain('%22i-9%22');
  });
});

import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, isIdempotent, nextDelay, parseRetryAfter } from './retry-policy';

const NOW = Date.parse('2026-11-26T08:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('3', NOW)).toBe(3000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
  });
  it('reads an HTTP date relative to the injected clock; a past date means now', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 08:00:07 GMT', NOW)).toBe(7000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 07:59:00 GMT', NOW)).toBe(0);
  });
  it('ignores absent or garbage values', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});

describe('backoff', () => {
  const p = { baseDelayMs: 500, maxDelayMs: 4000 };
  it('grows exponentially under full jitter and is capped', () => {
    expect(backoffDelay(1, { ...p, random: () => 0.999 })).toBe(499);
    expect(backoffDelay(3, { ...p, random: () => 0.5 })).toBe(1000);
    expect(backoffDelay(10, { ...p, random: () => 0.999 })).toBe(3996);
    expect(backoffDelay(2, { ...p, random: () => 0 })).toBe(0);
  });

  it('prefers Retry-After, stops at maxAttempts and beyond maxRetryAfterMs', () => {
    const policy = defaultRetryPolicy({ maxAttempts: 3, maxRetryAfterMs: 10_000, random: () => 0.5 });
    expect(nextDelay(1, 2000, policy)).toBe(2000);
    expect(nextDelay(1, undefined, policy)).toBe(250);
    expect(nextDelay(2, undefined, policy)).toBe(500);
    expect(nextDelay(3, 10, policy)).toBeUndefined();
    expect(nextDelay(1, 60_000, policy)).toBeUndefined();
  });
});

describe('isIdempotent', () => {
  it('follows RFC 9110', () => {
    expect(['GET', 'put', 'DELETE'].every(isIdempotent)).toBe(true);
    expect(isIdempotent('POST') || isIdempotent('PATCH')).toBe(false);
  });
});

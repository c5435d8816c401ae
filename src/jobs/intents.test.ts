import { describe, expect, it } from 'vitest';
import {
  decodePending,
  deliveredMarkers,
  encodePending,
  markerFor,
  momentKeyOfMarker,
  PENDING_MAX_CHARS,
  type PendingMoment,
} from './intents';

const oid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the pending record on the lease', () => {
  it('round-trips moments, phases, attempts and recipients with their roles', () => {
    const moments: PendingMoment[] = [
      { key: 'INT-1:followUp:2', phase: 'send', attempts: 0, to: [{ oid: oid(1), role: 'mentor' }] },
      {
        key: 'INT-2:satisfaction:1',
        phase: 'escalate',
        attempts: 3,
        to: [
          { oid: oid(2), role: 'backup' },
          { oid: oid(1), role: 'intern' },
        ],
      },
    ];
    const s = encodePending(moments);
    expect(decodePending(s)).toEqual(moments);
    // Each object id is written once.
    expect(s.split(oid(1)).length - 1).toBe(1);
  });

  it('is empty for no moments, and unreadable text decodes to undefined rather than throwing', () => {
    expect(encodePending([])).toBe('');
    expect(decodePending('')).toEqual([]);
    expect(decodePending('{not json')).toBeUndefined();
    expect(decodePending('{"v":2,"o":[],"m":[]}')).toBeUndefined();
  });

  it('keeps a round of 500 moments with 500 different recipients within the column', () => {
    const moments: PendingMoment[] = Array.from({ length: 500 }, (_, n) => ({
      key: `bench-${n}:followUp:${(n % 9) + 1}`,
      phase: 'send',
      attempts: 0,
      to: [{ oid: oid(n), role: 'mentor' }],
    }));
    expect(encodePending(moments).length).toBeLessThan(PENDING_MAX_CHARS);
  });
});

describe('markers', () => {
  it('are deterministic per moment, phase, attempt and recipient', () => {
    const a = markerFor('INT-1:followUp:2', 'send', 0, oid(1));
    expect(a).toBe(markerFor('INT-1:followUp:2', 'send', 0, oid(1)));
    expect(a).not.toBe(markerFor('INT-1:followUp:2', 'send', 1, oid(1)));
    expect(a).not.toBe(markerFor('INT-1:followUp:2', 'escalate', 0, oid(1)));
    expect(momentKeyOfMarker(a)).toBe('INT-1:followUp:2');
  });

  it('delivered markers are those with a sent or mailed line', () => {
    const m1 = markerFor('K', 'send', 0, oid(1));
    const m2 = markerFor('K', 'send', 0, oid(2));
    const m3 = markerFor('K', 'send', 0, oid(3));
    const at = '2027-03-01T08:00:00Z';
    const got = deliveredMarkers({
      log: [
        { at, event: 'scheduled', detail: 'planned' },
        { at, event: 'sent', oid: oid(1), channel: 'teams', detail: `${m1} activity 7` },
        { at, event: 'mailed', oid: oid(2), channel: 'mail', detail: m2 },
        { at, event: 'failed', oid: oid(3), detail: `${m3} 500` },
      ],
    });
    expect([...got].sort()).toEqual([m1, m2].sort());
  });
});

/**
 * The write-ahead part of exactly-once delivery (docs/scheduler.md "Exactly once"). Before a round of cards goes
 * out, the scheduler writes which cards it is about to send (moment, phase, attempt, recipients) into the
 * lease's `Pending` record — on the lease write it makes anyway, so the record costs no request. After, the
 * moment's log gets a `sent`/`mailed` line with the card's marker. A card of a pending record whose marker has no
 * result line is "in doubt": it may or may not have reached the chat, and the probe decides.
 *
 * Markers are deterministic (moment, phase, attempt, recipient): a retry of the same attempt carries the same
 * marker, so the log alone says which cards of an attempt are out.
 */
import { ROLES, type Role } from '../domain/internship';
import type { Moment } from '../domain/records';

export type IntentPhase = 'send' | 'escalate';

export interface IntentTarget {
  oid: string;
  role: Role;
  marker: string;
}

/** One moment of a round: the cards the holder is about to send for this attempt. */
export interface PendingMoment {
  key: string;
  phase: IntentPhase;
  /** `Moment.attempts` when the round began: the result write increments it. */
  attempts: number;
  to: { oid: string; role: Role }[];
}

/** The lease's `Pending` column is a multi-line text (63,999 characters); rounds are split to stay below. */
export const PENDING_MAX_CHARS = 60_000;

/** `${momentKey}~${phase}~a${attempt}|${oid}`: the moment key first, so a chat's cards can be counted per moment. */
export const markerFor = (momentKey: string, phase: IntentPhase, attempts: number, oid: string): string =>
  `${momentKey}~${phase}~a${attempts}|${oid}`;

/** The coordinator's daily digest: its intent lives on the coordinator's Conversations item, with a nonce. */
export const digestMarker = (oid: string, day: string, nonce: string): string =>
  `digest:${oid}:${day}~send~${nonce}|${oid}`;

export const momentKeyOfMarker = (marker: string): string => marker.split('~')[0] ?? '';

export const pendingId = (phase: IntentPhase, key: string): string => `${phase}:${key}`;

/**
 * Compact form (recipients' object ids once, referenced by index): a round of 500 follow-ups with distinct
 * mentors stays around 40,000 characters.
 */
export function encodePending(moments: readonly PendingMoment[]): string {
  if (moments.length === 0) return '';
  const oids: string[] = [];
  const index = new Map<string, number>();
  const ref = (oid: string) => {
    let i = index.get(oid);
    if (i === undefined) {
      i = oids.push(oid) - 1;
      index.set(oid, i);
    }
    return i;
  };
  const m = moments.map((p) => [
    p.key,
    p.phase === 'send' ? 's' : 'e',
    p.attempts,
    p.to.map((t) => [ref(t.oid), ROLES.indexOf(t.role)]),
  ]);
  return JSON.stringify({ v: 1, o: oids, m });
}

/** Tolerant: an unreadable record yields nothing (the caller logs it); it never stops a sweep. */
export function decodePending(s: string): PendingMoment[] | undefined {
  if (!s) return [];
  try {
    const d = JSON.parse(s) as { v?: number; o?: unknown; m?: unknown };
    if (d.v !== 1 || !Array.isArray(d.o) || !Array.isArray(d.m)) return undefined;
    const oids = d.o as string[];
    return (d.m as [string, string, number, [number, number][]][]).map(([key, ph, attempts, to]) => ({
      key,
      phase: ph === 's' ? 'send' : 'escalate',
      attempts,
      to: to.map(([o, r]) => ({ oid: oids[o] ?? '', role: ROLES[r] ?? 'mentor' })),
    }));
  } catch {
    return undefined;
  }
}

/** Markers of the moment's log that have a result line (`sent` in a chat, or `mailed`). */
export function deliveredMarkers(m: Pick<Moment, 'log'>): Set<string> {
  const out = new Set<string>();
  for (const e of m.log) {
    if (e.event !== 'sent' && e.event !== 'mailed') continue;
    const marker = e.detail?.split(' ')[0];
    if (marker && marker.includes('~')) out.add(marker);
  }
  return out;
}

/**
 * The write-ahead part of exactly-once delivery, kept in the moment's own delivery log: before a card is sent, an
 * intent line names the cards about to go out (recipient, role, marker); after, a `sent`/`mailed` line carries the
 * marker. A card whose marker has no result line after its intent is "in doubt": it may or may not have reached
 * the chat, and the probe decides (docs/scheduler.md).
 */
import type { Role } from '../domain/internship';
import type { DeliveryLogEntry, Moment } from '../domain/records';

export type IntentPhase = 'send' | 'escalate';

export interface IntentTarget {
  oid: string;
  role: Role;
  marker: string;
}

export interface Intent {
  id: string;
  phase: IntentPhase;
  to: IntentTarget[];
}

const PREFIX = 'intent ';

export const intentEntry = (intent: Intent, at: string): DeliveryLogEntry => ({
  at,
  event: 'scheduled',
  detail: PREFIX + JSON.stringify(intent),
});

/** `${momentKey}~${phase}~${nonce}|${oid}`: the moment key first, so a chat's cards can be counted per moment. */
export const markerFor = (momentKey: string, phase: IntentPhase, nonce: string, oid: string): string =>
  `${momentKey}~${phase}~${nonce}|${oid}`;

export const momentKeyOfMarker = (marker: string): string => marker.split('~')[0] ?? '';

/** The last intent of that phase in the log, with the markers already delivered since. */
export function lastIntent(
  m: Pick<Moment, 'log'>,
  phase: IntentPhase,
): { intent: Intent; done: Map<string, DeliveryLogEntry> } | undefined {
  for (let i = m.log.length - 1; i >= 0; i--) {
    const e = m.log[i]!;
    if (e.event !== 'scheduled' || !e.detail?.startsWith(PREFIX)) continue;
    let intent: Intent;
    try {
      intent = JSON.parse(e.detail.slice(PREFIX.length)) as Intent;
    } catch {
      continue;
    }
    if (intent.phase !== phase) continue;
    const done = new Map<string, DeliveryLogEntry>();
    for (const later of m.log.slice(i + 1)) {
      if (later.event !== 'sent' && later.event !== 'mailed') continue;
      const marker = later.detail?.split(' ')[0];
      if (marker && intent.to.some((t) => t.marker === marker)) done.set(marker, later);
    }
    return { intent, done };
  }
  return undefined;
}

/**
 * "Did this card reach the chat?" — asked only after a crash or an ambiguous connector failure (5xx, reset), for
 * sends whose intent is in a moment's log without a result. Every card carries a marker
 * (`stagemapDelivery`, see src/bot/runtime/bot.ts); a probe looks for it in the user's 1:1 chat with the bot.
 * The Bot Connector has no "list activities" (Teams neither), so the question goes elsewhere:
 * - in a tenant: Graph `GET /chats/{chatId}/messages` (application permission Chat.Read.All, or the resource-
 *   specific ChatMessage.Read.Chat), whose attachments hold the card JSON with the marker;
 * - locally: the emulator's admin history of the chat (the emulator does not serve chat messages through Graph).
 * docs/scheduler.md discusses why this, and not a connector-side idempotency key, gives exactly-once.
 */
import { markersInChat } from '../graph/chat-messages';
import type { Graph } from '../graph/client';
import { MARKER_PROPERTY } from '../bot/runtime/bot';

export interface DeliveryProbe {
  /** Marker → activity id, for the markers found in the user's chat with the bot. */
  find(userOid: string, markers: readonly string[]): Promise<Map<string, string>>;
}

interface HistoryActivity {
  id: string;
  attachments?: { content?: Record<string, unknown> }[];
}

/** Local mode: the emulator's admin API (`GET /_emulator/bot/conversations?user=`), loopback only. */
export function emulatorProbe(emulatorUrl: string): DeliveryProbe {
  const base = emulatorUrl.replace(/\/+$/, '');
  return {
    async find(userOid, markers) {
      const out = new Map<string, string>();
      if (markers.length === 0) return out;
      const wanted = new Set(markers);
      const res = await fetch(`${base}/_emulator/bot/conversations?user=${encodeURIComponent(userOid)}`);
      if (!res.ok) throw new Error(`probe: emulator answered ${res.status}`);
      const body = (await res.json()) as { value?: { activities?: HistoryActivity[] }[] };
      for (const chat of body.value ?? [])
        for (const a of chat.activities ?? [])
          for (const att of a.attachments ?? []) {
            const m = att.content?.[MARKER_PROPERTY];
            if (typeof m === 'string' && wanted.has(m)) out.set(m, a.id);
          }
      return out;
    },
  };
}

/**
 * A tenant: the newest messages of the 1:1 chat (id `19:{userOid}_{botAppId}@unq.gbl.spaces`). Reading the last
 * 50 suffices: a probe follows the lost send within minutes, and the bot posts a handful of cards a day.
 */
export function graphChatProbe(graph: Graph, botAppId: string): DeliveryProbe {
  return {
    find: (userOid, markers) => markersInChat(graph, `19:${userOid}_${botAppId}@unq.gbl.spaces`, markers),
  };
}

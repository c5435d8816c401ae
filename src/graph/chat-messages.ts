import type { Graph } from './client';
import { buildQuery, segment } from './odata';

/**
 * Markers of the bot's cards found in the newest messages of a Teams chat or channel: marker → message id. Card
 * attachments carry their JSON as a string, so a marker shows up JSON-quoted. The newest 50 suffice: a probe runs
 * minutes after the send it checks, and the bot posts a handful of cards a day there.
 */
async function findMarkers(
  graph: Graph,
  messagesPath: string,
  markers: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (markers.length === 0) return out;
  const page = await graph.get<{ value?: { id: string; attachments?: { content?: string | null }[] }[] }>(
    `${messagesPath}${buildQuery({ top: 50 })}`,
  );
  for (const msg of page.value ?? [])
    for (const att of msg.attachments ?? [])
      for (const m of markers) if (att.content?.includes(JSON.stringify(m))) out.set(m, msg.id);
  return out;
}

/** A 1:1 chat (`GET /chats/{id}/messages`; Chat.Read.All or the chat's RSC ChatMessage.Read.Chat). */
export const markersInChat = (graph: Graph, chatId: string, markers: readonly string[]) =>
  findMarkers(graph, `/chats/${segment(chatId)}/messages`, markers);

/** A team channel (`GET /teams/{id}/channels/{id}/messages`; RSC ChannelMessage.Read.Group). */
export const markersInChannel = (
  graph: Graph,
  teamId: string,
  channelId: string,
  markers: readonly string[],
) => findMarkers(graph, `/teams/${segment(teamId)}/channels/${segment(channelId)}/messages`, markers);

import type { VideoRoomEventData } from "janode/plugins/videoroom";
import type { MediaSlot } from "../media-slots";

/** How a publisher describes its m-lines (videoroom `descriptions`), so subscribers know camera from screen. */
export const SLOT_DESCRIPTIONS: Record<MediaSlot, string> = { audio: "audio", camera: "camera", screen: "screen" };

/** One stream of the subscriber's connection, as the videoroom lists it (`streams` of attached/updated events). */
export type SubscriberStream = NonNullable<VideoRoomEventData["streams"]>[number];

/** A publisher's stream as `publishers` lists it. */
export type Publisher = NonNullable<VideoRoomEventData["publishers"]>[number];

export function slotOfDescription(type: string, description: string | undefined): MediaSlot | null {
  if (type === "audio") return "audio";
  if (type !== "video") return null;
  return description === SLOT_DESCRIPTIONS.screen ? "screen" : "camera";
}

/** Which participant and slot a subscriber m-line carries; null for data channels or streams without a feed. */
export function describeStream(stream: SubscriberStream): { participantId: string; slot: MediaSlot } | null {
  if (stream.feed_id === undefined || !stream.feed_display) return null;
  const slot = slotOfDescription(stream.type, stream.feed_description);
  return slot ? { participantId: stream.feed_display, slot } : null;
}

/** The publisher's streams this client is not yet subscribed to (`subscribe` entries for join/update). */
export function streamsToSubscribe(publishers: Publisher[], subscribed: Set<string>, selfId: string): { feed: number; mid: string }[] {
  return publishers.flatMap((publisher) =>
    publisher.display === selfId
      ? []
      : (publisher.streams ?? [])
          .filter((stream) => stream.type !== "data" && !stream.disabled && !subscribed.has(`${publisher.feed}:${stream.mid}`))
          .map((stream) => ({ feed: publisher.feed, mid: stream.mid })),
  );
}

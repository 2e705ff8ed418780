import type { FeatureMessage, PeerQualitySample } from "../signaling/analytics-messages";

/**
 * Turns a participant's analytics messages into what the app stores. Who sent them comes from the socket
 * (the caller passes the seat's participant id), never from the message; the meeting id is the party's.
 * A browser clock further than MAX_CLOCK_SKEW_MS from the party's is not trusted: the sample is stamped with
 * the party's receive time instead, so a wrong clock cannot move samples outside the meeting.
 */
export const MAX_CLOCK_SKEW_MS = 30_000;

export type AnalyticsIds = { meetingId: string; participantId: string };
export type StampedSample = AnalyticsIds & PeerQualitySample;
export type StampedFeature = AnalyticsIds & { at: number; feature: FeatureMessage["feature"]; detail: string | null };

function trustedTime(claimed: number, now: number): number {
  return Math.abs(claimed - now) <= MAX_CLOCK_SKEW_MS ? claimed : now;
}

export function stampSamples(ids: AnalyticsIds, samples: readonly PeerQualitySample[], now: number): StampedSample[] {
  return samples
    // A participant does not measure a connection to itself.
    .filter((sample) => sample.peerId !== ids.participantId)
    .map((sample) => ({ ...sample, ...ids, at: trustedTime(sample.at, now) }));
}

export function stampFeature(ids: AnalyticsIds, message: FeatureMessage, now: number): StampedFeature {
  return { ...ids, at: now, feature: message.feature, detail: message.detail };
}

import { z } from "zod";

/**
 * A Chrome offer or answer for our three m-sections (audio, camera, screen) is about 9.5 KB; 32 KiB leaves room
 * for other browsers' longer codec lists while a relayed description, its CRLFs JSON-escaped, stays inside
 * MAX_CLIENT_MESSAGE_BYTES. That byte limit, checked on the raw frame, remains the hard bound for odd input.
 */
export const MAX_SDP_LENGTH = 32 * 1024;

/** An `a=candidate` value is about 100–200 characters; anything near this bound is not a candidate. */
export const MAX_CANDIDATE_LENGTH = 1024;

/** Offers and answers only: rollback and pranswer are local operations and never travel between peers. */
export const rtcSessionDescriptionSchema = z.object({
  type: z.enum(["offer", "answer"]),
  sdp: z.string().min(1).max(MAX_SDP_LENGTH),
});

/** The fields of RTCIceCandidateInit, as `RTCIceCandidate.toJSON()` produces them. */
export const rtcIceCandidateSchema = z.object({
  candidate: z.string().min(1).max(MAX_CANDIDATE_LENGTH),
  sdpMid: z.string().max(64).nullable(),
  sdpMLineIndex: z.number().int().nonnegative().max(255).nullable(),
  usernameFragment: z.string().max(256).nullable(),
});

export const rtcDescriptionSignalSchema = z.object({
  kind: z.literal("description"),
  description: rtcSessionDescriptionSchema,
});

export const rtcCandidateSignalSchema = z.object({
  kind: z.literal("candidate"),
  candidate: rtcIceCandidateSchema,
});

/** The sender finished gathering: the receiver's ICE agent may conclude `failed` without waiting for more. */
export const rtcEndOfCandidatesSignalSchema = z.object({ kind: z.literal("end-of-candidates") });

/**
 * What the sender asks this peer to send it (its receive quality): a camera bitrate ceiling, or null for none.
 * The peer applies it to that one connection only; the room relays it like any signal.
 */
export const rtcReceivePreferenceSignalSchema = z.object({
  kind: z.literal("receive-preference"),
  cameraKbps: z.number().int().min(50).max(2500).nullable(),
});

/** What one peer's WebRTC engine sends another through the signaling relay. */
export const rtcSignalSchema = z.discriminatedUnion("kind", [
  rtcDescriptionSignalSchema,
  rtcCandidateSignalSchema,
  rtcEndOfCandidatesSignalSchema,
  rtcReceivePreferenceSignalSchema,
]);

export type RtcSessionDescription = z.infer<typeof rtcSessionDescriptionSchema>;
export type RtcIceCandidate = z.infer<typeof rtcIceCandidateSchema>;
export type RtcDescriptionSignal = z.infer<typeof rtcDescriptionSignalSchema>;
export type RtcCandidateSignal = z.infer<typeof rtcCandidateSignalSchema>;
export type RtcEndOfCandidatesSignal = z.infer<typeof rtcEndOfCandidatesSignalSchema>;
export type RtcSignal = z.infer<typeof rtcSignalSchema>;
/** The signals a peer connection itself consumes (the receive preference is the mesh's). */
export type RtcConnectionSignal = Exclude<RtcSignal, { kind: "receive-preference" }>;

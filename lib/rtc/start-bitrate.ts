import { AUDIO_RESERVE_KBPS } from "../domain/bitrate-policy";

/** bitrate-policy.ts budgets 90 % of the uplink (its USABLE_SHARE). */
const USABLE_SHARE = 0.9;
import type { EncodingCaps } from "./encoding-caps";
import type { MediaSlot } from "./media-slots";

/**
 * Chromium starts a connection's bandwidth estimate at 300 kbps. Its encoder then refuses to send a first frame
 * that big a picture needs more than that for (libwebrtc's default per-resolution start bitrates: 720p 1.5 Mbps,
 * 540p 800, 360p 500, 270p 300), dropping up to four captured frames while it scales the picture down, so a 720p
 * camera's first frame left ~130 ms late and at 480×270 (measured: bench/join-time). Starting the estimate at
 * what the bitrate policy grants the connection removes both; congestion control still backs off from there
 * within a few round trips on a slower path.
 *
 * `x-google-start-bitrate` (kbps) is read from the *remote* description's video fmtp, like Opus parameters
 * (see opus-fmtp.ts), so incoming descriptions carry it. A connection must keep the value of its first
 * negotiation: a different one in a later description restarts the estimate, and any change of fmtp reconfigures
 * the encoder.
 */
export function startBitrateKbps(caps: Readonly<Record<MediaSlot, EncodingCaps>> | null, sending: Readonly<Record<MediaSlot, boolean>>): number | null {
  if (!caps || (!sending.camera && !sending.screen)) return null;
  const videoKbps = ((sending.camera ? caps.camera.maxBitrate : 0) + (sending.screen ? caps.screen.maxBitrate : 0)) / 1000;
  // The connection's share of the uplink: video and the audio reserve, plus the headroom the policy keeps for
  // RTCP, retransmissions and FEC (usable = uplink × 0.9), so video alone gets its full cap from the start.
  return Math.round((videoKbps + AUDIO_RESERVE_KBPS) / USABLE_SHARE);
}

const VIDEO_CODECS = /^(vp8|vp9|av1|h264|h265)$/i;

/** Sets `x-google-start-bitrate` on every video codec (not rtx, red or fec entries) of a session description. */
export function withVideoStartBitrate(sdp: string, kbps: number): string {
  const eol = sdp.includes("\r\n") ? "\r\n" : "\n";
  const lines = sdp.split(eol);
  const videoPayloadTypes = new Set<string>();
  let inVideo = false;
  for (const line of lines) {
    if (line.startsWith("m=")) inVideo = line.startsWith("m=video");
    const rtpmap = /^a=rtpmap:(\d+) ([^/]+)\//.exec(line);
    if (inVideo && rtpmap && VIDEO_CODECS.test(rtpmap[2]!)) videoPayloadTypes.add(rtpmap[1]!);
  }
  const withFmtp = new Set<string>();
  const parameter = `x-google-start-bitrate=${Math.round(kbps)}`;
  const out = lines.map((line) => {
    const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line);
    if (!fmtp || !videoPayloadTypes.has(fmtp[1]!)) return line;
    withFmtp.add(fmtp[1]!);
    const kept = fmtp[2]!.split(";").filter((entry) => entry.trim() !== "" && !entry.trim().startsWith("x-google-start-bitrate="));
    return `a=fmtp:${fmtp[1]} ${[...kept, parameter].join(";")}`;
  });
  // Codecs without parameters (VP8 usually) get an fmtp line of their own, right after their rtpmap.
  return out
    .flatMap((line) => {
      const rtpmap = /^a=rtpmap:(\d+) /.exec(line);
      const payloadType = rtpmap?.[1];
      if (payloadType && videoPayloadTypes.has(payloadType) && !withFmtp.has(payloadType)) return [line, `a=fmtp:${payloadType} ${parameter}`];
      return [line];
    })
    .join(eol);
}

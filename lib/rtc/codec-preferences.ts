/**
 * VP9 first: at a mesh's per-peer bitrates it gives a visibly better picture than VP8 for the same bits, and every
 * current browser decodes it. VP8 and H.264 stay as fallbacks, in that order. Every other entry is kept, after
 * these — retransmission (rtx), redundancy (red) and FEC entries must stay for loss recovery to be negotiated.
 */
const VIDEO_CODEC_ORDER = ["video/vp9", "video/vp8", "video/h264"];

function rank(mimeType: string): number {
  const index = VIDEO_CODEC_ORDER.indexOf(mimeType.toLowerCase());
  return index === -1 ? VIDEO_CODEC_ORDER.length : index;
}

/** Capabilities reordered for `setCodecPreferences`; a stable sort keeps the browser's order within each codec. */
export function preferVideoCodecs<Codec extends { mimeType: string }>(codecs: readonly Codec[]): Codec[] {
  return [...codecs].sort((a, b) => rank(a.mimeType) - rank(b.mimeType));
}

/**
 * VP8 first, then VP9, then H.264. VP9 gives a better picture for the same bits, but where it is encoded in software
 * (most laptops; every Chromium without a GPU) it costs two to three times VP8's CPU, and a mesh runs one encoder per
 * peer. Measured on 2 cores (bench/join-time, docs/benchmarks.md): with VP9 first, the two browsers' encoders held
 * back everything else during a join, click → first remote frame p50 426 ms; with VP8 first, 292 ms in the next
 * run. Every other entry is kept, after these — retransmission (rtx), redundancy (red) and FEC entries must stay
 * for loss recovery to be negotiated.
 */
const VIDEO_CODEC_ORDER = ["video/vp8", "video/vp9", "video/h264"];

function rank(mimeType: string): number {
  const index = VIDEO_CODEC_ORDER.indexOf(mimeType.toLowerCase());
  return index === -1 ? VIDEO_CODEC_ORDER.length : index;
}

/** Capabilities reordered for `setCodecPreferences`; a stable sort keeps the browser's order within each codec. */
export function preferVideoCodecs<Codec extends { mimeType: string }>(codecs: readonly Codec[]): Codec[] {
  return [...codecs].sort((a, b) => rank(a.mimeType) - rank(b.mimeType));
}

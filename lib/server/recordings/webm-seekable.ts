import "server-only";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { Decoder, Reader, tools } from "ts-ebml";
import { matroskaDurationMs } from "@/lib/domain/recording-lifecycle";

/** What a pass over the uploaded webm learned, and the header that makes it seekable. */
export type SeekableWebm = {
  /** SeekHead, Info with Duration, Tracks and Cues, to go before the original clusters. */
  header: Buffer;
  /** The original bytes from here to `bodyEnd` follow the header. */
  bodyStart: number;
  /** Where the last complete element ended: a recorder that died mid-chunk leaves a torn block, dropped here. */
  bodyEnd: number;
  durationMs: number;
  /** Of the file exactly as uploaded, and its length. */
  receivedSha256: string;
  receivedBytes: number;
};

export class NotWebmError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotWebmError";
  }
}

/**
 * ts-ebml's Encoder returns `Buffer.concat(...).buffer`, which for results under 4 KiB is Node's whole shared
 * allocation pool rather than the result. Turning the pool off for the (synchronous) call makes that buffer exact;
 * nothing else can run in between, so no other allocation sees the change.
 */
function encodeSeekableHeader(reader: Reader, keyframes: ReadonlySet<string>): Buffer {
  // ts-ebml cues the first video block of every cluster; MediaRecorder's clusters follow its timeslice, not the
  // keyframes, and a player that seeks to a cluster starting mid-GOP shows garbage. Only keyframes are cued.
  const cues = reader.cues.filter((cue) => keyframes.has(`${cue.CueTrack}:${cue.CueTime}`));
  const poolSize = Buffer.poolSize;
  Buffer.poolSize = 0;
  try {
    return Buffer.from(tools.makeMetadataSeekable(reader.metadatas, reader.duration, cues));
  } finally {
    Buffer.poolSize = poolSize;
  }
}

/**
 * MediaRecorder writes webm as a live stream: no Duration, no Cues, sizes unknown. One streaming pass over the
 * uploaded file (memory bounded by one cluster) collects the cluster positions and the duration, then builds a
 * header with both, so players can show the length and seek. The clusters themselves are left as they are.
 */
export async function makeWebmSeekable(path: string): Promise<SeekableWebm> {
  const decoder = new Decoder();
  const reader = new Reader();
  reader.logging = false;
  reader.use_segment_info = false;
  // Its default drops the tracks' DefaultDuration (an old Chromium MSE workaround); the file is played whole here.
  reader.drop_default_duration = false;
  const hash = createHash("sha256");
  let receivedBytes = 0;
  let bodyEnd = 0;
  let sawHeader = false;
  let clusters = 0;
  let clusterTimecode = 0;
  /** `track:time` of every keyframe block, in the timecode units cues use. */
  const keyframes = new Set<string>();
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    if (receivedBytes === 0 && (bytes.length < 4 || bytes.readUInt32BE(0) !== 0x1a45dfa3)) throw new NotWebmError("The uploaded bytes are not a webm file (no EBML header).");
    receivedBytes += bytes.length;
    let elements;
    try {
      elements = decoder.decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    } catch (error) {
      throw new NotWebmError(`The uploaded webm could not be read: ${(error as Error).message}`);
    }
    for (const element of elements) {
      if (element.name === "EBML") sawHeader = true;
      if (element.type === "m" && element.name === "Cluster" && !element.isEnd) clusters += 1;
      if (element.type === "u" && element.name === "Timecode") clusterTimecode = Number(element.value);
      if (element.type === "b" && element.name === "SimpleBlock") {
        const block = tools.ebmlBlock(element.data);
        if (block.keyframe) keyframes.add(`${block.trackNumber}:${clusterTimecode + block.timecode}`);
      }
      reader.read(element);
      if (element.dataEnd > bodyEnd) bodyEnd = element.dataEnd;
    }
  }
  reader.stop();
  if (!sawHeader) throw new NotWebmError("The uploaded bytes are not a webm file (no EBML header).");
  if (clusters === 0 || reader.metadataSize === 0) throw new NotWebmError("The upload ended before any video or audio arrived.");
  return {
    header: encodeSeekableHeader(reader, keyframes),
    bodyStart: reader.metadataSize,
    bodyEnd: Math.min(bodyEnd, receivedBytes),
    durationMs: matroskaDurationMs(reader.duration, reader.timestampScale),
    receivedSha256: hash.digest("hex"),
    receivedBytes,
  };
}

/** The seekable file: the new header, then the original clusters. */
export function seekableWebmStream(path: string, webm: SeekableWebm): { body: Readable; size: number } {
  const { header, bodyStart, bodyEnd } = webm;
  async function* bytes() {
    yield header;
    if (bodyEnd > bodyStart) yield* createReadStream(path, { start: bodyStart, end: bodyEnd - 1 });
  }
  return { body: Readable.from(bytes()), size: header.length + Math.max(0, bodyEnd - bodyStart) };
}

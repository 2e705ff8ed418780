/**
 * Chromium's insertable streams for raw media (MediaStreamTrackProcessor / MediaStreamTrackGenerator), which
 * TypeScript's DOM library does not declare yet. Only what the processor uses.
 */
type TrackProcessorConstructor = new (init: { track: MediaStreamTrack; maxBufferSize?: number }) => { readable: ReadableStream<VideoFrame> };
type TrackGeneratorConstructor = new (init: { kind: "video" }) => MediaStreamTrack & { writable: WritableStream<VideoFrame> };

type InsertableStreams = { Processor: TrackProcessorConstructor; Generator: TrackGeneratorConstructor };

export function insertableStreams(): InsertableStreams | null {
  const scope = globalThis as { MediaStreamTrackProcessor?: TrackProcessorConstructor; MediaStreamTrackGenerator?: TrackGeneratorConstructor };
  if (!scope.MediaStreamTrackProcessor || !scope.MediaStreamTrackGenerator || typeof Worker === "undefined") return null;
  return { Processor: scope.MediaStreamTrackProcessor, Generator: scope.MediaStreamTrackGenerator };
}

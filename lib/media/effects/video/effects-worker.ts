/**
 * The effects worker (a classic worker: MediaPipe's wasm loader uses importScripts). It reads the camera's
 * frames from a MediaStreamTrackProcessor's stream, composites each on an OffscreenCanvas and writes the result
 * to a MediaStreamTrackGenerator's stream; both streams were transferred from the page.
 */
import { EffectsPipeline } from "./effects-pipeline";
import type { FromWorker, ToWorker } from "./worker-protocol";

const scope = self as unknown as { postMessage(message: FromWorker): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

let pipeline: EffectsPipeline | null = null;
let stopped = false;
let configureId = 0;

async function configure(message: Extract<ToWorker, { type: "start" | "configure" }>) {
  const id = (configureId += 1);
  try {
    await pipeline?.configure(message.settings, message.modelRate);
    post({ type: "ready", configureId: id });
  } catch (error) {
    post({ type: "error", message: describe(error) });
  }
}

async function run(readable: ReadableStream<VideoFrame>, writable: WritableStream<VideoFrame>, canvas: OffscreenCanvas) {
  const reader = readable.getReader();
  const writer = writable.getWriter();
  let first = true;
  const statsTimer = setInterval(() => pipeline && post({ type: "stats", stats: pipeline.takeStats(performance.now()) }), 1000);
  try {
    while (!stopped) {
      const { value: frame, done } = await reader.read();
      if (done || !frame) break;
      const arrivedAt = performance.now();
      try {
        pipeline!.process(frame, frame.displayWidth, frame.displayHeight, arrivedAt);
        // The output keeps the input's timestamp, so the encoder's pacing and A/V sync are unchanged. Transferring
        // the drawing buffer avoids the copy that `new VideoFrame(canvas)` makes (a CPU copy on software GL).
        const bitmap = canvas.transferToImageBitmap();
        const output = new VideoFrame(bitmap, { timestamp: frame.timestamp, alpha: "discard" });
        bitmap.close();
        await writer.write(output);
        pipeline?.frameDone(performance.now() - arrivedAt);
      } finally {
        frame.close();
      }
      if (first) post({ type: "first-frame" });
      first = false;
    }
  } catch (error) {
    if (!stopped) post({ type: "error", message: describe(error) });
  } finally {
    clearInterval(statsTimer);
    reader.cancel().catch(() => {});
    writer.close().catch(() => {});
    pipeline?.dispose();
    pipeline = null;
  }
}

scope.onmessage = ({ data: message }) => {
  if (message.type === "start") {
    const canvas = new OffscreenCanvas(1, 1);
    try {
      pipeline = new EffectsPipeline(canvas, message.assets);
    } catch (error) {
      post({ type: "error", message: describe(error) });
      return;
    }
    void configure(message);
    void run(message.readable, message.writable, canvas);
  } else if (message.type === "configure") {
    void configure(message);
  } else {
    stopped = true;
  }
};

/**
 * Injected into app pages (bundled by frame-probe.ts): measures what a <video> element shows, with the same
 * metrics as the effects harness. Regions are fractions of the frame, so they hold at whatever size arrives.
 */
import type { BackgroundImageId } from "../../../lib/media/effects/effect-settings";
import { drawBackground } from "../../../lib/media/effects/video/background-images";
import { averageMetrics, type RegionMetrics, regionMetrics } from "../harness/frame-metrics";

export type FractionRegion = { name: string; x: number; y: number; width: number; height: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function grab(video: HTMLVideoElement): ImageData {
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  const context = canvas.getContext("2d", { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function measure(selector: string, regions: FractionRegion[], image: BackgroundImageId | null, count = 5): Promise<RegionMetrics[] & { size?: string }> {
  const video = document.querySelector<HTMLVideoElement>(selector);
  if (!video || video.videoWidth === 0) throw new Error(`no video frames in ${selector}`);
  const samples: RegionMetrics[][] = [];
  for (let index = 0; index < count; index += 1) {
    const frame = grab(video);
    let reference: ImageData | null = null;
    if (image) {
      const canvas = new OffscreenCanvas(frame.width, frame.height);
      const context = canvas.getContext("2d")!;
      drawBackground(context, image, frame.width, frame.height);
      reference = context.getImageData(0, 0, frame.width, frame.height);
    }
    const scaled = regions.map((region) => ({
      name: region.name,
      x: Math.round(region.x * frame.width),
      y: Math.round(region.y * frame.height),
      width: Math.round(region.width * frame.width),
      height: Math.round(region.height * frame.height),
    }));
    samples.push(scaled.map((region) => regionMetrics(frame, region, reference)));
    await sleep(120);
  }
  return averageMetrics(samples);
}

/** RMS level (dBFS) of an <audio> element's stream in consecutive ~20 ms windows, for `durationMs`. */
async function audioLevels(selector: string, durationMs: number): Promise<number[]> {
  const audio = document.querySelector<HTMLAudioElement>(selector);
  if (!(audio?.srcObject instanceof MediaStream)) throw new Error(`no audio stream in ${selector}`);
  const context = new AudioContext({ sampleRate: 48_000 });
  await context.resume();
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  context.createMediaStreamSource(audio.srcObject).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const levels: number[] = [];
  const until = performance.now() + durationMs;
  while (performance.now() < until) {
    analyser.getFloatTimeDomainData(samples);
    const rms = Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / samples.length);
    levels.push(20 * Math.log10(Math.max(rms, 1e-6)));
    await sleep(20);
  }
  await context.close();
  return levels;
}

(window as unknown as { frameProbe: unknown }).frameProbe = { measure, audioLevels };

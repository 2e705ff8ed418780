import { GtcrnWorkletNode, loadGtcrn, loadRnnoise, RnnoiseWorkletNode } from "@sapphi-red/web-noise-suppressor";

/**
 * The models @sapphi-red/web-noise-suppressor ships: RNNoise (Xiph, the classic) and GTCRN (a small neural
 * speech-enhancement model). Both run at 48 kHz in an AudioWorklet.
 */
export type NoiseModel = "rnnoise" | "gtcrn";

/** A model's AudioWorklet and wasm (plain and SIMD), served by the app (scripts/copy-media-assets.ts). */
export type NoiseSuppressionAssets = { model: NoiseModel; workletUrl: string; wasmUrl: string; simdWasmUrl: string };

export const noiseSuppressionAssets: Record<NoiseModel, NoiseSuppressionAssets> = {
  rnnoise: {
    model: "rnnoise",
    workletUrl: "/media-models/rnnoise/workletProcessor.js",
    wasmUrl: "/media-models/rnnoise/rnnoise.wasm",
    simdWasmUrl: "/media-models/rnnoise/rnnoise_simd.wasm",
  },
  gtcrn: { model: "gtcrn", workletUrl: "/media-models/gtcrn/workletProcessor.js", wasmUrl: "/media-models/gtcrn/gtcrn.wasm", simdWasmUrl: "/media-models/gtcrn/gtcrn.wasm" },
};

export const defaultNoiseSuppressionAssets = noiseSuppressionAssets.rnnoise;

/**
 * The microphone through RNNoise or GTCRN (@sapphi-red/web-noise-suppressor) in an AudioWorklet, out as a track of a
 * MediaStreamAudioDestinationNode. It comes after the browser's own processing: the microphone is opened with
 * echo cancellation on and the browser's noise suppression off (two suppressors in a row cost speech quality
 * and gain nothing). Turning it off bypasses the worklet inside the graph, so the published track, and the
 * sender, stay the same: no replaceTrack, no gap.
 */
export class NoiseSuppressor {
  private constructor(
    private readonly context: AudioContext,
    private readonly source: MediaStreamAudioSourceNode,
    private readonly denoiser: RnnoiseWorkletNode | GtcrnWorkletNode,
    private readonly destination: MediaStreamAudioDestinationNode,
    private enabled: boolean,
  ) {}

  /** `enabled` false starts in bypass. The context runs at 48 kHz, the rate RNNoise is trained for. */
  static async start(microphone: MediaStreamTrack, enabled = true, assets: NoiseSuppressionAssets = defaultNoiseSuppressionAssets): Promise<NoiseSuppressor> {
    const context = new AudioContext({ sampleRate: 48_000, latencyHint: "interactive" });
    try {
      const [wasmBinary] = await Promise.all([
        assets.model === "gtcrn" ? loadGtcrn({ url: assets.wasmUrl }) : loadRnnoise({ url: assets.wasmUrl, simdUrl: assets.simdWasmUrl }),
        context.audioWorklet.addModule(assets.workletUrl),
      ]);
      const source = context.createMediaStreamSource(new MediaStream([microphone]));
      const denoiser = assets.model === "gtcrn" ? new GtcrnWorkletNode(context, { maxChannels: 1, wasmBinary }) : new RnnoiseWorkletNode(context, { maxChannels: 1, wasmBinary });
      const destination = context.createMediaStreamDestination();
      destination.channelCount = 1;
      source.connect(denoiser);
      const suppressor = new NoiseSuppressor(context, source, denoiser, destination, !enabled);
      suppressor.setEnabled(enabled);
      // A context created without a user gesture may start suspended; the call's own gesture (Join) resumes it.
      if (context.state === "suspended") void context.resume().catch(() => {});
      return suppressor;
    } catch (error) {
      void context.close();
      throw error;
    }
  }

  get track(): MediaStreamTrack {
    return this.destination.stream.getAudioTracks()[0]!;
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.source.disconnect();
    this.denoiser.disconnect();
    if (enabled) {
      this.source.connect(this.denoiser);
      this.denoiser.connect(this.destination);
    } else {
      this.source.connect(this.destination);
    }
  }

  resume(): Promise<void> {
    return this.context.resume();
  }

  stop(): void {
    this.denoiser.destroy();
    this.track.stop();
    void this.context.close();
  }
}


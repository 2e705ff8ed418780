/**
 * The life of a video effect as a pure state machine: off → loading → running → degraded, or failed.
 * When the machine cannot keep up (output fps below the minimum, or the encoder CPU-limited, for 5 s), the model
 * rate steps down first; only when it is already at its lowest does the state become `degraded`, which is when
 * the UI tells the person and offers to turn the effect off.
 */

export type EffectPhase = "off" | "loading" | "running" | "degraded" | "failed";

/** Segmentation rates (model runs per second), best first. The mask is smoothed over time, so 10/s still looks fine. */
export const MODEL_RATES = [30, 15, 10] as const;

/** How long the machine must be overloaded before anything changes: short dips (a tab switch, GC) are ignored. */
export const OVERLOAD_WINDOW_MS = 5_000;

export type EffectState = {
  phase: EffectPhase;
  /** Index into MODEL_RATES. */
  modelRateIndex: number;
  /** Since when the samples say overloaded; null when the last one did not. */
  overloadSince: number | null;
  error: string | null;
};

export type EffectEvent =
  | { type: "enable" }
  | { type: "disable" }
  | { type: "ready" }
  | { type: "failed"; error: string }
  /** Every second or so from the pipeline: measured output fps, the minimum wanted, and the encoder's limitation. */
  | { type: "sample"; at: number; fps: number; minFps: number; cpuLimited: boolean };

export const initialEffectState: EffectState = { phase: "off", modelRateIndex: 0, overloadSince: null, error: null };

export const modelRate = (state: EffectState): number => MODEL_RATES[Math.min(state.modelRateIndex, MODEL_RATES.length - 1)] ?? 10;

export const isActive = (state: EffectState): boolean => state.phase === "loading" || state.phase === "running" || state.phase === "degraded";

export function effectReducer(state: EffectState, event: EffectEvent): EffectState {
  switch (event.type) {
    case "enable":
      // Enabling again after a failure retries; enabling while active changes nothing (settings changes are not events).
      return state.phase === "off" || state.phase === "failed" ? { ...initialEffectState, phase: "loading" } : state;
    case "disable":
      return initialEffectState;
    case "ready":
      return state.phase === "loading" ? { ...state, phase: "running", overloadSince: null } : state;
    case "failed":
      return state.phase === "off" ? state : { ...initialEffectState, phase: "failed", error: event.error };
    case "sample":
      return onSample(state, event);
  }
}

function onSample(state: EffectState, sample: Extract<EffectEvent, { type: "sample" }>): EffectState {
  if (state.phase !== "running") return state;
  const overloaded = sample.cpuLimited || sample.fps < sample.minFps;
  if (!overloaded) return state.overloadSince === null ? state : { ...state, overloadSince: null };
  if (state.overloadSince === null) return { ...state, overloadSince: sample.at };
  if (sample.at - state.overloadSince < OVERLOAD_WINDOW_MS) return state;
  if (state.modelRateIndex < MODEL_RATES.length - 1) {
    // A new window starts at the lower rate: it must be given 5 s to show whether it helped.
    return { ...state, modelRateIndex: state.modelRateIndex + 1, overloadSince: null };
  }
  return { ...state, phase: "degraded", overloadSince: null };
}

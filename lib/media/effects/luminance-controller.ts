/**
 * Low-light enhancement as a pure controller: the measured mean luma of the camera's frames (0–1, measured on
 * the input, before enhancement, so there is no feedback loop) → the strength and gain of a tone curve the
 * compositor applies in the same GPU pass. Three things keep it from flickering: the luma is averaged over
 * about a second, engaging and releasing have different thresholds (hysteresis), and both the gain and the
 * strength move gradually.
 */

export type LowLightConfig = {
  /** Engage when the averaged luma falls below this… */
  onBelow: number;
  /** …and release only once it rises above this. */
  offAbove: number;
  /** The mean luma the curve aims for. */
  target: number;
  /** Beyond this the camera's noise grows more than the picture gains. */
  maxGain: number;
  lumaTimeConstantMs: number;
  gainTimeConstantMs: number;
  /** Time to fade the enhancement fully in or out. */
  rampMs: number;
};

export const defaultLowLightConfig: LowLightConfig = {
  onBelow: 0.3,
  offAbove: 0.4,
  target: 0.45,
  maxGain: 6,
  lumaTimeConstantMs: 1_000,
  gainTimeConstantMs: 700,
  rampMs: 1_000,
};

export type LowLightState = { luma: number | null; engaged: boolean; strength: number; gain: number };

export const initialLowLightState: LowLightState = { luma: null, engaged: false, strength: 0, gain: 1 };

/** What the shader needs: out = mix(rgb, toneCurve(rgb, gain), strength). strength 0 leaves the frame unchanged. */
export type ToneParams = { strength: number; gain: number };

/**
 * Extended Reinhard with the white point at `gain`: x·gain compressed so that 1 still maps to 1, so nothing
 * clips that was not clipped already; gain 1 is the identity. The shader implements the same formula.
 */
export function toneCurve(x: number, gain: number): number {
  const exposed = x * gain;
  return (exposed * (1 + exposed / (gain * gain))) / (1 + exposed);
}

/** The gain that maps `luma` to `target` on the curve (closed form of toneCurve(luma, g) = target), within [1, maxGain]. */
export function gainFor(luma: number, target: number, maxGain: number): number {
  if (luma >= target) return 1;
  const x = Math.max(luma, 1e-3);
  const gain = (target - x * x) / (x * (1 - target));
  return Math.min(maxGain, Math.max(1, gain));
}

const smoothing = (dtMs: number, timeConstantMs: number) => 1 - Math.exp(-Math.max(0, dtMs) / timeConstantMs);

export function updateLowLight(state: LowLightState, measuredLuma: number, dtMs: number, config: LowLightConfig = defaultLowLightConfig): LowLightState {
  const luma = state.luma === null ? measuredLuma : state.luma + (measuredLuma - state.luma) * smoothing(dtMs, config.lumaTimeConstantMs);
  const engaged = state.engaged ? luma <= config.offAbove : luma < config.onBelow;
  // While fading out, keep the gain: only the strength falls, so the picture darkens along one smooth path.
  const targetGain = engaged ? gainFor(luma, config.target, config.maxGain) : state.gain;
  const gain = state.gain + (targetGain - state.gain) * smoothing(dtMs, config.gainTimeConstantMs);
  const step = Math.max(0, dtMs) / config.rampMs;
  const strength = engaged ? Math.min(1, state.strength + step) : Math.max(0, state.strength - step);
  return { luma, engaged, strength, gain: strength === 0 && !engaged ? 1 : gain };
}

export const toneParams = (state: LowLightState): ToneParams => ({ strength: state.strength, gain: state.gain });

/** Mean Rec. 601 luma of RGBA pixels (0–1), reading every `step`-th pixel: a 64×36 thumbnail needs no more. */
export function meanLuma(rgba: ArrayLike<number>, step = 1): number {
  let total = 0;
  let count = 0;
  for (let index = 0; index + 2 < rgba.length; index += 4 * step) {
    total += 0.299 * rgba[index]! + 0.587 * rgba[index + 1]! + 0.114 * rgba[index + 2]!;
    count += 1;
  }
  return count === 0 ? 0 : total / count / 255;
}

/**
 * Pure operations on segmentation masks (one confidence 0–1 per pixel at the model's resolution, row-major).
 * The model's raw output shimmers from frame to frame at the person's edges; smoothing over time removes the
 * shimmer, and feathering turns the hard edge into a soft one before the compositor upsamples it.
 */

export type MaskSmoothingOptions = {
  /** Weight of the new mask where it agrees with the old (calm regions): low = steadier. */
  minAlpha: number;
  /** How much faster a pixel follows when it changed a lot (motion): the person moving must not leave a ghost. */
  motionGain: number;
};

export const defaultMaskSmoothing: MaskSmoothingOptions = { minAlpha: 0.4, motionGain: 1.5 };

/**
 * out = previous + α·(current − previous), with α = minAlpha + motionGain·|current − previous| (at most 1).
 * Writes into `out` (which may be `previous`) and returns it; without a previous mask, copies `current`.
 */
export function smoothMask(
  previous: Float32Array | null,
  current: ArrayLike<number>,
  out: Float32Array,
  options: MaskSmoothingOptions = defaultMaskSmoothing,
): Float32Array {
  if (out.length !== current.length) throw new Error(`mask sizes differ: ${out.length} vs ${current.length}`);
  if (!previous || previous.length !== current.length) {
    for (let index = 0; index < current.length; index += 1) out[index] = current[index]!;
    return out;
  }
  for (let index = 0; index < current.length; index += 1) {
    const before = previous[index]!;
    const delta = current[index]! - before;
    const alpha = Math.min(1, options.minAlpha + options.motionGain * Math.abs(delta));
    out[index] = before + alpha * delta;
  }
  return out;
}

/**
 * A separable box blur of `radius` pixels (edges clamped), in place on `mask`, using `scratch` (same length).
 * Two passes cost O(pixels) whatever the radius: a running sum per row, then per column.
 */
export function featherMask(mask: Float32Array, width: number, height: number, radius: number, scratch: Float32Array): Float32Array {
  if (mask.length !== width * height || scratch.length !== mask.length) throw new Error("mask, scratch and size disagree");
  if (radius < 1) return mask;
  boxPass(mask, scratch, width, height, radius, 1, width);
  boxPass(scratch, mask, height, width, radius, width, 1);
  return mask;
}

/** Blurs `lines` lines of `length` samples each; `along` is the stride within a line, `across` between lines. */
function boxPass(source: Float32Array, target: Float32Array, length: number, lines: number, radius: number, along: number, across: number) {
  const span = 2 * radius + 1;
  const at = (line: number, position: number) => source[line * across + Math.min(length - 1, Math.max(0, position)) * along]!;
  for (let line = 0; line < lines; line += 1) {
    let sum = 0;
    for (let position = -radius; position <= radius; position += 1) sum += at(line, position);
    for (let position = 0; position < length; position += 1) {
      target[line * across + position * along] = sum / span;
      sum += at(line, position + radius + 1) - at(line, position - radius);
    }
  }
}

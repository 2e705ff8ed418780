/** Pure measurements on RGBA frames (ImageData-shaped), for the effects tests: run inside the harness page. */

export type Region = { name: string; x: number; y: number; width: number; height: number };
export type Rgba = { data: ArrayLike<number>; width: number; height: number };

export type RegionMetrics = {
  name: string;
  /** Mean Rec. 601 luma, 0–255. */
  meanLuma: number;
  /** Mean squared 4-neighbour Laplacian of luma: the region's high-frequency energy (edges, texture). */
  highFrequency: number;
  /** Share of pixels at luma ≥ 250 (clipped highlights). */
  clipped: number;
  /** Mean absolute RGB difference to the reference, 0–255; null without one. */
  differenceToReference: number | null;
};

const luma = (frame: Rgba, x: number, y: number) => {
  const index = (y * frame.width + x) * 4;
  return 0.299 * frame.data[index]! + 0.587 * frame.data[index + 1]! + 0.114 * frame.data[index + 2]!;
};

export function regionMetrics(frame: Rgba, region: Region, reference: Rgba | null): RegionMetrics {
  let [lumaSum, energy, clipped, difference, count, interior] = [0, 0, 0, 0, 0, 0];
  const [right, bottom] = [Math.min(frame.width, region.x + region.width), Math.min(frame.height, region.y + region.height)];
  for (let y = region.y; y < bottom; y += 1) {
    for (let x = region.x; x < right; x += 1) {
      const value = luma(frame, x, y);
      lumaSum += value;
      if (value >= 250) clipped += 1;
      if (reference) {
        const index = (y * frame.width + x) * 4;
        for (let channel = 0; channel < 3; channel += 1) difference += Math.abs(frame.data[index + channel]! - reference.data[index + channel]!) / 3;
      }
      count += 1;
      if (x > 0 && y > 0 && x < frame.width - 1 && y < frame.height - 1) {
        const laplacian = 4 * value - luma(frame, x - 1, y) - luma(frame, x + 1, y) - luma(frame, x, y - 1) - luma(frame, x, y + 1);
        energy += laplacian * laplacian;
        interior += 1;
      }
    }
  }
  return {
    name: region.name,
    meanLuma: lumaSum / Math.max(1, count),
    highFrequency: energy / Math.max(1, interior),
    clipped: clipped / Math.max(1, count),
    differenceToReference: reference ? difference / Math.max(1, count) : null,
  };
}

/** Averages the metrics of several frames, region by region (codec noise varies from frame to frame). */
export function averageMetrics(samples: RegionMetrics[][]): RegionMetrics[] {
  return samples[0]!.map((first, index) => {
    const all = samples.map((sample) => sample[index]!);
    const mean = (pick: (metrics: RegionMetrics) => number) => all.reduce((sum, metrics) => sum + pick(metrics), 0) / all.length;
    return {
      name: first.name,
      meanLuma: mean((metrics) => metrics.meanLuma),
      highFrequency: mean((metrics) => metrics.highFrequency),
      clipped: mean((metrics) => metrics.clipped),
      differenceToReference: first.differenceToReference === null ? null : mean((metrics) => metrics.differenceToReference ?? 0),
    };
  });
}

import type { BackgroundImageId } from "../effect-settings";

type Context2d = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/**
 * The built-in replacement backgrounds, drawn from code at the output's size: nothing to download or commit,
 * and the e2e test can draw the very same image to compare the receiver's background with.
 */
export function drawBackground(context: Context2d, id: BackgroundImageId, width: number, height: number): void {
  if (id === "gradient") {
    const gradient = context.createLinearGradient(0, 0, width, height);
    gradient.addColorStop(0, "#1e3a8a");
    gradient.addColorStop(1, "#0f766e");
    context.fillStyle = gradient;
    context.fillRect(0, 0, width, height);
    return;
  }
  if (id === "office") {
    context.fillStyle = "#d6d3d1";
    context.fillRect(0, 0, width, height);
    context.fillStyle = "#a8a29e";
    context.fillRect(0, height * 0.72, width, height * 0.28);
    context.fillStyle = "#bfdbfe";
    for (const x of [0.08, 0.4, 0.72]) context.fillRect(width * x, height * 0.12, width * 0.2, height * 0.4);
    return;
  }
  context.fillStyle = "#78350f";
  context.fillRect(0, 0, width, height);
  const colors = ["#b91c1c", "#1d4ed8", "#15803d", "#ca8a04", "#7e22ce"];
  for (let shelf = 0; shelf < 3; shelf += 1) {
    const top = height * (0.08 + shelf * 0.31);
    context.fillStyle = "#451a03";
    context.fillRect(0, top + height * 0.24, width, height * 0.03);
    for (let book = 0; book < 24; book += 1) {
      context.fillStyle = colors[(book * 7 + shelf * 3) % colors.length]!;
      context.fillRect(width * (0.02 + book * 0.04), top + height * (0.04 + ((book * 5) % 4) * 0.01), width * 0.03, height * 0.2);
    }
  }
}

/** The image as a canvas the compositor can upload. */
export function renderBackground(id: BackgroundImageId, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height);
  drawBackground(canvas.getContext("2d")!, id, width, height);
  return canvas;
}

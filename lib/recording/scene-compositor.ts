import { fitVideo, placeScene, type Rect, type RecordingScene, type SceneTile } from "./recording-scene";

const BACKGROUND = "#0f172a";
const TILE = "#1e293b";
const LABEL_BACKGROUND = "rgba(15, 23, 42, 0.75)";
const TEXT = "#f8fafc";

/**
 * Draws the meeting into a canvas, one frame per `draw()`: each tile's video (cropped to fill, screens letterboxed)
 * with the person's name, or the name on a dark tile when their camera is off. Each track plays in a detached
 * `<video>` of its own, so the recording does not depend on what the page happens to render.
 */
export class SceneCompositor {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  private readonly videos = new Map<string, HTMLVideoElement>();
  private scene: RecordingScene | null = null;

  constructor(readonly width: number, readonly height: number) {
    this.canvas = document.createElement("canvas");
    this.canvas.width = width;
    this.canvas.height = height;
    const context = this.canvas.getContext("2d", { alpha: false });
    if (!context) throw new Error("This browser cannot draw the recording (no 2D canvas).");
    this.context = context;
    this.draw();
  }

  setScene(scene: RecordingScene): void {
    this.scene = scene;
    const live = new Set<string>();
    for (const tile of tilesOf(scene)) {
      const track = tile.videoOn ? tile.track : null;
      if (!track) continue;
      live.add(track.id);
      if (!this.videos.has(track.id)) this.videos.set(track.id, playing(track));
    }
    for (const [id, video] of this.videos) {
      if (live.has(id)) continue;
      video.srcObject = null;
      this.videos.delete(id);
    }
  }

  draw(): void {
    const { context } = this;
    context.fillStyle = BACKGROUND;
    context.fillRect(0, 0, this.width, this.height);
    if (!this.scene) return;
    for (const { tile, rect } of placeScene(this.scene.layout, this.width, this.height)) this.drawTile(tile, rect);
  }

  close(): void {
    for (const video of this.videos.values()) video.srcObject = null;
    this.videos.clear();
  }

  private drawTile(tile: SceneTile, rect: Rect): void {
    const { context } = this;
    context.fillStyle = TILE;
    context.fillRect(rect.x, rect.y, rect.width, rect.height);
    const video = tile.videoOn && tile.track ? this.videos.get(tile.track.id) : undefined;
    if (video && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) {
      const { source, target } = fitVideo(video.videoWidth, video.videoHeight, rect, tile.screen ? "contain" : "cover");
      context.drawImage(video, source.x, source.y, source.width, source.height, target.x, target.y, target.width, target.height);
    } else {
      this.drawCentredName(tile.name, rect);
    }
    this.drawLabel(tile.screen ? `${tile.name} (screen)` : tile.name, rect, !tile.screen && !tile.microphoneOn);
  }

  private drawCentredName(name: string, rect: Rect): void {
    const { context } = this;
    const size = Math.max(14, Math.min(48, rect.height / 6));
    context.font = `600 ${size}px system-ui, sans-serif`;
    context.fillStyle = TEXT;
    context.textAlign = "center";
    context.textBaseline = "middle";
    context.fillText(fitText(context, name, rect.width - 16), rect.x + rect.width / 2, rect.y + rect.height / 2);
  }

  private drawLabel(text: string, rect: Rect, muted: boolean): void {
    const { context } = this;
    const size = Math.max(11, Math.min(20, rect.height / 12));
    context.font = `500 ${size}px system-ui, sans-serif`;
    const label = fitText(context, muted ? `${text} · muted` : text, rect.width - 24);
    const width = context.measureText(label).width + 12;
    const height = size + 10;
    const x = rect.x + 6;
    const y = rect.y + rect.height - height - 6;
    context.fillStyle = LABEL_BACKGROUND;
    context.fillRect(x, y, width, height);
    context.fillStyle = TEXT;
    context.textAlign = "left";
    context.textBaseline = "middle";
    context.fillText(label, x + 6, y + height / 2);
  }
}

function tilesOf(scene: RecordingScene): readonly SceneTile[] {
  return scene.layout.kind === "grid" ? scene.layout.tiles : [scene.layout.stage, ...scene.layout.filmstrip];
}

function playing(track: MediaStreamTrack): HTMLVideoElement {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  // A detached, muted video may autoplay; if the browser refuses, the tile shows the name until it plays.
  void video.play().catch(() => undefined);
  return video;
}

function fitText(context: CanvasRenderingContext2D, text: string, maxWidth: number): string {
  if (context.measureText(text).width <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > maxWidth) end -= 1;
  return `${text.slice(0, end)}…`;
}

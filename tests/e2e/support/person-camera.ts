import type { BrowserContext, Locator } from "@playwright/test";

/**
 * Chromium's fake camera shows the same picture in every context (its capture file is per browser, not per
 * context), so a test cannot tell whose video a tile shows. This gives one person's context a camera of their
 * own: getUserMedia still opens the fake devices (constraints, errors and the microphone stay real), and the
 * video track it returns is a canvas of the same size and frame rate filled with the person's colour, their name,
 * and a bar that moves every frame (so frames keep coming and the encoder has something to send).
 */
export type PersonCamera = { name: string; colour: readonly [number, number, number] };

/** Distinct, saturated colours that survive VP8 at 320×180: each channel is either far up or far down. */
export const CAMERA_COLOURS = {
  red: [220, 40, 40],
  green: [40, 200, 60],
  blue: [40, 70, 220],
} as const satisfies Record<string, [number, number, number]>;

export async function givePersonCamera(context: BrowserContext, camera: PersonCamera): Promise<void> {
  await context.addInitScript(({ name, colour }) => {
    const devices = navigator.mediaDevices;
    const open = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      const stream = await open(constraints);
      const [fake] = stream.getVideoTracks();
      if (!fake) return stream;
      const { width = 320, height = 180, frameRate = 10 } = fake.getSettings();
      fake.stop();
      stream.removeTrack(fake);
      const canvas = document.createElement("canvas");
      canvas.width = width;
      canvas.height = height;
      const context2d = canvas.getContext("2d")!;
      let frame = 0;
      const draw = () => {
        context2d.fillStyle = `rgb(${colour.join(",")})`;
        context2d.fillRect(0, 0, width, height);
        context2d.fillStyle = "white";
        context2d.font = `bold ${Math.round(height / 6)}px sans-serif`;
        context2d.fillText(name, width / 16, height / 4);
        // A moving bar along the bottom edge, clear of the centre a receiver samples.
        context2d.fillRect(((frame += 1) * 7) % width, height - height / 10, width / 8, height / 10);
      };
      draw();
      const track = canvas.captureStream(frameRate).getVideoTracks()[0]!;
      const timer = setInterval(draw, 1000 / frameRate);
      track.addEventListener("ended", () => clearInterval(timer));
      const stop = track.stop.bind(track);
      track.stop = () => {
        clearInterval(timer);
        stop();
      };
      stream.addTrack(track);
      return stream;
    };
  }, camera);
}

/** The mean colour of the middle of the picture a tile's <video> decodes (null while it has no frame). */
export function tileColour(tile: Locator): Promise<[number, number, number] | null> {
  return tile.locator("video").evaluate((video: HTMLVideoElement) => {
    if (video.videoWidth === 0) return null;
    const canvas = document.createElement("canvas");
    canvas.width = 16;
    canvas.height = 9;
    const context2d = canvas.getContext("2d")!;
    // The middle third of the frame: clear of the name (top) and the moving bar (bottom).
    context2d.drawImage(video, video.videoWidth / 3, video.videoHeight / 3, video.videoWidth / 3, video.videoHeight / 3, 0, 0, 16, 9);
    const { data } = context2d.getImageData(0, 0, 16, 9);
    const sum = [0, 0, 0];
    for (let index = 0; index < data.length; index += 4) for (let channel = 0; channel < 3; channel += 1) sum[channel]! += data[index + channel]!;
    return sum.map((value) => Math.round(value / (data.length / 4))) as [number, number, number];
  });
}

/** Which of `colours` a sampled colour is (nearest, and close enough to tell), or null. */
export function nearestColour<Name extends string>(sample: [number, number, number] | null, colours: Record<Name, readonly [number, number, number]>): Name | null {
  if (!sample) return null;
  const distance = (colour: readonly [number, number, number]) => Math.hypot(...colour.map((value, index) => value - sample[index]!));
  const [best] = (Object.entries(colours) as [Name, readonly [number, number, number]][]).sort(([, a], [, b]) => distance(a) - distance(b));
  return best && distance(best[1]) < 60 ? best[0] : null;
}

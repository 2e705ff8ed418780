type SinkSelectable = HTMLMediaElement & { setSinkId(sinkId: string): Promise<void> };

/** Chromium and Firefox can route an element to a chosen speaker; Safari cannot (it follows the system). */
export function canChooseAudioOutput(): boolean {
  return typeof HTMLMediaElement !== "undefined" && "setSinkId" in HTMLMediaElement.prototype;
}

/** Routes an element's sound to a speaker; `""` is the system default. Failures leave the current route. */
export async function routeAudioOutput(element: HTMLMediaElement, deviceId: string): Promise<boolean> {
  if (!canChooseAudioOutput()) return false;
  try {
    await (element as SinkSelectable).setSinkId(deviceId);
    return true;
  } catch {
    return false;
  }
}

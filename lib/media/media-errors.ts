/**
 * Why a camera or microphone could not be opened, reduced to what a person can act on. Browsers report
 * getUserMedia failures as DOMException names; the mapping follows the Media Capture spec and Chromium's use.
 */
export type DeviceErrorKind = "denied" | "not-found" | "in-use" | "unsupported" | "failed";

export type DeviceError = { kind: DeviceErrorKind; message: string };

export type CaptureKind = "microphone" | "camera";

export function deviceErrorKind(error: unknown): DeviceErrorKind {
  const name = error instanceof Error || error instanceof DOMException ? error.name : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
    case "PermissionDeniedError":
      return "denied";
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return "not-found";
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return "in-use";
    case "TypeError":
      // getUserMedia is missing outside secure contexts (plain http on a LAN address).
      return "unsupported";
    default:
      return "failed";
  }
}

const messages: Record<DeviceErrorKind, (device: CaptureKind) => string> = {
  denied: (device) => `The browser blocked the ${device}. Allow it from the site settings (the icon left of the address), then try again.`,
  "not-found": (device) => `No ${device} was found. Connect one, or join without it.`,
  "in-use": (device) => `The ${device} is in use by another application or could not start. Close that application, then try again.`,
  unsupported: () => "This page cannot use cameras or microphones: open it over HTTPS.",
  failed: (device) => `The ${device} could not be started.`,
};

export function describeDeviceError(device: CaptureKind, error: unknown): DeviceError {
  const kind = deviceErrorKind(error);
  return { kind, message: messages[kind](device) };
}

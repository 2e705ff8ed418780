/** The RTCRtpEncodingParameters fields the bitrate policy controls, in the browser's units (bps). */
export type EncodingCaps = {
  maxBitrate: number;
  maxFramerate?: number;
  scaleResolutionDownBy?: number;
  priority?: RTCPriorityType;
  networkPriority?: RTCPriorityType;
};

function alreadyApplied(encoding: RTCRtpEncodingParameters, caps: EncodingCaps): boolean {
  return (Object.keys(caps) as (keyof EncodingCaps)[]).every((field) => encoding[field] === caps[field]);
}

/**
 * Applies caps to a sender's single encoding. A sender whose transceiver has not been negotiated yet has no
 * encodings; the caller applies again once negotiation completes.
 */
export async function applyEncodingCaps(sender: RTCRtpSender, caps: EncodingCaps): Promise<void> {
  const parameters = sender.getParameters();
  const [encoding] = parameters.encodings;
  if (!encoding || alreadyApplied(encoding, caps)) return;
  Object.assign(encoding, caps);
  await sender.setParameters(parameters);
}

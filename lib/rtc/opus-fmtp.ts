/**
 * Opus parameters are the receiver's requests to the sender (RFC 7587): a browser configures its Opus encoder
 * from the fmtp line of the *remote* description. Rewriting incoming descriptions therefore turns on in-band FEC
 * (recovers a lost 20 ms packet from the next one) and DTX (near-silent packets while the microphone hears
 * nothing, which saves uplink in a mesh) for everything this browser sends. Only Opus fmtp lines change.
 */
const OPUS_PARAMETERS: Readonly<Record<string, string>> = { useinbandfec: "1", usedtx: "1" };

function withParameters(parameters: string, overrides: Readonly<Record<string, string>>): string {
  const entries = parameters
    .split(";")
    .map((parameter) => parameter.trim())
    .filter((parameter) => parameter.length > 0)
    .map((parameter): [string, string] => {
      const equals = parameter.indexOf("=");
      return equals === -1 ? [parameter, ""] : [parameter.slice(0, equals), parameter.slice(equals + 1)];
    });
  const merged = new Map(entries);
  for (const [name, value] of Object.entries(overrides)) merged.set(name, value);
  return [...merged].map(([name, value]) => (value === "" ? name : `${name}=${value}`)).join(";");
}

export function withOpusFecAndDtx(sdp: string): string {
  const eol = sdp.includes("\r\n") ? "\r\n" : "\n";
  const lines = sdp.split(eol);
  const opusPayloadTypes = new Set(
    lines.flatMap((line) => /^a=rtpmap:(\d+) opus\/48000/i.exec(line)?.slice(1, 2) ?? []),
  );
  return lines
    .map((line) => {
      const fmtp = /^a=fmtp:(\d+) (.*)$/.exec(line);
      if (!fmtp || !opusPayloadTypes.has(fmtp[1]!)) return line;
      return `a=fmtp:${fmtp[1]} ${withParameters(fmtp[2]!, OPUS_PARAMETERS)}`;
    })
    .join(eol);
}

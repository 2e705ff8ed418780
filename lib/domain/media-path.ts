import { z } from "zod";

/** How a meeting's media travels: peer to peer between everyone, or through the SFU (Janus). */
export const mediaPathSchema = z.enum(["mesh", "sfu"]);
export type MediaPath = z.infer<typeof mediaPathSchema>;

/**
 * Where a meeting moves from the mesh to the SFU, and back. Measured on this kind of machine (docs/benchmarks.md,
 * bench/sfu): at 4 people the mesh's late joiner waits ~0.7 s and each browser uses ~1.1 cores, at 6 it falls to
 * 3 fps and the late joiner waits seconds, while through Janus 6 people keep 10+ fps and first frames in ~0.6 s.
 * The gap between the two thresholds keeps a meeting of 4–5 from flapping as one person comes and goes.
 */
export const SFU_FROM_PARTICIPANTS = 5;
export const MESH_AT_PARTICIPANTS = 3;

/** The path for `seated` people, given the current one; a room marked "large meeting" always uses the SFU. */
export function nextMediaPath(current: MediaPath, seated: number, largeMeeting: boolean): MediaPath {
  if (largeMeeting) return "sfu";
  if (current === "mesh" && seated >= SFU_FROM_PARTICIPANTS) return "sfu";
  if (current === "sfu" && seated <= MESH_AT_PARTICIPANTS) return "mesh";
  return current;
}

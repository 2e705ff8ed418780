import parseRange from "range-parser";
import type { ByteRange } from "@/lib/server/storage/blob-storage";

/** One satisfiable range, the whole file, or "unsatisfiable"; several ranges are answered with the whole file. */
export function requestedRange(header: string | null, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const parsed = parseRange(size, header, { combine: true });
  if (parsed === -1) return "unsatisfiable";
  if (parsed === -2 || parsed.type !== "bytes" || parsed.length !== 1) return null;
  return { start: parsed[0]!.start, end: parsed[0]!.end };
}

import { readdirSync, readFileSync } from "node:fs";

/** Linux's clock ticks per second for /proc/<pid>/stat times. */
export const TICKS_PER_SECOND = 100;

/**
 * utime + stime, in clock ticks, of every process descending from `root` (default: this process) and of `root`
 * itself unless it is this process; the subtrees of `exclude` are left out (e.g. a server measured on its own).
 */
export function descendantTicks(root = process.pid, exclude: number[] = []): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), Number(fields[1]));
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
    } catch {
      // The process ended while we looked.
    }
  }
  const counts = (pid: number): boolean => {
    if (exclude.includes(pid)) return false;
    if (pid === root) return true;
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) {
      if (exclude.includes(parent)) return false;
      if (parent === root) return true;
    }
    return false;
  };
  return [...ticks].reduce((total, [pid, value]) => total + (pid !== process.pid && counts(pid) ? value : 0), 0);
}

/** CPU used by a process tree over `work`, in cores (1.0 = one core busy throughout). */
export async function coresDuring<T>(measure: () => number, work: () => Promise<T>): Promise<{ result: T; cores: number }> {
  const [before, startedAt] = [measure(), performance.now()];
  const result = await work();
  return { result, cores: (measure() - before) / TICKS_PER_SECOND / ((performance.now() - startedAt) / 1000) };
}

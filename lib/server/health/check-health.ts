import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";

type Probe = { ok: boolean; latencyMs: number; error?: string };

const PROBE_TIMEOUT_MS = 2_000;

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), PROBE_TIMEOUT_MS)),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

async function partykitResponds(): Promise<void> {
  const response = await fetch(new URL("/parties/main/health", serverEnv().PARTYKIT_URL), { cache: "no-store" });
  if (!response.ok) throw new Error(`PartyKit answered ${response.status}`);
}

/** Reachability of the parts Confer cannot work without; says nothing about any user's data. */
export async function checkHealth() {
  const [database, partykit] = await Promise.all([probe(() => prisma.$queryRaw`SELECT 1`), probe(partykitResponds)]);
  return { ok: database.ok && partykit.ok, database, partykit };
}

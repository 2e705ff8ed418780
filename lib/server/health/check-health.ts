import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import { probe } from "./probe";

async function partykitResponds(): Promise<void> {
  const response = await fetch(new URL("/parties/main/health", serverEnv().PARTYKIT_URL), { cache: "no-store" });
  if (!response.ok) throw new Error(`PartyKit answered ${response.status}`);
}

/** Reachability of the parts Confer cannot work without; says nothing about any user's data. */
export async function checkHealth() {
  const [database, partykit] = await Promise.all([probe("database", () => prisma.$queryRaw`SELECT 1`), probe("PartyKit", partykitResponds)]);
  return { ok: database.ok && partykit.ok, database, partykit };
}

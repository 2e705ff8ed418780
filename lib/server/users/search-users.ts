import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";

export type DirectoryUser = { id: string; name: string; email: string | null };

/** Directory look-up for invitee pickers: name or email contains the query, at most `limit` people. */
export async function searchUsers(_actor: Actor, query: string, limit: number): Promise<DirectoryUser[]> {
  return prisma.user.findMany({
    where: {
      OR: [{ name: { contains: query, mode: "insensitive" } }, { email: { contains: query, mode: "insensitive" } }],
    },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit,
  });
}

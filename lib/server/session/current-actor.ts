import "server-only";
import { auth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/server/http/app-error";

/** The signed-in actor, or null when the request carries no valid session. */
export async function currentActor(): Promise<Actor | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? "", email: user.email ?? null, role: user.role };
}

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("unauthorized", "Sign in first.");
  return actor;
}

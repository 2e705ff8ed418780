import "server-only";
import { notFound, redirect } from "next/navigation";
import { AppError } from "@/lib/server/http/app-error";
import { getRoom } from "@/lib/server/rooms/get-room";
import { currentActor } from "@/lib/server/session/current-actor";

/** The signed-in actor and the room they asked for; sign-in for visitors, 404 for rooms they may not see. */
export async function loadRoom(slug: string, returnPath = `/rooms/${encodeURIComponent(slug)}`) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${returnPath}`);
  try {
    return { actor, room: await getRoom(actor, slug) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

import "server-only";
import type { ThemeChoice as StoredThemeChoice } from "@/lib/db";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { ThemeChoice } from "@/lib/domain/theme";

const fromStored: Record<StoredThemeChoice, ThemeChoice> = { SYSTEM: "system", LIGHT: "light", DARK: "dark", CONTRAST: "contrast" };

/** The theme the actor picked; "system" for someone whose row is gone (a session outliving its user). */
export async function getThemeChoice(actor: Actor): Promise<ThemeChoice> {
  const user = await prisma.user.findUnique({ where: { id: actor.id }, select: { theme: true } });
  return user ? fromStored[user.theme] : "system";
}

import "server-only";
import { ThemeChoice as StoredThemeChoice } from "@/lib/db";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import type { ThemeChoice } from "@/lib/domain/theme";
import { AppError } from "@/lib/server/http/app-error";

const stored: Record<ThemeChoice, StoredThemeChoice> = {
  system: StoredThemeChoice.SYSTEM,
  light: StoredThemeChoice.LIGHT,
  dark: StoredThemeChoice.DARK,
  contrast: StoredThemeChoice.CONTRAST,
};

/** Keeps the actor's theme on their user, so it follows them to every browser they sign in from. */
export async function setThemeChoice(actor: Actor, choice: ThemeChoice): Promise<ThemeChoice> {
  const { count } = await prisma.user.updateMany({ where: { id: actor.id }, data: { theme: stored[choice] } });
  if (count === 0) throw new AppError("not_found", "Your account is no longer in the directory. Sign in again.");
  return choice;
}

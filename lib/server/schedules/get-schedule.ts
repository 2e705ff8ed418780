import "server-only";
import type { Actor } from "@/lib/domain/actor";
import { findVisibleSchedule } from "./find-schedule";
import { toScheduleView } from "./schedule-view";

export async function getSchedule(actor: Actor, id: string) {
  return toScheduleView(await findVisibleSchedule(actor, id), actor);
}

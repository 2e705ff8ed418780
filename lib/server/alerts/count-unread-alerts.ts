import "server-only";
import { cache } from "react";
import { prisma } from "@/lib/db/prisma";

/**
 * Unread alerts for the admin badges. A COUNT on the `readAt` index (unread rows are few: admins read them);
 * `cache` makes the header and the admin nav of one request share a single query.
 */
export const countUnreadAlerts = cache(async (): Promise<number> => prisma.alert.count({ where: { readAt: null } }));

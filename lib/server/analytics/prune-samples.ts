import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";

const DAY_MS = 86_400_000;

/**
 * Deletes raw quality samples older than ANALYTICS_RAW_RETENTION_DAYS (default 30). Per-minute rollups and
 * QualityIssue rows are kept: the dashboards read only those. Meant for the cleanup job.
 */
export async function pruneSamples(now = new Date(), retentionDays = serverEnv().ANALYTICS_RAW_RETENTION_DAYS): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const { count } = await prisma.qualitySample.deleteMany({ where: { at: { lt: cutoff } } });
  return { deleted: count };
}

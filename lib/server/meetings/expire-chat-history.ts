import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import { blobStorage } from "@/lib/server/storage/storage";

const DAY_MS = 86_400_000;
const BATCH = 200;

export type ChatExpiry = { messages: number; files: number; retentionDays: number | null };

/**
 * Chat retention (CHAT_RETENTION_DAYS; unset keeps everything): the chat of meetings that ended more than that
 * many days ago goes, and so do their files — each blob first, then its row, so a blob that fails to go keeps
 * its row and is tried again on the next run. Meant for the cleanup job.
 */
export async function expireChatHistory(now = new Date(), retentionDays = serverEnv().CHAT_RETENTION_DAYS ?? null): Promise<ChatExpiry> {
  if (retentionDays === null) return { messages: 0, files: 0, retentionDays };
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const expiredMeetings = { endedAt: { lt: cutoff } };
  const { count: messages } = await prisma.chatMessage.deleteMany({ where: { meeting: expiredMeetings } });

  const storage = blobStorage();
  const expiredMeetingIds = (await prisma.meeting.findMany({ where: expiredMeetings, select: { id: true } })).map((meeting) => meeting.id);
  let files = 0;
  for (;;) {
    const batch = await prisma.storedFile.findMany({
      // A file from a meeting that ended long ago, or one never sent in any meeting and older than the cutoff.
      where: { OR: [{ meetingId: { in: expiredMeetingIds } }, { meetingId: null, createdAt: { lt: cutoff } }] },
      select: { id: true, storageKey: true },
      take: BATCH,
    });
    if (batch.length === 0) break;
    const removed: string[] = [];
    for (const file of batch) {
      try {
        await storage.delete(file.storageKey);
        removed.push(file.id);
      } catch (error) {
        console.error(`Retention could not delete blob ${file.storageKey}; it is tried again next run`, error);
      }
    }
    if (removed.length > 0) await prisma.storedFile.deleteMany({ where: { id: { in: removed } } });
    files += removed.length;
    if (removed.length < batch.length || batch.length < BATCH) break;
  }
  return { messages, files, retentionDays };
}

import { prisma } from "@/lib/db/prisma";

/**
 * Waits until PartyKit has delivered the end of every meeting held in these rooms. A test that leaves its
 * sockets and deletes the meetings at once races the app writing their last records (participations left,
 * meeting ended), which PostgreSQL can answer with a deadlock; after this, nothing writes to them any more.
 */
export async function waitForMeetingsToEnd(roomIds: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await prisma.meeting.count({ where: { roomId: { in: roomIds }, endedAt: null } });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} meeting(s) still not ended ${timeoutMs} ms after everyone left`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

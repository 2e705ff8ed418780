import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

const directory = `https://idp.test/${randomUUID()}`;
let ownerCount = 0;

async function roomWithInvites() {
  ownerCount += 1;
  const owner = await prisma.user.create({ data: { directory, subject: `owner-${ownerCount}`, name: "Owner" } });
  const room = await prisma.room.create({
    data: {
      slug: `test-room-${randomUUID()}`,
      name: "Cascade test",
      ownerId: owner.id,
      invites: {
        create: [
          { email: `a-${randomUUID()}@confer.test`, invitedById: owner.id },
          { email: `b-${randomUUID()}@confer.test`, invitedById: owner.id },
        ],
      },
    },
  });
  return { owner, room };
}

afterAll(async () => {
  // Deleting the users cascades to whatever rooms and invites a failed test left behind.
  await prisma.user.deleteMany({ where: { directory } });
  await prisma.$disconnect();
});

describe("room deletion", () => {
  it("removes the room's invites", async () => {
    const { room } = await roomWithInvites();
    expect(await prisma.roomInvite.count({ where: { roomId: room.id } })).toBe(2);

    await prisma.room.delete({ where: { id: room.id } });

    expect(await prisma.roomInvite.count({ where: { roomId: room.id } })).toBe(0);
  });

  it("follows the owner's deletion, while the owner's audit trail stays with no actor", async () => {
    const { owner, room } = await roomWithInvites();
    const entry = await prisma.auditLog.create({
      data: { actorId: owner.id, action: "room.created", targetType: "room", targetId: room.id },
    });

    await prisma.user.delete({ where: { id: owner.id } });

    expect(await prisma.room.findUnique({ where: { id: room.id } })).toBeNull();
    expect(await prisma.roomInvite.count({ where: { roomId: room.id } })).toBe(0);
    expect(await prisma.auditLog.findUnique({ where: { id: entry.id } })).toMatchObject({ actorId: null });
    await prisma.auditLog.delete({ where: { id: entry.id } });
  });
});

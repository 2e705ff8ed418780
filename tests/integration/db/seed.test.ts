import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_DEMO_DIRECTORY, demoRooms, seedDemoOrg } from "@/prisma/seed";

const directory = process.env.OIDC_ISSUER ?? DEFAULT_DEMO_DIRECTORY;
const demoSlugs = demoRooms.map((room) => room.slug);

// The demo org is the seed's purpose and what every seeded database holds anyway, so it stays after the test.
afterAll(() => prisma.$disconnect());

describe("demo seed", () => {
  it("is idempotent: a second run creates nothing", async () => {
    await seedDemoOrg(prisma, directory);
    const countsAfterFirstRun = await demoRowCounts();

    expect(await seedDemoOrg(prisma, directory)).toEqual({ usersCreated: 0, roomsCreated: 0, invitesCreated: 0, templatesCreated: 0 });
    expect(await demoRowCounts()).toEqual(countsAfterFirstRun);
    expect(countsAfterFirstRun).toEqual({ users: 4, rooms: 5, invites: 1 });
  });

  it("seeds the demo directory's roles, without the account outside the allowed groups", async () => {
    await seedDemoOrg(prisma, directory);
    const users = await prisma.user.findMany({ where: { directory }, orderBy: { subject: "asc" } });
    expect(users.map(({ subject, role }) => [subject, role])).toEqual(
      expect.arrayContaining([
        ["alice", "ADMIN"],
        ["bob", "EMPLOYEE"],
        ["carol", "EMPLOYEE"],
        ["dan", "EMPLOYEE"],
      ]),
    );
    expect(users.some((user) => user.subject === "mallory")).toBe(false);
  });

  it("makes Leadership sync invite-only with an invite for bob", async () => {
    await seedDemoOrg(prisma, directory);
    const room = await prisma.room.findUniqueOrThrow({
      where: { slug: "leadership-sync" },
      include: { invites: true, owner: true },
    });
    expect(room.visibility).toBe("INVITE_ONLY");
    expect(room.owner.subject).toBe("alice");
    expect(room.invites.map((invite) => invite.email)).toEqual(["bob@confer.test"]);
  });
});

async function demoRowCounts() {
  const subjects = ["alice", "bob", "carol", "dan", "mallory"];
  return {
    users: await prisma.user.count({ where: { directory, subject: { in: subjects } } }),
    rooms: await prisma.room.count({ where: { slug: { in: demoSlugs } } }),
    invites: await prisma.roomInvite.count({ where: { room: { slug: { in: demoSlugs } } } }),
  };
}

/**
 * Demo organization for development and tests: the demo directory's users (scripts/dev-idp/directory.json, see
 * docs/demo-directory.md) and a few rooms. Idempotent: rows are keyed by (directory, subject), room slug and
 * (room, email) and inserted with ON CONFLICT DO NOTHING, so a second run creates nothing and never overwrites
 * what people changed since.
 *
 *   DATABASE_URL=… npx tsx prisma/seed.ts        (or `npm run db:seed`)
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "../lib/db/generated/client";
import type { RoomVisibility } from "../lib/db/generated/enums";
import { resolveAppRole } from "../lib/domain/directory-role";
import { seedTemplates } from "../lib/domain/seed-templates";
import { loadDemoDirectory } from "../scripts/dev-idp/directory";

/** The dev IdP's issuer; users signing in through it are matched on it, so the seed must use the same one. */
export const DEFAULT_DEMO_DIRECTORY = "http://127.0.0.1:4000";

/** The role mapping dev and tests configure (AUTH_ADMIN_GROUPS, AUTH_ALLOWED_GROUPS). */
const demoRolePolicy = { adminGroups: ["confer-admins"], allowedGroups: ["confer-users"] };

type DemoRoom = {
  slug: string;
  name: string;
  description: string;
  owner: string;
  visibility: RoomVisibility;
  invites?: string[];
};

export const demoRooms: readonly DemoRoom[] = [
  {
    slug: "engineering-stand-up",
    name: "Engineering stand-up",
    description: "Daily, 9:30, fifteen minutes.",
    owner: "bob",
    visibility: "ORG",
  },
  { slug: "sales-weekly", name: "Sales weekly", description: "Pipeline review.", owner: "carol", visibility: "ORG" },
  {
    slug: "leadership-sync",
    name: "Leadership sync",
    description: "Invite only.",
    owner: "alice",
    visibility: "INVITE_ONLY",
    invites: ["bob@confer.test"],
  },
  { slug: "all-hands", name: "All-hands", description: "Monthly company meeting.", owner: "alice", visibility: "ORG" },
  { slug: "design-review", name: "Design review", description: "Bring mock-ups.", owner: "dan", visibility: "ORG" },
];

export type SeedResult = { usersCreated: number; roomsCreated: number; invitesCreated: number; templatesCreated: number };

export async function seedDemoOrg(
  db: PrismaClient,
  directory = process.env.OIDC_ISSUER ?? DEFAULT_DEMO_DIRECTORY,
): Promise<SeedResult> {
  const members = loadDemoDirectory().users.flatMap((user) => {
    const role = resolveAppRole(user.groups, demoRolePolicy);
    // Accounts outside the allowed groups (mallory) could never sign in, so they have no user row.
    if (role === null) return [];
    const { username, name, email, groups } = user;
    const appRole = role === "admin" ? ("ADMIN" as const) : ("EMPLOYEE" as const);
    return [{ directory, subject: username, name, email, groups, role: appRole }];
  });
  const users = await db.user.createMany({ data: members, skipDuplicates: true });

  const seededUsers = await db.user.findMany({ where: { directory, subject: { in: members.map((member) => member.subject) } } });
  const userId = idLookup(new Map(seededUsers.map((user) => [user.subject, user.id])), "user");

  const rooms = await db.room.createMany({
    data: demoRooms.map(({ slug, name, description, owner, visibility }) => ({
      slug,
      name,
      description,
      visibility,
      ownerId: userId(owner),
    })),
    skipDuplicates: true,
  });

  const seededRooms = await db.room.findMany({ where: { slug: { in: demoRooms.map((room) => room.slug) } } });
  const roomId = idLookup(new Map(seededRooms.map((room) => [room.slug, room.id])), "room");
  const invites = await db.roomInvite.createMany({
    data: demoRooms.flatMap((room) =>
      (room.invites ?? []).map((email) => ({ roomId: roomId(room.slug), email, invitedById: userId(room.owner) })),
    ),
    skipDuplicates: true,
  });

  // Org templates keyed by seedKey: admins may edit them afterwards, and a re-run never overwrites that.
  const templates = await db.roomTemplate.createMany({
    data: seedTemplates.map(({ seedKey, name, description, policy }) => ({ seedKey, name, description, scope: "ORG" as const, policy })),
    skipDuplicates: true,
  });

  return { usersCreated: users.count, roomsCreated: rooms.count, invitesCreated: invites.count, templatesCreated: templates.count };
}

function idLookup(ids: ReadonlyMap<string, string>, what: string): (key: string) => string {
  return (key) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`demo ${what} "${key}" is missing after seeding`);
    return id;
  };
}

async function main(): Promise<void> {
  const { prisma } = await import("../lib/db/prisma");
  try {
    const { usersCreated, roomsCreated, invitesCreated, templatesCreated } = await seedDemoOrg(prisma);
    console.log(
      `Seeded the demo org: created ${usersCreated} users, ${roomsCreated} rooms, ${invitesCreated} invites, ${templatesCreated} templates.`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

// Run only as a script (`tsx prisma/seed.ts`), not when a test imports seedDemoOrg.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}

import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

// Directories of our own, so parallel test files and a seeded database never collide with these rows.
const directory = `https://idp.test/${randomUUID()}`;
const otherDirectory = `ldap://ldap.test/${randomUUID()}`;

afterAll(async () => {
  await prisma.user.deleteMany({ where: { directory: { in: [directory, otherDirectory] } } });
  await prisma.$disconnect();
});

describe("user identity (directory, subject)", () => {
  it("rejects a second user with the same directory and subject", async () => {
    await prisma.user.create({ data: { directory, subject: "sam", name: "Sam" } });
    await expect(prisma.user.create({ data: { directory, subject: "sam", name: "Sam again" } })).rejects.toMatchObject({
      code: "P2002",
    });
  });

  it("allows the same subject in another directory", async () => {
    await prisma.user.create({ data: { directory, subject: "kim", name: "Kim (OIDC)" } });
    const ldapKim = await prisma.user.create({ data: { directory: otherDirectory, subject: "kim", name: "Kim (LDAP)" } });
    expect(ldapKim.role).toBe("EMPLOYEE");
  });

  it("lets a sign-in upsert refresh the user instead of duplicating it", async () => {
    const key = { directory_subject: { directory, subject: "lee" } };
    const first = await prisma.user.upsert({ where: key, create: { directory, subject: "lee", name: "Lee" }, update: {} });
    const again = await prisma.user.upsert({
      where: key,
      create: { directory, subject: "lee", name: "Lee" },
      update: { name: "Lee Renamed", groups: ["confer-users"] },
    });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: "Lee Renamed", groups: ["confer-users"] });
  });
});

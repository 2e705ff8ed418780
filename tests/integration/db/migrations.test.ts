import { readdirSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";

const migrationsDir = new URL("../../../prisma/migrations/", import.meta.url);
const localMigrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

type MigrationRow = { migration_name: string; finished_at: Date | null; rolled_back_at: Date | null };

afterAll(() => prisma.$disconnect());

describe("database migrations", () => {
  it("starts with the initial migration", () => {
    expect(localMigrations[0]).toMatch(/^\d{14}_init$/);
  });

  it("has applied every migration of prisma/migrations, in Prisma's own bookkeeping table", async () => {
    const rows = await prisma.$queryRaw<MigrationRow[]>`
      SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"`;
    const applied = rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => row.migration_name);
    expect(applied).toEqual(expect.arrayContaining(localMigrations));
  });

  it("has created the schema's tables", async () => {
    const tables = await prisma.$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`;
    expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(["User", "Room", "RoomInvite", "AuditLog"]));
  });
});

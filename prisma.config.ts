import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// The CLI would otherwise download the native schema engine from Prisma's binary host, which this network
// cannot reach; the shim runs the same engine compiled to WebAssembly (see docs/database.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(new URL("./scripts/prisma/schema-engine.mjs", import.meta.url));

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    // Not `env("DATABASE_URL")`: it throws when unset, even for `prisma generate`. The default is the embedded dev DB.
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/postgres",
  },
});

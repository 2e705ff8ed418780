import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

function createPrismaClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. For the embedded dev database run `npm run db:embedded` and use " +
        "postgresql://postgres:postgres@127.0.0.1:54329/postgres (see docs/database.md).",
    );
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

// Next.js re-evaluates modules on every hot reload; without the cache each reload would open a new pool.
const cache = globalThis as typeof globalThis & { conferPrisma?: PrismaClient };

/** The one PrismaClient of this process. Server use cases import it; browser code must not. */
export const prisma = cache.conferPrisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") cache.conferPrisma = prisma;

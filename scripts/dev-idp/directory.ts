import { readFileSync } from "node:fs";
import { z } from "zod";

const demoUserSchema = z.object({
  username: z.string().regex(/^[a-z][a-z0-9._-]*$/),
  name: z.string().min(1),
  email: z.email(),
  groups: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/)),
});

const demoDirectorySchema = z.object({
  /** Every demo account shares this password: the directory exists for dev and tests only. */
  password: z.string().min(1),
  users: z.array(demoUserSchema).min(1),
});

export type DemoUser = z.infer<typeof demoUserSchema>;
export type DemoDirectory = z.infer<typeof demoDirectorySchema>;

/** Path of the single source of the demo directory, shared by the dev IdP, the throwaway slapd and the seed. */
export const demoDirectoryPath = new URL("./directory.json", import.meta.url);

export function loadDemoDirectory(): DemoDirectory {
  return demoDirectorySchema.parse(JSON.parse(readFileSync(demoDirectoryPath, "utf8")));
}

/** Every group named by at least one demo user, sorted for stable output. */
export function demoGroupNames(directory: DemoDirectory): string[] {
  return [...new Set(directory.users.flatMap((user) => user.groups))].sort();
}

import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/prisma";

const directoryUserSchema = z.object({
  /** The OIDC issuer or the LDAP server URL that vouched for the user. */
  directory: z.string().min(1).max(512),
  /** OIDC `sub` or LDAP entry DN: stable within its directory. */
  subject: z.string().min(1).max(1_024),
  name: z.string().min(1).max(256),
  email: z.string().max(320).nullable(),
  groups: z.array(z.string().max(512)).max(1_000),
  role: z.enum(["admin", "employee"]),
  /** Which sign-in method was used, for the audit trail. */
  method: z.enum(["oidc", "ldap"]),
});

export type DirectoryUserInput = z.input<typeof directoryUserSchema>;

/**
 * Records a successful sign-in: creates or refreshes the user from what the directory says now (so a changed
 * name, email, group or role takes effect at every sign-in) and writes a `user.signed_in` audit entry.
 */
export async function upsertDirectoryUser(input: DirectoryUserInput): Promise<{ id: string }> {
  const { directory, subject, method, role, ...profile } = directoryUserSchema.parse(input);
  const fields = { ...profile, role: role === "admin" ? ("ADMIN" as const) : ("EMPLOYEE" as const), lastSignInAt: new Date() };
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { directory_subject: { directory, subject } },
      create: { directory, subject, ...fields },
      update: fields,
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { actorId: user.id, action: "user.signed_in", targetType: "user", targetId: user.id, data: { method, role } },
    });
    return user;
  });
}

import { z } from "zod";

const maxGroups = 1_000;

const groupsClaimSchema = z.union([
  z.array(z.string().min(1).max(512)).max(maxGroups),
  // Some IdPs send a single group as a plain string.
  z.string().min(1).max(512).transform((group) => [group]),
]);

const identityClaimsSchema = z.object({
  sub: z.string().min(1).max(255),
  name: z.string().max(256).optional(),
  preferred_username: z.string().max(256).optional(),
  email: z.string().max(320).optional(),
});

export type OidcIdentity = { subject: string; name: string; email: string | null };

/** Who the ID token or userinfo says the user is; throws when it has no usable subject. */
export function identityFromClaims(claims: unknown): OidcIdentity {
  const parsed = identityClaimsSchema.parse(claims);
  return {
    subject: parsed.sub,
    name: parsed.name || parsed.preferred_username || parsed.email || parsed.sub,
    email: parsed.email || null,
  };
}

/** The groups in `claimName`, or undefined when the claim is absent (so the caller may ask userinfo). */
export function groupsFromClaims(claims: unknown, claimName: string): string[] | undefined {
  if (typeof claims !== "object" || claims === null || !(claimName in claims)) return undefined;
  const parsed = groupsClaimSchema.safeParse((claims as Record<string, unknown>)[claimName]);
  return parsed.success ? parsed.data : [];
}

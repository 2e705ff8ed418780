import type { AppRole } from "@/lib/domain/actor";

declare module "next-auth" {
  interface User {
    /** Directory groups as the provider reported them, before role mapping. */
    groups?: string[];
  }

  interface Session {
    user: { id: string; name: string; email: string | null; role: AppRole; groups: string[] };
  }
}

// Augmenting "next-auth/jwt" has no effect: the JWT type lives in @auth/core.
declare module "@auth/core/jwt" {
  interface JWT {
    /** The Confer user id (DB primary key). */
    sub?: string;
    role?: AppRole;
    groups?: string[];
    /** Kept only to end the IdP session at sign-out; the session callback never copies it out. */
    idToken?: string;
  }
}

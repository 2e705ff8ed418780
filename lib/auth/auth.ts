import NextAuth, { type NextAuthConfig } from "next-auth";
import { serverEnv } from "@/lib/config/server-env";
import { resolveAppRole, type DirectoryRolePolicy } from "@/lib/domain/directory-role";
import { ldapProvider } from "@/lib/auth/providers/ldap";
import { oidcProvider } from "@/lib/auth/providers/oidc";
import { upsertDirectoryUser } from "@/lib/server/users/upsert-directory-user";

/** Group changes in the directory apply at the next sign-in, so a session lasts one working day at most. */
const sessionMaxAgeSeconds = 12 * 60 * 60;

async function authConfig(): Promise<NextAuthConfig> {
  const env = serverEnv();
  const policy: DirectoryRolePolicy = { adminGroups: env.AUTH_ADMIN_GROUPS, allowedGroups: env.AUTH_ALLOWED_GROUPS };
  const directoryByProvider: Record<string, string | undefined> = { oidc: env.OIDC_ISSUER, ldap: env.LDAP_URL };
  const providers = [await oidcProvider(env), ldapProvider(env)].filter((provider) => provider !== undefined);

  return {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers,
    callbacks: {
      signIn({ user, account }) {
        if (resolveAppRole(user.groups ?? [], policy)) return true;
        return `/auth/refused?method=${account?.provider === "ldap" ? "ldap" : "oidc"}`;
      },
      async jwt({ token, user, account, trigger }) {
        if (trigger !== "signIn") return token.sub && token.role ? token : null;
        const method = account?.provider;
        const directory = method ? directoryByProvider[method] : undefined;
        const groups = user?.groups ?? [];
        const role = resolveAppRole(groups, policy);
        if (!account || !directory || (method !== "oidc" && method !== "ldap") || !role) return null;
        const name = user?.name ?? account.providerAccountId;
        const email = user?.email ?? null;
        const saved = await upsertDirectoryUser({
          directory,
          subject: account.providerAccountId,
          name,
          email,
          groups,
          role,
          method,
        });
        return { sub: saved.id, name, email, role, groups, idToken: account.id_token };
      },
      session({ session, token }) {
        // Built field by field so the ID token kept in the JWT never reaches a page or the browser.
        const user = {
          id: token.sub ?? "",
          name: token.name ?? "",
          email: token.email ?? null,
          role: token.role ?? "employee",
          groups: token.groups ?? [],
        };
        return { expires: session.expires, user };
      },
    },
    logger: {
      error(error) {
        // A refused password is routine (and an unreachable directory is logged where it is detected); everything
        // else keeps its stack for the server log. `type` survives minification, unlike class names.
        if ("type" in error && error.type === "CredentialsSignin") return;
        console.error("[auth]", error);
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);

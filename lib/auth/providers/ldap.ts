import "server-only";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { ServerEnv } from "@/lib/config/server-env";
import { authenticateLdapUser } from "@/lib/auth/ldap-authenticate";
import { ldapCredentialsSchema } from "@/lib/auth/ldap-credentials";
import { signInAttemptKeys } from "@/lib/server/rate-limit/attempt-keys";
import { isSignInLocked, recordFailedSignIn, recordSuccessfulSignIn } from "@/lib/server/rate-limit/sign-in-attempts";

type LdapEnv = Pick<
  ServerEnv,
  | "LDAP_URL"
  | "LDAP_DISPLAY_NAME"
  | "LDAP_BIND_DN"
  | "LDAP_BIND_PASSWORD"
  | "LDAP_USER_BASE_DN"
  | "LDAP_USER_FILTER"
  | "LDAP_GROUP_BASE_DN"
  | "LDAP_GROUP_MEMBER_ATTRIBUTE"
>;

/** Told apart from a wrong password so the form can say "try later" instead of blaming the user. */
export class DirectoryUnavailable extends CredentialsSignin {
  code = "directory_unavailable";
}

/** Too many failed attempts for this account or address; said the same way for every account. */
export class SignInLocked extends CredentialsSignin {
  code = "rate_limited";
}

/** Username and password checked by binding to the organization's LDAP directory (OpenLDAP, Active Directory). */
export function ldapProvider(env: LdapEnv) {
  const url = env.LDAP_URL;
  const userBaseDn = env.LDAP_USER_BASE_DN;
  if (!url || !userBaseDn) return undefined;
  const directory = {
    url,
    bindDn: env.LDAP_BIND_DN || undefined,
    bindPassword: env.LDAP_BIND_PASSWORD,
    userBaseDn,
    userFilter: env.LDAP_USER_FILTER,
    groupBaseDn: env.LDAP_GROUP_BASE_DN || undefined,
    groupMemberAttribute: env.LDAP_GROUP_MEMBER_ATTRIBUTE,
  };
  return Credentials({
    id: "ldap",
    name: env.LDAP_DISPLAY_NAME,
    credentials: { username: { label: "Username" }, password: { label: "Password", type: "password" } },
    async authorize(input, request) {
      const credentials = ldapCredentialsSchema.safeParse(input);
      if (!credentials.success) return null;
      // Checked before the directory is asked: a locked account's right password must not tell a guesser it is right.
      const attempt = signInAttemptKeys(credentials.data.username, request.headers);
      if (await isSignInLocked(attempt)) throw new SignInLocked();
      const result = await authenticateLdapUser(directory, credentials.data.username, credentials.data.password);
      if (result.ok) {
        await recordSuccessfulSignIn(attempt);
        const { subject, name, email, groups } = result.user;
        return { id: subject, name, email, groups };
      }
      if (result.reason === "directory_unavailable") {
        console.error(`LDAP directory ${url} unavailable:`, result.cause);
        throw new DirectoryUnavailable();
      }
      await recordFailedSignIn(attempt);
      return null;
    },
  });
}

import { z } from "zod";

/** What the LDAP sign-in form posts; bounded so a huge body never reaches the directory. */
export const ldapCredentialsSchema = z.object({
  username: z.string().trim().min(1).max(256),
  // Not trimmed: spaces can be part of a password.
  password: z.string().min(1).max(1_024),
});

export type LdapCredentials = z.infer<typeof ldapCredentialsSchema>;

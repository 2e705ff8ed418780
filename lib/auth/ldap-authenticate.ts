import "server-only";
import { AndFilter, Client, EqualityFilter, Filter, InvalidCredentialsError, OrFilter, type Entry } from "ldapts";
import { groupKey, groupName } from "@/lib/domain/directory-role";

export type LdapDirectoryConfig = {
  url: string;
  /** Service account that finds user entries; anonymous search when absent. */
  bindDn?: string;
  bindPassword?: string;
  userBaseDn: string;
  /** An LDAP filter in which `{{username}}` stands for the escaped login name. */
  userFilter: string;
  /** Where groupOfNames entries live; without it only the entry's `memberOf` is read. */
  groupBaseDn?: string;
  groupMemberAttribute: string;
  timeoutMs?: number;
};

export type LdapUser = { subject: string; name: string; email: string | null; groups: string[] };

export type LdapAuthFailure = "invalid_credentials" | "directory_unavailable";

export type LdapAuthResult = { ok: true; user: LdapUser } | { ok: false; reason: LdapAuthFailure; cause?: unknown };

const defaultTimeoutMs = 5_000;
const userAttributes = ["cn", "displayName", "mail", "memberOf"];

function connect(config: LdapDirectoryConfig): Client {
  const timeout = config.timeoutMs ?? defaultTimeoutMs;
  return new Client({ url: config.url, timeout, connectTimeout: timeout });
}

function stringValues(entry: Entry, attribute: string): string[] {
  const value = entry[attribute];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((item) => (Buffer.isBuffer(item) ? item.toString("utf8") : item));
}

/** The user's own entry, or undefined when the name matches no entry or, ambiguously, several. */
async function findUserEntry(client: Client, config: LdapDirectoryConfig, username: string) {
  const filter = config.userFilter.replaceAll("{{username}}", Filter.escape(username));
  const { searchEntries } = await client.search(config.userBaseDn, { scope: "sub", filter, attributes: userAttributes });
  return searchEntries.length === 1 ? searchEntries[0] : undefined;
}

/** Binds as the user on a connection of its own, so the lookup connection keeps its identity. */
async function passwordIsValid(config: LdapDirectoryConfig, userDn: string, password: string): Promise<boolean> {
  const client = connect(config);
  try {
    await client.bind(userDn, password);
    return true;
  } catch (error) {
    if (error instanceof InvalidCredentialsError) return false;
    throw error;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function groupOfNamesMemberships(client: Client, config: LdapDirectoryConfig, userDn: string) {
  if (!config.groupBaseDn) return [];
  const filter = new AndFilter({
    filters: [
      new OrFilter({
        filters: [
          new EqualityFilter({ attribute: "objectClass", value: "groupOfNames" }),
          new EqualityFilter({ attribute: "objectClass", value: "group" }),
        ],
      }),
      new EqualityFilter({ attribute: config.groupMemberAttribute, value: userDn }),
    ],
  });
  const { searchEntries } = await client.search(config.groupBaseDn, { scope: "sub", filter, attributes: ["cn"] });
  return searchEntries.flatMap((group) => stringValues(group, "cn").slice(0, 1));
}

function uniqueGroupNames(groups: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const group of groups) byKey.set(groupKey(group), groupName(group));
  return [...byKey.values()];
}

/**
 * Verifies a username and password against the directory and reads the user's groups (groupOfNames entries
 * naming the user, plus the entry's own `memberOf` as Active Directory keeps it).
 */
export async function authenticateLdapUser(
  config: LdapDirectoryConfig,
  username: string,
  password: string,
): Promise<LdapAuthResult> {
  // An LDAP bind with an empty password is an "unauthenticated bind" that many servers accept as anonymous.
  if (username.length === 0 || password.length === 0) return { ok: false, reason: "invalid_credentials" };

  const lookup = connect(config);
  try {
    if (config.bindDn) await lookup.bind(config.bindDn, config.bindPassword ?? "");
    const entry = await findUserEntry(lookup, config, username);
    if (!entry || !(await passwordIsValid(config, entry.dn, password))) {
      return { ok: false, reason: "invalid_credentials" };
    }
    const groups = [...(await groupOfNamesMemberships(lookup, config, entry.dn)), ...stringValues(entry, "memberOf")];
    const [displayName] = [...stringValues(entry, "displayName"), ...stringValues(entry, "cn")];
    const [email] = stringValues(entry, "mail");
    return {
      ok: true,
      user: { subject: entry.dn, name: displayName ?? username, email: email ?? null, groups: uniqueGroupNames(groups) },
    };
  } catch (cause) {
    return { ok: false, reason: "directory_unavailable", cause };
  } finally {
    await lookup.unbind().catch(() => undefined);
  }
}

import type { AppRole } from "./actor";

export type DirectoryRolePolicy = {
  /** Members of any of these groups are admins (and always allowed in). */
  adminGroups: readonly string[];
  /**
   * Members of any of these groups may use the app. `*` admits every account the directory vouches for (for
   * IdPs that send no groups, such as Google Workspace); an empty list admits admins only, so a forgotten
   * setting fails closed.
   */
  allowedGroups: readonly string[];
};

const everyAccount = "*";

const leadingCn = /^\s*cn\s*=\s*((?:\\.|[^,\\])+)\s*(?:,|$)/i;

/** A group's name: its `cn` when given as a DN (LDAP `memberOf`, some IdPs), else the name itself. */
export function groupName(group: string): string {
  const match = leadingCn.exec(group);
  const name = match?.[1] ? match[1].replace(/\\(.)/g, "$1") : group;
  return name.trim();
}

/** The comparable form of a group, lower-cased because directories compare group names case-insensitively. */
export function groupKey(group: string): string {
  return groupName(group).toLowerCase();
}

function intersects(groups: ReadonlySet<string>, candidates: readonly string[]): boolean {
  return candidates.some((candidate) => groups.has(groupKey(candidate)));
}

/** Maps a user's directory groups to a Confer role; `null` means the user may not use Confer at all. */
export function resolveAppRole(groups: readonly string[], policy: DirectoryRolePolicy): AppRole | null {
  const userGroups = new Set(groups.map(groupKey));
  if (intersects(userGroups, policy.adminGroups)) return "admin";
  if (policy.allowedGroups.includes(everyAccount) || intersects(userGroups, policy.allowedGroups)) return "employee";
  return null;
}

import { existsSync } from "node:fs";

export type SlapdBinaries = { slapd: string; slapadd: string; moduleDir: string; schemaDir: string };

/** Debian's `slapd` package layout; `undefined` when it is not installed. */
export function findSlapdBinaries(): SlapdBinaries | undefined {
  const binaries: SlapdBinaries = {
    slapd: "/usr/sbin/slapd",
    slapadd: "/usr/sbin/slapadd",
    moduleDir: "/usr/lib/ldap",
    schemaDir: "/etc/ldap/schema",
  };
  return Object.values(binaries).every((path) => existsSync(path)) ? binaries : undefined;
}

export const slapdMissingMessage = "SKIP slapd is not installed (apt-get install slapd ldap-utils)";

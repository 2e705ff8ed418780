import { createHash, randomBytes } from "node:crypto";
import { demoGroupNames, type DemoDirectory } from "../../dev-idp/directory";

/** Where the demo directory lives in the throwaway slapd (see docs/demo-directory.md). */
export const demoLdapLayout = {
  suffix: "dc=confer,dc=test",
  rootDn: "cn=admin,dc=confer,dc=test",
  peopleDn: "ou=people,dc=confer,dc=test",
  groupsDn: "ou=groups,dc=confer,dc=test",
} as const;

export function demoUserDn(username: string): string {
  return `uid=${username},${demoLdapLayout.peopleDn}`;
}

/** RFC 2307 salted SHA-1, the scheme every slapd understands without extra modules. */
export function sshaHash(password: string): string {
  const salt = randomBytes(8);
  const digest = createHash("sha1").update(password).update(salt).digest();
  return `{SSHA}${Buffer.concat([digest, salt]).toString("base64")}`;
}

function entry(dn: string, attributes: [string, string][]): string {
  return [`dn: ${dn}`, ...attributes.map(([name, value]) => `${name}: ${value}`)].join("\n");
}

/** The whole demo directory as LDIF for `slapadd`: base, people (inetOrgPerson) and groups (groupOfNames). */
export function demoDirectoryLdif(directory: DemoDirectory): string {
  const { suffix, peopleDn, groupsDn } = demoLdapLayout;
  const entries = [
    entry(suffix, [
      ["objectClass", "dcObject"],
      ["objectClass", "organization"],
      ["dc", "confer"],
      ["o", "Confer demo organization"],
    ]),
    entry(peopleDn, [["objectClass", "organizationalUnit"], ["ou", "people"]]),
    entry(groupsDn, [["objectClass", "organizationalUnit"], ["ou", "groups"]]),
    ...directory.users.map((user) => {
      const [givenName, ...rest] = user.name.split(" ");
      return entry(demoUserDn(user.username), [
        ["objectClass", "inetOrgPerson"],
        ["uid", user.username],
        ["cn", user.name],
        ["givenName", givenName ?? user.name],
        ["sn", rest.join(" ") || user.name],
        ["displayName", user.name],
        ["mail", user.email],
        ["userPassword", sshaHash(directory.password)],
      ]);
    }),
    ...demoGroupNames(directory).map((group) =>
      entry(`cn=${group},${groupsDn}`, [
        ["objectClass", "groupOfNames"],
        ["cn", group],
        ...directory.users
          .filter((user) => user.groups.includes(group))
          .map((user): [string, string] => ["member", demoUserDn(user.username)]),
      ]),
    ),
  ];
  return `${entries.join("\n\n")}\n`;
}

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type StackSecrets = {
  authSecret: string;
  partySecret: string;
  turnSecret: string;
  cleanupSecret: string;
  alertsSecret: string;
  janusTokenSecret: string;
  janusAdminKey: string;
};

export function freshSecrets(): StackSecrets {
  const secret = () => randomBytes(32).toString("base64url");
  return {
    authSecret: secret(),
    partySecret: secret(),
    turnSecret: secret(),
    cleanupSecret: secret(),
    alertsSecret: secret(),
    janusTokenSecret: secret(),
    janusAdminKey: secret(),
  };
}

/** Dev secrets are kept in .data so sessions survive a restart of `npm run dev`. */
export function persistentSecrets(file: string): StackSecrets {
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<StackSecrets>) : {};
  // A file from an older stack lacks newer secrets: keep what it has, add the rest.
  const secrets = { ...freshSecrets(), ...stored };
  if (Object.keys(stored).length === Object.keys(secrets).length) return secrets;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

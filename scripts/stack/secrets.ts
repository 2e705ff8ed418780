import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type StackSecrets = { authSecret: string; partySecret: string; turnSecret: string };

export function freshSecrets(): StackSecrets {
  const secret = () => randomBytes(32).toString("base64url");
  return { authSecret: secret(), partySecret: secret(), turnSecret: secret() };
}

/** Dev secrets are kept in .data so sessions survive a restart of `npm run dev`. */
export function persistentSecrets(file: string): StackSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as StackSecrets;
  const secrets = freshSecrets();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/** Integration and e2e tests run against the stack `npm test` starts; this names what is missing otherwise. */
export function requireStackEnv(name: "DATABASE_URL" | "CONFER_APP_URL" | "CONFER_PARTYKIT_URL" | "AUTH_SECRET" | "PARTY_SECRET" | "CLEANUP_SECRET" | "ALERTS_SECRET"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this suite through \`npm test\`, which starts the test stack.`);
  return value;
}

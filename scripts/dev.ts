import { join } from "node:path";
import { devPorts } from "../lib/config/ports";
import { persistentSecrets } from "./stack/secrets";
import { startStack } from "./stack/stack";

const started = performance.now();
const log = (message: string) => console.log(`\x1b[1m[confer]\x1b[0m ${message}`);

const stack = await startStack({
  mode: "dev",
  ports: devPorts,
  secrets: persistentSecrets(join(".data", "dev-secrets.json")),
  postgresDataDir: join(".data", "postgres"),
  turnRelayPorts: [49160, 49259],
  janusRtpPorts: [20000, 20999],
  echo: true,
  seed: true,
  log,
}).catch((error: Error) => {
  console.error(`\n${error.message}\n`);
  process.exit(1);
});

const seconds = ((performance.now() - started) / 1000).toFixed(1);
log(`Stack ready: ${Object.entries(stack.timings).map(([name, ms]) => `${name} ${ms} ms`).join(", ")}`);
log(`
  Confer is running (started in ${seconds} s, of which ${((stack.timings.warmUp ?? 0) / 1000).toFixed(1)} s compiling the first pages).

  Open        ${stack.urls.app}
  Sign in     via "Acme SSO (dev)" (bundled OIDC provider at ${stack.urls.idp})
              alice / confer-demo   admin
              bob   / confer-demo   employee   (also carol, dan)
              mallory / confer-demo is in no allowed group and is refused
  LDAP        ${stack.urls.ldap ?? "not running (install slapd to try directory sign-in)"}
  PartyKit    ${stack.urls.partykit}
  TURN        ${stack.urls.turn ?? "not running (install coturn for relayed media)"}
  Janus SFU   ${stack.urls.janus ?? "not running (install janus for large meetings)"}
  Database    ${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded Postgres in .data/postgres"}

  Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await stack.stop();
    process.exit(0);
  });
}

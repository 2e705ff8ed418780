import { benchPorts } from "../../lib/config/ports";
import { freshSecrets } from "../../scripts/stack/secrets";
import { type RunningStack, startStack } from "../../scripts/stack/stack";

/**
 * The benchmarks' own stack (bench ports, fresh secrets, unseeded, quiet): the app is built in test mode into
 * `nextDistDir`, its database kept in `postgresDataDir`.
 */
export function startBenchStack(postgresDataDir: string, nextDistDir: string): Promise<RunningStack> {
  return startStack({
    mode: "test",
    ports: benchPorts,
    secrets: freshSecrets(),
    postgresDataDir,
    turnRelayPorts: [49360, 49459],
    janusRtpPorts: [22000, 22999],
    nextDistDir,
    echo: false,
    seed: false,
    log: (message) => console.error(message),
  });
}

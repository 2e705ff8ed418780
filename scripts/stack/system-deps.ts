import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

type SystemDependency = { binary: string; packages: string[]; why: string; required: boolean };

export const systemDependencies: SystemDependency[] = [
  { binary: "/usr/bin/chromium", packages: ["chromium"], why: "browser end-to-end tests", required: true },
  { binary: "/usr/sbin/slapd", packages: ["slapd", "ldap-utils"], why: "LDAP sign-in tests (skipped without it)", required: false },
  { binary: "/usr/bin/turnserver", packages: ["coturn"], why: "TURN relay (relay-only calls)", required: false },
  { binary: "/usr/bin/janus", packages: ["janus"], why: "Janus SFU for large meetings (SFU tests skipped without it)", required: false },
  // tests/e2e/support/media-fixtures.ts: fake camera/microphone files for the effects tests (skipped without them).
  { binary: "/usr/bin/ffmpeg", packages: ["ffmpeg"], why: "media effects tests: fake camera .y4m (skipped without it)", required: false },
  { binary: "/usr/bin/sox", packages: ["sox"], why: "media effects tests: noisy microphone .wav (skipped without it)", required: false },
  { binary: "/usr/bin/espeak-ng", packages: ["espeak-ng"], why: "media effects tests: speech for the fake microphone (skipped without it)", required: false },
];

const canInstall = () => process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");

/**
 * Installs the Debian packages the suite needs when it can (root + apt), otherwise says exactly what to
 * install. Returns false when a required one is still missing.
 */
export function ensureSystemDependencies(log: (message: string) => void): boolean {
  const missing = systemDependencies.filter((dependency) => !existsSync(dependency.binary));
  if (missing.length === 0) return true;
  const packages = missing.flatMap((dependency) => dependency.packages);
  if (canInstall()) {
    log(`Installing ${packages.join(", ")} with apt-get…`);
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
      execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...packages], {
        stdio: "inherit",
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    } catch {
      log("apt-get failed; see its output above.");
    }
  }
  let ok = true;
  for (const dependency of systemDependencies.filter((candidate) => !existsSync(candidate.binary))) {
    const install = `sudo apt-get install ${dependency.packages.join(" ")}`;
    if (dependency.required) {
      ok = false;
      log(`MISSING ${dependency.binary}, needed for ${dependency.why}. Install it with: ${install}`);
    } else {
      log(`Optional ${dependency.binary} is missing (${dependency.why}). Install it with: ${install}`);
    }
  }
  return ok;
}

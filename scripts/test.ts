import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { testPorts } from "../lib/config/ports";
import { startControlServer } from "./stack/control-server";
import { runCommand } from "./stack/managed-process";
import { freshSecrets } from "./stack/secrets";
import { type RunningStack, startStack } from "./stack/stack";
import { ensureSystemDependencies } from "./stack/system-deps";

const allSuites = ["lint", "unit", "integration", "e2e"] as const;
type Suite = (typeof allSuites)[number];

const { values, positionals: fileFilters } = parseArgs({
  options: { only: { type: "string" }, verbose: { type: "boolean", default: false } },
  allowPositionals: true,
});
const suites = (values.only?.split(",") ?? [...allSuites]) as Suite[];
const unknown = suites.filter((suite) => !allSuites.includes(suite));
if (unknown.length > 0) {
  console.error(`Unknown suite(s): ${unknown.join(", ")}. Choose from ${allSuites.join(", ")}.`);
  process.exit(2);
}

const log = (message: string) => console.log(`\x1b[1m[test]\x1b[0m ${message}`);
const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);
const reports = mkdtempSync(join(tmpdir(), "confer-reports-"));
const counts = { passed: 0, failed: 0, skipped: 0 };
/** Every test's duration, for the "slowest tests" lines that size the timeouts (docs/testing.md). */
const durations: { name: string; ms: number }[] = [];
let failedSuites: string[] = [];

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { fullName: string; duration?: number | null }[] }[];
};
type PlaywrightSuite = {
  file: string;
  specs: { title: string; tests: { projectName: string; results: { duration: number }[] }[] }[];
  suites?: PlaywrightSuite[];
};

function countVitest(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  for (const testFile of report.testResults) {
    for (const test of testFile.assertionResults) durations.push({ name: `${relative(process.cwd(), testFile.name)} › ${test.fullName}`, ms: test.duration ?? 0 });
  }
  counts.passed += report.numPassedTests;
  counts.failed += report.numFailedTests;
  counts.skipped += report.numPendingTests + report.numTodoTests;
}

function collectPlaywrightDurations(suite: PlaywrightSuite) {
  for (const spec of suite.specs) {
    for (const test of spec.tests) {
      for (const result of test.results) durations.push({ name: `${suite.file} › ${spec.title} [${test.projectName}]`, ms: result.duration });
    }
  }
  suite.suites?.forEach(collectPlaywrightDurations);
}

function countPlaywright(file: string) {
  const report = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: PlaywrightSuite[] };
  report.suites.forEach(collectPlaywrightDurations);
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

async function runVitest(project: "unit" | "integration", env?: Record<string, string>) {
  const output = join(reports, `${project}.json`);
  const code = await runCommand(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, ...fileFilters], env);
  try {
    countVitest(output);
  } catch {
    counts.failed += 1;
  }
  if (code !== 0) failedSuites.push(project);
}

async function runPlaywright(env: Record<string, string>) {
  const output = join(reports, "e2e.json");
  // Chosen files run on their own: without --no-deps Playwright would first run every spec of the projects the
  // chosen one depends on (the lossy-path and outage projects wait for all the others).
  const filters = fileFilters.length > 0 ? ["--no-deps", ...fileFilters] : [];
  const code = await runCommand(bin("playwright"), ["test", ...filters], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  try {
    countPlaywright(output);
  } catch {
    counts.failed += 1;
  }
  if (code !== 0) failedSuites.push("e2e");
}

const started = performance.now();
let stack: RunningStack | undefined;
let control: Awaited<ReturnType<typeof startControlServer>> | undefined;
const postgresDataDir = mkdtempSync(join(tmpdir(), "confer-test-db-"));
const cleanUp = async () => {
  await control?.close();
  await stack?.stop();
  rmSync(postgresDataDir, { recursive: true, force: true });
};
process.on("SIGINT", async () => {
  await cleanUp();
  process.exit(130);
});

rmSync(join("test-results", "stack-logs"), { recursive: true, force: true });
rmSync(join("test-results", "e2e-sessions"), { recursive: true, force: true });
try {
  if (suites.includes("lint") && (await runCommand(bin("eslint"), ["--max-warnings=0", "."])) !== 0) failedSuites.push("lint");
  if (suites.includes("unit")) await runVitest("unit");
  const needsStack = suites.some((suite) => suite !== "unit" && suite !== "lint");
  if (needsStack) {
    if (suites.includes("e2e") && !ensureSystemDependencies(log)) throw new Error("Required system packages are missing (see above).");
    log(`Starting the test stack${process.env.DATABASE_URL ? " against DATABASE_URL" : " with an embedded Postgres"}…`);
    stack = await startStack({
      mode: "test",
      ports: testPorts,
      secrets: freshSecrets(),
      postgresDataDir,
      turnRelayPorts: [49260, 49359],
      janusRtpPorts: [21000, 21999],
      echo: values.verbose ?? false,
      logDir: join("test-results", "stack-logs"),
      seed: false,
      log,
    });
    log(`Stack ready: ${Object.entries(stack.timings).map(([name, ms]) => `${name} ${ms} ms`).join(", ")}`);
    control = await startControlServer(stack);
    const env = { ...stack.env, CONFER_STACK_CONTROL_URL: control.url };
    if (suites.includes("integration")) await runVitest("integration", env);
    if (suites.includes("e2e")) await runPlaywright(env);
  }
} catch (error) {
  failedSuites.push("stack");
  counts.failed += 1;
  console.error(`\n${(error as Error).message}\n`);
} finally {
  await cleanUp();
  rmSync(reports, { recursive: true, force: true });
}

failedSuites = [...new Set(failedSuites)];
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const slowest = durations.sort((a, b) => b.ms - a.ms).slice(0, 10);
if (slowest.length > 0) log(`Slowest tests:\n${slowest.map(({ name, ms }) => `  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name}`).join("\n")}`);
log(`Suites: ${suites.join(", ")} in ${seconds} s${failedSuites.length ? `; failing: ${failedSuites.join(", ")}` : ""}`);
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedSuites.length > 0 || counts.failed > 0 ? 1 : 0);

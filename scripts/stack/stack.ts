import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StackPorts } from "../../lib/config/ports";
import { httpOk, type ManagedProcess, runCommand, startProcess } from "./managed-process";
import type { StackSecrets } from "./secrets";
import { warmUpDevRoutes } from "./warm-up-dev";
import { copyMediaAssets } from "../media-assets";
import { JANUS_BINARY, JANUS_READY_LINE, janusArgs, writeJanusConfig } from "./janus-config";

const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);
const TURN_BINARY = "/usr/bin/turnserver";
export const DEV_IDP_CLIENT = { id: "confer-dev", secret: "confer-dev-secret" };

export type StackOptions = {
  mode: "dev" | "test";
  ports: StackPorts;
  secrets: StackSecrets;
  /** Folder for the embedded Postgres; ignored when DATABASE_URL is set. */
  postgresDataDir: string;
  /** Relay port range for coturn, distinct per stack so dev and test can run side by side. */
  turnRelayPorts: [number, number];
  /** Media (RTP) port range for Janus, distinct per stack for the same reason. */
  janusRtpPorts: [number, number];
  echo: boolean;
  /** Build folder for `next build` in test mode (tests and benchmarks each have their own). */
  nextDistDir?: string;
  /** Where services' logs go (test runs keep them for diagnosing failures). */
  logDir?: string;
  seed: boolean;
  log: (message: string) => void;
  /**
   * How often the stack calls the room-expiry, sample-retention and alert hooks (POST /api/internal/cleanup,
   * /api/internal/cleanup/samples, /api/internal/cleanup/chat, /api/internal/cleanup/recordings, /api/internal/alerts/evaluate), standing in for production's cron. Default:
   * every 60 s in dev (CONFER_CLEANUP_INTERVAL_MS overrides, 0 turns it off), off in test, where a test triggers
   * the hook itself.
   */
  cleanupIntervalMs?: number;
};

export type RunningStack = {
  env: Record<string, string>;
  urls: { app: string; idp: string; partykit: string; ldap: string | null; turn: string | null; janus: string | null; database: string };
  timings: Record<string, number>;
  /** Stops PartyKit, waits, and starts it again on the same port and storage: a signaling outage. */
  restartPartykit: (downMs: number) => Promise<void>;
  /** Stops Janus, waits, and starts it again (its rooms are gone, as after a crash): a media server outage. */
  restartJanus: (downMs: number) => Promise<void>;
  stop: () => Promise<void>;
};

async function timed<T>(timings: Record<string, number>, name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[name] = Math.round(performance.now() - started);
  }
}

/**
 * Starts every service Confer needs on loopback — database, identity providers, PartyKit, TURN, Next.js —
 * in dependency order, and returns the environment that points at them.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const { ports, secrets, echo } = options;
  const running: ManagedProcess[] = [];
  const timings: Record<string, number> = {};
  let cleanupTimer: ReturnType<typeof setInterval> | undefined;
  /** Temp folders that die with the stack (the S3 server's bucket data). */
  const scratch: string[] = [];
  const stop = async () => {
    clearInterval(cleanupTimer);
    await Promise.all(running.splice(0).reverse().map((service) => service.stop()));
    for (const folder of scratch.splice(0)) rmSync(folder, { recursive: true, force: true });
  };

  try {
    const appUrl = `http://localhost:${ports.app}`;
    const idpUrl = `http://127.0.0.1:${ports.idp}`;
    const partykitUrl = `http://127.0.0.1:${ports.partykit}`;

    let databaseUrl = process.env.DATABASE_URL;
    const databaseWork = timed(timings, "database", async () => {
      if (!databaseUrl) {
        const postgres = await startProcess({
          name: "postgres",
          command: bin("tsx"),
          args: ["scripts/services/embedded-postgres.ts", "--data-dir", options.postgresDataDir, "--port", String(ports.postgres)],
          readyLine: /^READY /,
          echo,
          logDir: options.logDir,
        });
        running.push(postgres);
        databaseUrl = postgres.readyLine!.replace(/^READY /, "").trim();
      }
      const migrated = await runCommand(bin("prisma"), ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
      if (migrated !== 0) throw new Error("Database migration failed (see above).");
      if (options.seed && (await runCommand(bin("tsx"), ["prisma/seed.ts"], { DATABASE_URL: databaseUrl, OIDC_ISSUER: idpUrl })) !== 0) {
        throw new Error("Database seed failed (see above).");
      }
    });

    const idpWork = timed(timings, "idp", async () => {
      running.push(
        await startProcess({
          name: "idp",
          command: bin("tsx"),
          args: ["scripts/dev-idp/server.ts", "--port", String(ports.idp), "--app-url", appUrl],
          env: { DEV_IDP_CLIENT_ID: DEV_IDP_CLIENT.id, DEV_IDP_CLIENT_SECRET: DEV_IDP_CLIENT.secret },
          readyLine: /^READY /,
          echo,
          logDir: options.logDir,
        }),
      );
    });

    const ldap: { url: string | null } = { url: null };
    const ldapWork = timed(timings, "ldap", async () => {
      try {
        const ldapServer = await startProcess({
          name: "ldap",
          command: bin("tsx"),
          args: ["scripts/services/ldap-server.ts", "--port", String(ports.ldap)],
          readyLine: /^READY /,
          echo,
          logDir: options.logDir,
        });
        running.push(ldapServer);
        ldap.url = ldapServer.readyLine!.replace(/^READY /, "").trim();
      } catch (error) {
        options.log(`LDAP directory not started: ${(error as Error).message.split("\n").find((line) => line.includes("SKIP")) ?? (error as Error).message}`);
      }
    });

    // Tests run Next.js on the S3 driver against a real S3 API (s3rver) with a fresh bucket; dev uses local disk.
    const s3Bucket = "confer-test";
    const s3Work =
      options.mode === "test"
        ? timed(timings, "s3", async () => {
            const directory = mkdtempSync(join(tmpdir(), "confer-s3-"));
            scratch.push(directory);
            running.push(
              await startProcess({
                name: "s3",
                command: bin("tsx"),
                args: ["scripts/services/s3-server.ts", "--port", String(ports.s3), "--directory", directory, "--bucket", s3Bucket],
                readyLine: /^s3rver listening on /,
                echo,
                logDir: options.logDir,
              }),
            );
          })
        : Promise.resolve();

    const startPartykit = () =>
      startProcess({
        name: "partykit",
        command: bin("partykit"),
        // `--var` takes several values, so it stays last.
        args: ["dev", "--port", String(ports.partykit), "--no-hotkeys", "--disable-request-cf-fetch", "--var", `PARTY_SECRET=${secrets.partySecret}`, `APP_INTERNAL_URL=http://127.0.0.1:${ports.app}`],
        readyProbe: () => httpOk(`${partykitUrl}/parties/main/health`),
        timeoutMs: 90_000,
        echo,
        logDir: options.logDir,
      });
    let partykit = await timed(timings, "partykit", startPartykit);
    running.push(partykit);
    const restartPartykit = async (downMs: number) => {
      await partykit.stop();
      running.splice(running.indexOf(partykit), 1);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      partykit = await startPartykit();
      running.push(partykit);
    };

    let turnUrl: string | null = null;
    if (existsSync(TURN_BINARY)) {
      running.push(
        await startProcess({
          name: "turn",
          command: TURN_BINARY,
          args: [
            "-n", "--no-cli", "--no-tls", "--no-dtls", "--log-file=stdout", "--fingerprint",
            "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", `--listening-port=${ports.turn}`,
            `--min-port=${options.turnRelayPorts[0]}`, `--max-port=${options.turnRelayPorts[1]}`,
            "--use-auth-secret", `--static-auth-secret=${secrets.turnSecret}`, "--realm=confer.local", "--allow-loopback-peers",
          ],
          echo: false,
          logDir: options.logDir,
        }),
      );
      turnUrl = `turn:127.0.0.1:${ports.turn}?transport=udp`;
    } else {
      options.log("TURN relay not started: coturn is not installed (apt-get install coturn).");
    }

    let janusUrl: string | null = null;
    let restartJanus: (downMs: number) => Promise<void> = () => Promise.reject(new Error("this stack runs no Janus"));
    if (existsSync(JANUS_BINARY)) {
      // Its own configuration, never /etc/janus (every plugin on, a well-known admin secret): docs/sfu.md.
      const folder = writeJanusConfig({
        folder: join(tmpdir(), `confer-janus-${ports.janus}`),
        wsPort: ports.janus,
        rtpPorts: options.janusRtpPorts,
        tokenSecret: secrets.janusTokenSecret,
        adminKey: secrets.janusAdminKey,
        bindIp: "127.0.0.1",
      });
      const startJanus = () =>
        startProcess({
          name: "janus",
          command: JANUS_BINARY,
          args: janusArgs(folder),
          readyLine: JANUS_READY_LINE,
          timeoutMs: 20_000,
          echo: false,
          logDir: options.logDir,
        });
      let janus = await timed(timings, "janus", startJanus);
      running.push(janus);
      restartJanus = async (downMs: number) => {
        await janus.stop();
        running.splice(running.indexOf(janus), 1);
        await new Promise((resolve) => setTimeout(resolve, downMs));
        janus = await startJanus();
        running.push(janus);
      };
      janusUrl = `ws://127.0.0.1:${ports.janus}`;
    } else {
      options.log("Janus SFU not started: janus is not installed (apt-get install janus); large meetings stay peer-to-peer.");
    }

    await Promise.all([databaseWork, idpWork, ldapWork, s3Work]);
    const fileStorage: Record<string, string> =
      options.mode === "test"
        ? {
            FILE_STORAGE: "s3",
            S3_ENDPOINT: `http://127.0.0.1:${ports.s3}`,
            S3_BUCKET: s3Bucket,
            S3_ACCESS_KEY_ID: "S3RVER",
            S3_SECRET_ACCESS_KEY: "S3RVER",
            S3_REGION: "us-east-1",
            S3_FORCE_PATH_STYLE: "true",
          }
        : { FILE_STORAGE: "local", FILE_STORAGE_DIR: join(process.cwd(), ".data", "files") };

    const env: Record<string, string> = {
      DATABASE_URL: databaseUrl!,
      AUTH_SECRET: secrets.authSecret,
      AUTH_TRUST_HOST: "true",
      // Next.js telemetry would try the network on every build and dev start.
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_URL: appUrl,
      ORG_NAME: process.env.ORG_NAME ?? "Acme",
      OIDC_ISSUER: idpUrl,
      OIDC_CLIENT_ID: DEV_IDP_CLIENT.id,
      OIDC_CLIENT_SECRET: DEV_IDP_CLIENT.secret,
      OIDC_DISPLAY_NAME: "Acme SSO (dev)",
      AUTH_ADMIN_GROUPS: "confer-admins",
      AUTH_ALLOWED_GROUPS: "confer-users",
      PARTY_SECRET: secrets.partySecret,
      CLEANUP_SECRET: secrets.cleanupSecret,
      ALERTS_SECRET: secrets.alertsSecret,
      // Tests prune against real "now": a ten-year retention keeps other tests' fixed-date samples (e.g. 2026-01)
      // while a retention test plants samples older than that. Dev keeps the production default (30 days).
      ...(options.mode === "test" ? { ANALYTICS_RAW_RETENTION_DAYS: "3650" } : {}),
      PARTYKIT_URL: partykitUrl,
      ...fileStorage,
      STUN_URLS: turnUrl ? `stun:127.0.0.1:${ports.turn}` : "",
      TURN_URLS: turnUrl ?? "",
      TURN_SECRET: turnUrl ? secrets.turnSecret : "",
      ...(janusUrl ? { JANUS_URLS: janusUrl, JANUS_TOKEN_SECRET: secrets.janusTokenSecret, JANUS_ADMIN_KEY: secrets.janusAdminKey } : {}),
      ...(ldap.url
        ? {
            LDAP_URL: ldap.url,
            LDAP_USER_BASE_DN: "ou=people,dc=confer,dc=test",
            LDAP_GROUP_BASE_DN: "ou=groups,dc=confer,dc=test",
          }
        : {}),
    };

    await timed(timings, "next", async () => {
      if (options.mode === "test") {
        const distDir = options.nextDistDir ?? ".next-test";
        // `next build` here skips npm's prebuild: the effects' models must be in public/ before it.
        copyMediaAssets();
        const built = await runCommand(bin("next"), ["build"], { ...env, NEXT_DIST_DIR: distDir });
        if (built !== 0) throw new Error("next build failed (see above).");
        running.push(
          await startProcess({
            name: "next",
            command: bin("next"),
            args: ["start", "-p", String(ports.app)],
            env: { ...env, NEXT_DIST_DIR: distDir },
            readyProbe: () => httpOk(`${appUrl}/api/health`),
            echo,
            logDir: options.logDir,
          }),
        );
      } else {
        running.push(
          await startProcess({
            name: "next",
            command: bin("next"),
            args: ["dev", "-p", String(ports.app)],
            env,
            readyLine: /Ready in/,
            echo,
            logDir: options.logDir,
          }),
        );
      }
    });
    if (options.mode === "dev") timings.warmUp = await warmUpDevRoutes(appUrl, secrets.authSecret);

    const cleanupIntervalMs = options.cleanupIntervalMs ?? (options.mode === "dev" ? Number(process.env.CONFER_CLEANUP_INTERVAL_MS ?? 60_000) : 0);
    if (cleanupIntervalMs > 0) {
      // Room expiry, raw-sample retention, and alert evaluation + webhook delivery: production's cron jobs.
      const jobs = [
        { name: "Room cleanup", path: "/api/internal/cleanup", secret: secrets.cleanupSecret },
        { name: "Sample retention", path: "/api/internal/cleanup/samples", secret: secrets.cleanupSecret },
        { name: "Chat retention", path: "/api/internal/cleanup/chat", secret: secrets.cleanupSecret },
        { name: "Recording retention", path: "/api/internal/cleanup/recordings", secret: secrets.cleanupSecret },
        { name: "Alert evaluation", path: "/api/internal/alerts/evaluate", secret: secrets.alertsSecret },
      ];
      cleanupTimer = setInterval(() => {
        for (const job of jobs) {
          fetch(`${appUrl}${job.path}`, { method: "POST", headers: { authorization: `Bearer ${job.secret}` } })
            .then((response) => {
              if (!response.ok) options.log(`${job.name} answered ${response.status}.`);
            })
            .catch((error: unknown) => options.log(`${job.name} failed: ${String(error)}`));
        }
      }, cleanupIntervalMs);
      cleanupTimer.unref();
    }

    return {
      env: { ...env, CONFER_APP_URL: appUrl, CONFER_IDP_URL: idpUrl, CONFER_PARTYKIT_URL: partykitUrl, CONFER_LDAP_URL: ldap.url ?? "" },
      urls: { app: appUrl, idp: idpUrl, partykit: partykitUrl, ldap: ldap.url, turn: turnUrl, janus: janusUrl, database: databaseUrl! },
      timings,
      restartPartykit,
      restartJanus: (downMs: number) => restartJanus(downMs),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

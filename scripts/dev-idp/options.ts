import { parseArgs } from "node:util";
import { z } from "zod";
import { devPorts } from "../../lib/config/ports";

const optionsSchema = z.object({
  port: z.coerce.number().int().min(1).max(65_535),
  appUrls: z.array(z.url({ protocol: /^https?$/ })).min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(8),
});

export type DevIdpOptions = z.infer<typeof optionsSchema> & { issuer: string };

/** Reads `--port`, repeatable `--app-url`, `--client-id`, `--client-secret` (flags win over DEV_IDP_CLIENT_ID/SECRET). */
export function parseDevIdpOptions(argv: string[], env: NodeJS.ProcessEnv): DevIdpOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string" },
      "app-url": { type: "string", multiple: true },
      "client-id": { type: "string" },
      "client-secret": { type: "string" },
    },
    strict: true,
  });
  const options = optionsSchema.parse({
    port: values.port ?? devPorts.idp,
    appUrls: values["app-url"] ?? [`http://localhost:${devPorts.app}`],
    clientId: values["client-id"] ?? env.DEV_IDP_CLIENT_ID ?? "confer-dev",
    clientSecret: values["client-secret"] ?? env.DEV_IDP_CLIENT_SECRET ?? "confer-dev-secret",
  });
  // The app compares the issuer byte for byte, so it is always the loopback IP, never `localhost`.
  return { ...options, issuer: `http://127.0.0.1:${options.port}` };
}

/**
 * The app origins the client may redirect to. A loopback app URL is registered under both `localhost` and
 * `127.0.0.1` because Auth.js derives its redirect URI from whichever host the browser used.
 */
export function registeredAppOrigins(appUrls: string[]): string[] {
  const origins = new Set<string>();
  for (const appUrl of appUrls) {
    const url = new URL(appUrl);
    origins.add(url.origin);
    if (url.hostname === "localhost" || url.hostname === "127.0.0.1") {
      for (const hostname of ["localhost", "127.0.0.1"]) {
        url.hostname = hostname;
        origins.add(url.origin);
      }
    }
  }
  return [...origins];
}

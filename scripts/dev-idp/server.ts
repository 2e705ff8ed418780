/**
 * A real OpenID Connect provider for dev and tests, seeded from `directory.json`.
 *
 *   npx tsx scripts/dev-idp/server.ts --port 4000 --app-url http://localhost:3000 [--app-url ...]
 *
 * Prints `READY http://127.0.0.1:<port>` on stdout once it accepts connections; everything else goes to stderr.
 */
import { createServer } from "node:http";
import { loadDemoDirectory } from "./directory";
import { handleInteraction } from "./interactions";
import { parseDevIdpOptions } from "./options";
import { createDevProvider } from "./provider";
import { renderMessagePage } from "./pages";

// stdout carries only the READY line that orchestrators wait for; oidc-provider's notices go to stderr.
console.info = console.error;

const options = parseDevIdpOptions(process.argv.slice(2), process.env);
const directory = loadDemoDirectory();
const provider = createDevProvider(options, directory);
const oidcCallback = provider.callback();

const server = createServer((req, res) => {
  handleInteraction(provider, directory, req, res)
    .then((handled) => {
      if (!handled) oidcCallback(req, res);
    })
    .catch((error: unknown) => {
      console.error("dev-idp: interaction failed", error);
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
        res.end(renderMessagePage("Sign-in error", "The dev identity provider failed; see its log."));
      }
    });
});

server.listen(options.port, "127.0.0.1", () => {
  process.stdout.write(`READY ${options.issuer}\n`);
});

function shutdown() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.once("SIGINT", shutdown);
process.once("SIGTERM", shutdown);

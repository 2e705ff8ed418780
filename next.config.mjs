/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test stack builds into its own folder so `npm test` can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Server-only packages that must not be bundled (native drivers, LDAP client, the Janus client's sockets).
  serverExternalPackages: ["pg", "ldapts", "@prisma/adapter-pg", "janode"],
  poweredByHeader: false,
  turbopack: {
    // janode in the browser (large meetings) uses only its WebSocket transport; its Unix-socket one imports
    // node modules, stubbed out of client bundles (lib/rtc/sfu/janode-browser-stub.ts).
    resolveAlias: {
      "unix-dgram": { browser: "./lib/rtc/sfu/janode-browser-stub.ts" },
      fs: { browser: "./lib/rtc/sfu/janode-browser-stub.ts" },
      buffer: { browser: "./lib/rtc/sfu/janode-browser-stub.ts" },
    },
  },
};

export default nextConfig;

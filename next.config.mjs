/**
 * Sent with every response. Framing is refused (host controls and room deletion must not be clickjacked);
 * camera, microphone and screen capture are for this origin only; everything else a page could ask for is off.
 * No Content-Security-Policy here: file and recording downloads set their own strict one, which this would replace.
 */
const securityHeaders = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()",
  },
  ...(process.env.NODE_ENV === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
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

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The test stack builds into its own folder so `npm test` can run beside `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  // Server-only packages that must not be bundled (native drivers, LDAP client).
  serverExternalPackages: ["pg", "ldapts", "@prisma/adapter-pg", "janode"],
  poweredByHeader: false,
};

export default nextConfig;

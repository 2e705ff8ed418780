/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages that must not be bundled (native drivers, LDAP client).
  serverExternalPackages: ["pg", "ldapts", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;

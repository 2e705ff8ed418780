import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".next-test/**", ".next-bench/**", ".data/**", ".partykit/**", "lib/db/generated/**", "node_modules/**", "test-results/**", "playwright-report/**", "public/media-models/**", "next-env.d.ts"],
  },
];

export default config;

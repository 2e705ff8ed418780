/** Local service ports. The test stack and the benchmarks use their own sets so they can run beside `npm run dev`. */
export const devPorts = { app: 3000, postgres: 54329, idp: 4000, partykit: 1999, ldap: 3389, turn: 3478, janus: 8188, s3: 4568 } as const;
export const testPorts = { app: 3100, postgres: 54339, idp: 4100, partykit: 2999, ldap: 3399, turn: 3479, janus: 8198, s3: 4578 } as const;
export const benchPorts = { app: 3200, postgres: 54349, idp: 4200, partykit: 3998, ldap: 3409, turn: 3489, janus: 8208, s3: 4588 } as const;
export type StackPorts = { [K in keyof typeof devPorts]: number };

/** Local service ports. The test stack uses its own set so it can run beside `npm run dev`. */
export const devPorts = { app: 3000, postgres: 54329, idp: 4000, partykit: 1999, ldap: 3389, turn: 3478 } as const;
export const testPorts = { app: 3100, postgres: 54339, idp: 4100, partykit: 2999, ldap: 3399, turn: 3479 } as const;
export type StackPorts = { [K in keyof typeof devPorts]: number };

/**
 * Through the SFU a browser has two connections, reported as quality "peers" so that samples and root causes
 * say which leg suffers: the uplink (this browser → the SFU) and the downlink (the SFU → this browser).
 */
export const SFU_LEGS = { uplink: "sfu-uplink", downlink: "sfu-downlink" } as const;
export type SfuLeg = (typeof SFU_LEGS)[keyof typeof SFU_LEGS];

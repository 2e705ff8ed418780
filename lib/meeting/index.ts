export * from "./meeting-events";
export * from "./meeting-state";
export * from "./rate-limit";
export * from "./reduce-meeting";

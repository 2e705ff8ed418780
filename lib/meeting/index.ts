export * from "./meeting-events";
export * from "./meeting-policy";
export * from "./meeting-state";
export * from "./persistence";
export * from "./rate-limit";
export * from "./reduce-meeting";
export * from "./resume-token";
export * from "./presence";

export * from "./client-messages";
export * from "./meeting-role";
export * from "./parse";
export * from "./participant";
export * from "./server-messages";
export * from "./version";

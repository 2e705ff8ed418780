export * from "./claims";
export * from "./sign-join-token";
export * from "./verify-join-token";

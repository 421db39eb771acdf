export * from "./auth";
export * from "./studies";
export * from "./panel";
export * from "./waves";
export * from "./mail";
export * from "./recruitment";
export * from "./audit";
export * from "./limits";

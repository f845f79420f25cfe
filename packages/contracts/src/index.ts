export * from "./audit.ts";
export * from "./auth.ts";
export * from "./credentials.ts";
export * from "./deployments.ts";
export * from "./errors.ts";
export * from "./queues.ts";
export * from "./runs.ts";
export * from "./strategies.ts";

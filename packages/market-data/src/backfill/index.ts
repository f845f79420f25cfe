export * from "./backfill.ts";
export * from "./exchange.ts";
export * from "./job.ts";
export * from "./retry.ts";

export * from "./contract.ts";
export * from "./ports.ts";
export * from "./runtime-types.ts";

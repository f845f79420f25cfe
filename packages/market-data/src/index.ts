export * from "./bundled-files.ts";
export * from "./candle-columns.ts";
export * from "./format-time.ts";
export * from "./parse/index.ts";
export * from "./read-candle-file.ts";
export * from "./timeframes.ts";

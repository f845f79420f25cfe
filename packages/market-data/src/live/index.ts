export * from "./live-candles.ts";

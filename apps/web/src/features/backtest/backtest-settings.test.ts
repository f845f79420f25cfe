import { describe, expect, it } from "vitest";
import {
  DEFAULT_BACKTEST,
  describeSettings,
  loadLastSettings,
  saveLastSettings,
  toStartInput,
} from "./backtest-settings.ts";

class MemoryStorage {
  private map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

describe("backtest settings", () => {
  it("turns calendar dates and percents into the server's input (to = end of the day, UTC)", () => {
    const input = toStartInput("s1", 3, {
      ...DEFAULT_BACKTEST,
      from: "2025-01-01",
      to: "2025-01-31",
      feePercent: 0.1,
    });
    expect(input.from).toBe(Date.UTC(2025, 0, 1));
    expect(input.to).toBe(Date.UTC(2025, 1, 1));
    expect(input.settings?.fees).toEqual({ maker: 0.001, taker: 0.001 });
    expect(input.settings?.slippage).toEqual({ mode: "bps", bps: 5 });
    expect(input.versionNumber).toBe(3);
  });

  it("names the field that is wrong", () => {
    expect(() => toStartInput("s", 1, { ...DEFAULT_BACKTEST, from: "soon" })).toThrow(/From: "soon"/);
    expect(() => toStartInput("s", 1, { ...DEFAULT_BACKTEST, from: "2025-02-01", to: "2025-01-01" })).toThrow(
      "From must be before To.",
    );
    expect(() => toStartInput("s", 1, { ...DEFAULT_BACKTEST, symbols: [] })).toThrow(/Symbols/);
  });

  it("remembers the last settings per strategy and for new strategies", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    expect(loadLastSettings("a", storage)).toEqual(DEFAULT_BACKTEST);
    saveLastSettings("a", { ...DEFAULT_BACKTEST, timeframe: "4h" }, storage);
    expect(loadLastSettings("a", storage).timeframe).toBe("4h");
    expect(loadLastSettings("b", storage).timeframe).toBe("4h");
  });

  it("prints every assumption", () => {
    expect(describeSettings(DEFAULT_BACKTEST)).toContain("fee 0.1% per fill");
    expect(describeSettings(DEFAULT_BACKTEST)).toContain("slippage 5 bps");
  });
});

import { describe, expect, it } from "vitest";
import { symbolsHint } from "./deploy-symbols.ts";

describe("the deploy dialog's symbols field", () => {
  it("lets paper trade several symbols and says they share the cash", () => {
    expect(symbolsHint("paper", ["BTC/USDT", "ETH/USDT"]).error).toBeUndefined();
    expect(symbolsHint("paper", ["BTC/USDT", "ETH/USDT"]).description).toMatch(/share the paper cash/);
  });
  it("states the one-symbol limit for testnet and live, and flags a second symbol before submit", () => {
    const limit = "Testnet and live deployments trade one symbol for now; deploy one per symbol.";
    expect(symbolsHint("testnet", ["BTC/USDT"])).toEqual({ description: limit });
    expect(symbolsHint("live", ["BTC/USDT", "ETH/USDT"])).toEqual({ error: limit, description: "" });
    expect(symbolsHint("testnet", ["BTC/USDT", "ETH/USDT"]).error).toBe(limit);
  });
  it("flags a symbol listed twice in any mode", () => {
    expect(symbolsHint("paper", ["BTC/USDT", "BTC/USDT"]).error).toBe(
      "BTC/USDT is listed twice; list each symbol once.",
    );
  });
});

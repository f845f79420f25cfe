import { describe, expect, it } from "vitest";
import {
  createDeploymentInput,
  decodeRunResult,
  encodeRunResult,
  riskLimitsSchema,
  signUpInput,
  startBacktestInput,
} from "../src/index.ts";

const limits = {
  maxNotionalPerOrder: 250,
  maxOrdersPerDay: 10,
  minSecondsBetweenOrders: 60,
  dailyLossLimitPct: 3,
  maxDrawdownPct: 25,
};

describe("server contracts", () => {
  it("normalises emails and refuses short passwords", () => {
    expect(signUpInput.parse({ email: " Trader@Example.COM ", password: "0123456789" }).email).toBe(
      "trader@example.com",
    );
    const weak = signUpInput.safeParse({ email: "t@example.com", password: "short" });
    expect(weak.success).toBe(false);
    expect(weak.error?.issues[0]?.message).toBe("Use a password of at least 10 characters.");
  });

  it("requires a range that starts before it ends and fills explicit backtest defaults", () => {
    const ok = startBacktestInput.parse({
      strategyId: "s",
      versionNumber: 1,
      symbols: ["btc/usdt"],
      timeframe: "1h",
      from: 1_704_067_200_000,
      to: 1_735_689_600_000,
    });
    expect(ok.symbols).toEqual(["BTC/USDT"]);
    expect(ok.settings.fees).toEqual({ maker: 0.001, taker: 0.001 });
    const reversed = startBacktestInput.safeParse({ ...ok, from: ok.to, to: ok.from });
    expect(reversed.error?.issues[0]).toMatchObject({
      path: ["to"],
      message: "The start of the range must be before its end.",
    });
  });

  it("bounds risk limits with sentences a trader understands", () => {
    expect(riskLimitsSchema.parse(limits)).toEqual(limits);
    const bad = riskLimitsSchema.safeParse({ ...limits, dailyLossLimitPct: 0, maxDrawdownPct: 120 });
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Daily loss limit must be above 0%.",
      "Max drawdown cannot exceed 100%.",
    ]);
    const symbols = createDeploymentInput.safeParse({
      strategyId: "s",
      versionNumber: 1,
      mode: "paper",
      symbols: ["BTCUSDT"],
      timeframe: "1h",
      riskLimits: limits,
    });
    expect(symbols.error?.issues[0]?.message).toBe("Write symbols as BASE/QUOTE, like BTC/USDT.");
  });

  it("stores results as gzip'd JSON that decodes to the same value", () => {
    const result = {
      metrics: { totalReturn: 0.1234 },
      equity: { time: [1, 2, 3], equity: [10_000, 10_050.5, 9_990.25] },
    };
    const bytes = encodeRunResult(result);
    expect(bytes[0]).toBe(0x1f); // gzip magic
    expect(bytes[1]).toBe(0x8b);
    expect(decodeRunResult(bytes)).toEqual(result);
  });
});

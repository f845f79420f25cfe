import { describe, expect, it } from "vitest";
import { availableCommands, isOpenOrder, unrealisedPnl } from "./deployment-model.ts";

describe("deployment controls", () => {
  it("offers pause, stop and emergency stop while running", () => {
    expect(availableCommands("running", "running")).toEqual(["pause", "stop", "emergencyStop"]);
  });
  it("offers resume when paused and only start when stopped", () => {
    expect(availableCommands("paused", "paused")).toEqual(["resume", "stop", "emergencyStop"]);
    expect(availableCommands("stopped", "stopped")).toEqual(["start"]);
    expect(availableCommands("created", "stopped")).toEqual(["start"]);
  });
  it("follows the request before the runner has acted (start asked, still created)", () => {
    expect(availableCommands("created", "running")).toEqual(["pause", "stop", "emergencyStop"]);
  });
  it("keeps the emergency stop for a halted deployment (positions may still be open)", () => {
    expect(availableCommands("halted", "stopped")).toContain("emergencyStop");
  });
});

describe("unrealised P&L", () => {
  const long = { symbol: "BTC/USDT", quantity: 0.5, averageEntryPrice: 60_000, realizedPnl: 0, feesPaid: 3 };
  it("is price minus entry times quantity, for longs and shorts", () => {
    expect(unrealisedPnl(long, 61_000)).toBe(500);
    expect(unrealisedPnl({ ...long, quantity: -0.5 }, 61_000)).toBe(-500);
  });
  it("is not known without a price", () => {
    expect(unrealisedPnl(long, null)).toBeNull();
    expect(unrealisedPnl(long, Number.NaN)).toBeNull();
  });
  it("recognises open order statuses", () => {
    expect(isOpenOrder("open")).toBe(true);
    expect(isOpenOrder("filled")).toBe(false);
  });
});

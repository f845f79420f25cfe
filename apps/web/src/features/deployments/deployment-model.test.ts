import { describe, expect, it } from "vitest";
import { availableCommands, isOpenOrder, staleAfterPush } from "./deployment-model.ts";

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

describe("refetching on a push", () => {
  it("a candle alone refreshes the status (heartbeat) and positions (the mark price), a trade the books and the log", () => {
    expect(staleAfterPush(["mark"])).toEqual(["status", "positions"]);
    expect(staleAfterPush(["trade", "denied"])).toEqual([
      "status",
      "positions",
      "orders",
      "fills",
      "pnl",
      "events",
    ]);
  });
  it("halts and commands refresh the status, positions and the log", () => {
    expect(staleAfterPush(["halted"])).toEqual(["status", "positions", "events"]);
    expect(staleAfterPush(["command.emergencyStop"])).toEqual(["status", "positions", "events"]);
  });
  it("refetches everything for a kind it does not know", () => {
    expect(staleAfterPush(["something new"])).toHaveLength(6);
  });
});

describe("orders", () => {
  it("recognises open order statuses", () => {
    expect(isOpenOrder("open")).toBe(true);
    expect(isOpenOrder("filled")).toBe(false);
  });
});

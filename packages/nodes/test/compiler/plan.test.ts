import { describe, expect, it } from "vitest";
import { BASE_CLOCK, compile, GraphBuilder, warmupBars } from "../../src/index.ts";
import { momentumStrategy } from "../helpers.ts";

function compiled(document = momentumStrategy()) {
  const result = compile(document);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.nodeId}: ${e.message}`).join("\n"));
  return result.plan;
}

describe("compiled plan", () => {
  it("orders every node after its inputs", () => {
    const plan = compiled();
    const position = new Map(plan.nodes.map((n, i) => [n.id, i]));
    for (const n of plan.nodes) {
      for (const sources of Object.values(n.inputs)) {
        for (const s of sources) expect(position.get(s.node)!).toBeLessThan(position.get(n.id)!);
      }
    }
    expect(plan.orderNodeIds).toEqual(["long", "exit"]);
  });

  it("survives a JSON round trip unchanged", () => {
    const plan = compiled();
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });

  it("is deterministic: the same document gives the same plan", () => {
    expect(JSON.stringify(compiled())).toBe(JSON.stringify(compiled()));
  });

  it("applies param defaults", () => {
    const plan = compiled();
    expect(plan.nodes.find((n) => n.id === "daily")?.params).toEqual({ maxDailyLossPercent: 3 });
  });

  it("sums warm-up along the longest path", () => {
    // lag 24, then cross (1): 25 base bars.
    expect(warmupBars(compiled(), 3_600_000)).toBe(25);
  });

  it("puts nodes fed only by a higher-timeframe view on its clock, mixed inputs on the base clock", () => {
    const b = new GraphBuilder("HTF");
    b.add("data.candles", {}, {}, "candles");
    b.add("data.higherTimeframe", { timeframe: "4h" }, { candles: "candles.candles" }, "h4");
    b.add("data.price", {}, { candles: "h4.candles" }, "close4h");
    b.add("math.lag", { bars: 3 }, { source: "close4h.value" }, "lag4h");
    b.add("data.constant", { value: 1 }, {}, "one");
    b.add("logic.compare", {}, { a: "lag4h.value", b: "one.value" }, "above4h");
    b.add("data.price", {}, { candles: "candles.candles" }, "close1h");
    b.add("logic.compare", {}, { a: "close1h.value", b: "lag4h.value" }, "mixed");
    b.add("logic.and", {}, { conditions: ["above4h.result", "mixed.result"] }, "both");
    b.add("risk.maxDrawdown", {}, {}, "gate");
    b.add("order.enterLong", {}, { when: "both.result", risk: "gate.risk" }, "long");
    const plan = compiled(b.build());
    const clock = (id: string) => plan.nodes.find((n) => n.id === id)!;
    expect(clock("h4")).toMatchObject({ clock: BASE_CLOCK, outputClock: "h4" });
    expect(clock("close4h").clock).toBe("h4");
    expect(clock("lag4h").clock).toBe("h4");
    expect(clock("one")).toMatchObject({ clockNeutral: true });
    expect(clock("above4h").clock).toBe("h4"); // a constant does not pull a node off its clock
    expect(clock("mixed").clock).toBe(BASE_CLOCK);
    expect(clock("both").clock).toBe(BASE_CLOCK);
    expect(plan.clocks).toEqual({ h4: { periodMs: 14_400_000 } });
    // 3 four-hour bars of lag = 12 one-hour bars, after up to two 4h buckets (8 bars) to get the first closed candle.
    expect(warmupBars(plan, 3_600_000)).toBe(8 + 12);
  });
});

import { GraphBuilder } from "../src/graph/builder.ts";
import type { GraphDocument } from "../src/graph/document.ts";

/**
 * A small complete strategy: EMA-free on purpose (indicators are another package area), so the core
 * tests do not depend on them: long when close crosses over its 24-bar-ago value, with gates, exits, size.
 */
export function momentumStrategy(): GraphDocument {
  const b = new GraphBuilder("Momentum");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("math.lag", { bars: 24 }, { source: "close.value" }, "closeAgo");
  b.add("logic.crossOver", {}, { a: "close.value", b: "closeAgo.value" }, "up");
  b.add("logic.crossUnder", {}, { a: "close.value", b: "closeAgo.value" }, "down");
  b.add("risk.maxDrawdown", { maxDrawdownPercent: 25 }, {}, "drawdown");
  b.add("risk.dailyLossLimit", {}, { risk: "drawdown.risk" }, "daily");
  b.add("order.stopLoss", { percent: 2 }, {}, "stop");
  b.add("order.takeProfit", { percent: 4 }, {}, "target");
  b.add("order.sizePercentEquity", { percent: 20 }, {}, "size");
  b.add(
    "order.enterLong",
    {},
    { when: "up.crossed", risk: "daily.risk", exits: ["stop.rule", "target.rule"], size: "size.size" },
    "long",
  );
  b.add("order.exit", { side: "long" }, { when: "down.crossed" }, "exit");
  return b.build();
}

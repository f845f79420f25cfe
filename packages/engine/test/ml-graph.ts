/** A strategy a trader might build around the ML predictor: indicator features → P(up) → enter / exit. */
import { GraphBuilder, type GraphDocument } from "@tradegraph/nodes";

export const PREDICTOR_ID = "predictor";
export const FEATURE_SOURCES = [
  { node: "rsi", port: "value" },
  { node: "change1", port: "value" },
  { node: "change24", port: "value" },
  { node: "atr", port: "value" },
];

export function mlStrategyGraph(predictorParams: Record<string, unknown>): GraphDocument {
  const b = new GraphBuilder("ML predictor: long when P(up) is high");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("indicator.rsi", { period: 14 }, { source: "close.value" }, "rsi");
  b.add("math.percentChange", { bars: 1 }, { source: "close.value" }, "change1");
  b.add("math.percentChange", { bars: 24 }, { source: "close.value" }, "change24");
  b.add("indicator.atr", { period: 14 }, { candles: "candles.candles" }, "atr");
  b.add(
    "ml.predictor",
    predictorParams,
    { features: FEATURE_SOURCES.map((f) => `${f.node}.${f.port}`), candles: "candles.candles" },
    PREDICTOR_ID,
  );
  b.add("logic.compare", { operator: ">", value: 0.55 }, { a: `${PREDICTOR_ID}.probability` }, "bullish");
  b.add("logic.compare", { operator: "<", value: 0.45 }, { a: `${PREDICTOR_ID}.probability` }, "bearish");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "bullish.result", risk: "cap.risk" }, "buy");
  b.add("order.exit", {}, { when: "bearish.result" }, "sell");
  return b.build();
}

import type { GraphDocument } from "../lib/graph-document.ts";

/** A complete small strategy: close crosses above its SMA → enter long behind a position-size gate. */
export function smaCrossStrategy(period = 20): GraphDocument {
  const node = (id: string, type: string, x: number, y: number, params: Record<string, unknown> = {}) => ({
    id,
    type,
    version: 1,
    params,
    position: { x, y },
  });
  const edge = (from: string, fromPort: string, to: string, toPort: string) => ({
    id: `${from}.${fromPort}->${to}.${toPort}`,
    from: { node: from, port: fromPort },
    to: { node: to, port: toPort },
  });
  return {
    format: "tradegraph.graph",
    formatVersion: 1,
    name: "SMA cross",
    nodes: [
      node("candles_1", "data.candles", 0, 0),
      node("price_1", "data.price", 250, 0, { field: "close" }),
      node("sma_1", "indicator.sma", 500, 80, { period }),
      node("crossOver_1", "logic.crossOver", 750, 0),
      node("maxPositionSize_1", "risk.maxPositionSize", 750, 200),
      node("enterLong_1", "order.enterLong", 1000, 80),
    ],
    edges: [
      edge("candles_1", "candles", "price_1", "candles"),
      edge("price_1", "value", "sma_1", "source"),
      edge("price_1", "value", "crossOver_1", "a"),
      edge("sma_1", "value", "crossOver_1", "b"),
      edge("crossOver_1", "crossed", "enterLong_1", "when"),
      edge("maxPositionSize_1", "risk", "enterLong_1", "risk"),
    ],
  };
}

/**
 * A strategy "trained elsewhere" for tests of the runner and CLI: the predictor reads one feature, the 1-bar
 * percent change of the close, through an ONNX model P(up) = change% / 16 + 0.5 (inside [0, 1] for
 * hourly moves under 8%); it buys above 0.55 and exits below 0.45. `expectedProbabilities` is that model
 * computed here, in float32 as onnxruntime does.
 */
import { GraphBuilder, type GraphDocument } from "@tradegraph/nodes";
import { linearOnnxModel } from "./onnx-builder.ts";

export const onnxStrategyModel = (): Uint8Array => linearOnnxModel([[1 / 16]], [0.5], false);

export function onnxStrategyGraph(modelFile: string): GraphDocument {
  const b = new GraphBuilder("ONNX predictor");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("math.percentChange", { bars: 1 }, { source: "close.value" }, "change");
  b.add(
    "ml.predictor",
    { model: "onnx", modelFile },
    { features: ["change.value"], candles: "candles.candles" },
    "predictor",
  );
  b.add("logic.compare", { operator: ">", value: 0.55 }, { a: "predictor.probability" }, "bullish");
  b.add("logic.compare", { operator: "<", value: 0.45 }, { a: "predictor.probability" }, "bearish");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "bullish.result", risk: "cap.risk" }, "buy");
  b.add("order.exit", {}, { when: "bearish.result" }, "sell");
  return b.build();
}

/** P(up) per bar from the closes (NaN on bar 0, which has no previous close). */
export function expectedProbabilities(close: ArrayLike<number>): Float64Array {
  const f32 = Math.fround;
  return Float64Array.from({ length: close.length }, (_, i) =>
    i === 0 ? Number.NaN : f32(f32(f32((close[i]! / close[i - 1]! - 1) * 100) * f32(1 / 16)) + f32(0.5)),
  );
}

export { linearOnnxModel } from "./onnx-builder.ts";
export { expectedProbabilities, onnxStrategyGraph, onnxStrategyModel } from "./onnx-strategy.ts";

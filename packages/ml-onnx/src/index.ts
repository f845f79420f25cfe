export { installOnnxRuntime } from "./install.ts";
export { modelPathInside } from "./model-path.ts";
export { createOnnxRuntime, type OnnxRuntimeOptions } from "./onnx-runtime.ts";

import { setModelRuntime } from "@tradegraph/nodes";
import { createOnnxRuntime } from "./onnx-runtime.ts";

/** What the runner and CLI call at start so `model: "onnx"` predictors load files from the models folder. */
export function installOnnxRuntime(modelsDir: string): void {
  setModelRuntime(createOnnxRuntime({ baseDir: modelsDir }));
}

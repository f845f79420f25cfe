/**
 * ONNX model runtime for the ML predictor node (Node only: onnxruntime-node is a native addon, so it
 * lives outside the browser-safe catalogue). The runner and CLI install it once at start:
 *   setModelRuntime(createOnnxRuntime({ baseDir: config.modelsDir }))
 * The node then loads `modelFile` at init and calls the session synchronously on every bar.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { ExternalModel, ExternalModelSpec, ModelRuntime } from "@tradegraph/nodes";
import { modelPathInside } from "./model-path.ts";
import { type NativeSession, nativeSession, type OnnxTensor, tensorFactory } from "./native.ts";

export interface OnnxRuntimeOptions {
  /**
   * The models folder (MODELS_DIR): `modelFile` paths resolve against it and may not leave it
   * (default: the process's working directory).
   */
  baseDir?: string;
}

const require = createRequire(import.meta.url);
const FLOAT = 1;

export function createOnnxRuntime(options: OnnxRuntimeOptions = {}): ModelRuntime {
  return {
    load(spec) {
      const path = modelPathInside(options.baseDir ?? process.cwd(), spec.ref);
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(path);
      } catch (error) {
        throw new Error(
          `cannot read ONNX model "${spec.ref}" (${(error as NodeJS.ErrnoException).code ?? "error"})`,
        );
      }
      const session = nativeSession(require, bytes, spec.ref);
      return onnxModel(session, spec);
    },
  };
}

function onnxModel(session: NativeSession, spec: ExternalModelSpec): ExternalModel {
  const input = session.inputMetadata;
  if (input.length !== 1)
    throw new Error(
      `"${spec.ref}" has ${input.length} inputs; the node feeds exactly one [1, features] float tensor`,
    );
  const feed = input[0]!;
  if (!feed.isTensor || feed.type !== FLOAT)
    throw new Error(`"${spec.ref}" input "${feed.name}" must be a float32 tensor`);
  const width = feed.shape.at(-1);
  if (width !== undefined && width >= 0 && width !== spec.features) {
    throw new Error(`"${spec.ref}" expects ${width} features but ${spec.features} are connected`);
  }
  // skl2onnx classifiers output the label first and probabilities last: take the last float output whose
  // width the node can read (1 = P(up) or the return, or one column per class).
  const wanted = spec.task === "return" ? [1] : [1, spec.classes];
  const output = [...session.outputMetadata]
    .reverse()
    .find((o) => o.isTensor && o.type === FLOAT && wanted.includes(o.shape.at(-1) ?? -1));
  if (output === undefined) {
    throw new Error(
      `"${spec.ref}" has no float output of width ${wanted.join(" or ")} (found ${session.outputMetadata.map((o) => `${o.name}${JSON.stringify(o.shape)}`).join(", ")})`,
    );
  }
  const width1 = output.shape.at(-1) === 1;
  const data = new Float32Array(spec.features);
  const dims = [1, spec.features];
  const fetches = { [output.name]: null };
  const makeTensor = tensorFactory(require);
  return {
    description: `onnx ${spec.ref} (${feed.name} [1,${spec.features}] → ${output.name} [1,${output.shape.at(-1)}])`,
    predict(row, out) {
      data.set(row);
      const result = session.run({ [feed.name]: makeTensor(data, dims) }, fetches, {})[
        output.name
      ] as OnnxTensor;
      const values = result.data as Float32Array;
      if (spec.task === "return") out[0] = values[0]!;
      else if (width1) {
        out[0] = 1 - values[0]!;
        out[1] = values[0]!;
      } else for (let k = 0; k < spec.classes; k++) out[k] = values[k]!;
    },
  };
}

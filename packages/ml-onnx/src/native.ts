/**
 * The synchronous session inside onnxruntime-node. Its public InferenceSession API is async (it wraps this
 * binding in setImmediate), but a node steps one bar at a time and must answer synchronously; the binding
 * itself runs inference synchronously, so we call it directly. Pinned to onnxruntime-node 1.30.
 */
export interface ValueMetadata {
  name: string;
  isTensor: boolean;
  shape: number[];
  type: number;
}

export interface OnnxTensor {
  data: unknown;
  dims: readonly number[];
}

export interface NativeSession {
  readonly inputMetadata: ValueMetadata[];
  readonly outputMetadata: ValueMetadata[];
  run(
    feeds: Record<string, OnnxTensor>,
    fetches: Record<string, null>,
    options: object,
  ): Record<string, OnnxTensor>;
}

interface BindingModule {
  binding: {
    InferenceSession: new () => NativeSession & {
      loadModel(buffer: ArrayBufferLike, offset: number, length: number, options: object): void;
    };
  };
  initOrt(): void;
}

type TensorConstructor = new (type: "float32", data: Float32Array, dims: readonly number[]) => OnnxTensor;

export function nativeSession(require: NodeJS.Require, bytes: Uint8Array, ref: string): NativeSession {
  const { binding, initOrt } = require("onnxruntime-node/dist/binding") as BindingModule;
  initOrt();
  const session = new binding.InferenceSession();
  try {
    session.loadModel(bytes.buffer, bytes.byteOffset, bytes.byteLength, {});
  } catch (error) {
    throw new Error(`"${ref}" is not a valid ONNX model: ${(error as Error).message}`);
  }
  return session;
}

/** Builds input tensors with the Tensor class the binding was initialised with (onnxruntime-common). */
export function tensorFactory(
  require: NodeJS.Require,
): (data: Float32Array, dims: readonly number[]) => OnnxTensor {
  const { Tensor } = require("onnxruntime-common") as { Tensor: TensorConstructor };
  return (data, dims) => new Tensor("float32", data, dims);
}

/**
 * Minimal ONNX protobuf writer for tests: a linear model `Y = X · W + B` (MatMul → Add), optionally followed
 * by Sigmoid, with float32 weights. Enough to build a model "trained elsewhere" without Python.
 */
type Field = Uint8Array;

function varint(value: number): number[] {
  const bytes: number[] = [];
  let v = value;
  while (v > 127) {
    bytes.push((v & 127) | 128);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return bytes;
}

const concat = (parts: (Field | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const key = (field: number, wire: number) => varint(field * 8 + wire);
const int = (field: number, value: number) => concat([key(field, 0), varint(value)]);
const bytes = (field: number, payload: Field) => concat([key(field, 2), varint(payload.length), payload]);
const text = (field: number, value: string) => bytes(field, new TextEncoder().encode(value));

function floatTensor(name: string, dims: number[], values: number[]): Field {
  const raw = new Uint8Array(Float32Array.from(values).buffer);
  return concat([...dims.map((d) => int(1, d)), int(2, 1), text(8, name), bytes(9, raw)]);
}

function valueInfo(name: string, dims: number[]): Field {
  const shape = concat(dims.map((d) => bytes(1, int(1, d))));
  const tensorType = concat([int(1, 1), bytes(2, shape)]);
  return concat([text(1, name), bytes(2, bytes(1, tensorType))]);
}

function node(op: string, inputs: string[], output: string): Field {
  return concat([...inputs.map((i) => text(1, i)), text(2, output), text(3, `${op}_${output}`), text(4, op)]);
}

/** weights: [features][outputs] row-major; bias: [outputs]. */
export function linearOnnxModel(weights: number[][], bias: number[], sigmoid: boolean): Uint8Array {
  const features = weights.length;
  const outputs = bias.length;
  const graph = concat([
    bytes(1, node("MatMul", ["X", "W"], "XW")),
    bytes(1, node("Add", ["XW", "B"], sigmoid ? "Z" : "Y")),
    ...(sigmoid ? [bytes(1, node("Sigmoid", ["Z"], "Y"))] : []),
    text(2, "linear"),
    bytes(5, floatTensor("W", [features, outputs], weights.flat())),
    bytes(5, floatTensor("B", [outputs], bias)),
    bytes(11, valueInfo("X", [1, features])),
    bytes(12, valueInfo("Y", [1, outputs])),
  ]);
  return concat([int(1, 8), bytes(8, concat([text(1, ""), int(2, 13)])), bytes(7, graph)]);
}

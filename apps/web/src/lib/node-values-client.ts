import { evaluateNodeValues, type NodeValues } from "./node-values.ts";
import {
  candleCopiesToTransfer,
  type NodeValuesRequest,
  type NodeValuesResponse,
  nodeValuesFromResponse,
} from "./node-values-protocol.ts";

/** Thrown when a newer computation (or an explicit cancel) stopped this one's worker. */
export class NodeValuesCancelled extends Error {
  constructor() {
    super("node values: superseded by a newer run");
  }
}

let running: { worker: Worker; cancel(): void } | null = null;

/** Stops the node-values worker still computing for an earlier run, if any. */
export function cancelNodeValues(): void {
  running?.cancel();
}

/**
 * Computes every node's values in a Web Worker so the tab stays responsive, with the same results as
 * evaluateNodeValues on the main thread. Starting a new computation terminates the previous worker.
 */
export function computeNodeValues(request: NodeValuesRequest): Promise<NodeValues> {
  cancelNodeValues();
  // Without workers (tests in Node, very old browsers) the same pure function runs here.
  if (typeof Worker === "undefined")
    return Promise.resolve(
      evaluateNodeValues(
        request.graph,
        request.candles,
        request.symbol,
        request.timeframeMs,
        request.initialEquity,
      ),
    );
  return new Promise<NodeValues>((resolve, reject) => {
    const worker = new Worker(new URL("./node-values.worker.ts", import.meta.url), { type: "module" });
    const finish = () => {
      worker.terminate();
      if (running?.worker === worker) running = null;
    };
    running = {
      worker,
      cancel: () => {
        finish();
        reject(new NodeValuesCancelled());
      },
    };
    worker.addEventListener("message", (event: MessageEvent<NodeValuesResponse>) => {
      finish();
      try {
        resolve(nodeValuesFromResponse(event.data));
      } catch (error) {
        reject(error);
      }
    });
    worker.addEventListener("error", (event) => {
      finish();
      reject(new Error(`node values worker failed: ${event.message || "could not start"}`));
    });
    const { candles, transfer } = candleCopiesToTransfer(request.candles);
    worker.postMessage({ ...request, candles } satisfies NodeValuesRequest, transfer);
  });
}

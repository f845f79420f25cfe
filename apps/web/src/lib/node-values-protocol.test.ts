// @vitest-environment node
import { describe, expect, it } from "vitest";
import { loadRealCandles } from "../testing/real-candles.ts";
import { smaCrossStrategy } from "../testing/sample-graphs.ts";
import { evaluateNodeValues } from "./node-values.ts";
import {
  answerNodeValuesRequest,
  candleCopiesToTransfer,
  type NodeValuesRequest,
  nodeValuesFromResponse,
} from "./node-values-protocol.ts";

const HOUR = 3_600_000;

/** Crosses a thread boundary the way postMessage does: a structured clone that moves the listed buffers. */
function crossThread<T>(value: T, transfer: ArrayBuffer[]): T {
  return structuredClone(value, { transfer });
}

describe("node values computed in the worker", () => {
  const candles = loadRealCandles("binance_BTCUSDT_1h.csv.gz", 500);
  const direct = evaluateNodeValues(smaCrossStrategy(20), candles, "BTC/USDT", HOUR, 10_000);

  function viaWorker(graph = smaCrossStrategy(20)) {
    const sent = candleCopiesToTransfer(candles);
    const request = crossThread<NodeValuesRequest>(
      { graph, candles: sent.candles, symbol: "BTC/USDT", timeframeMs: HOUR, initialEquity: 10_000 },
      sent.transfer,
    );
    const { response, transfer } = answerNodeValuesRequest(request);
    return {
      response: crossThread(response, transfer),
      sentBuffers: sent.transfer,
      transfer,
      answered: response,
    };
  }

  it("gives the same columns and the same valuesAt as evaluating on the main thread", () => {
    const values = nodeValuesFromResponse(viaWorker().response);
    expect(values.bars).toBe(500);
    expect(values.columns.map((c) => [c.nodeId, c.port, c.label, c.kind, c.category])).toEqual(
      direct.columns.map((c) => [c.nodeId, c.port, c.label, c.kind, c.category]),
    );
    for (const [i, column] of values.columns.entries())
      expect(column.values).toEqual(direct.columns[i]!.values);
    for (const bar of [0, 18, 19, 250, 499]) expect(values.valuesAt(bar)).toEqual(direct.valuesAt(bar));
    expect(values.valuesAt(250)["sma_1"]?.["value"]).toBe(
      direct.columns.find((c) => c.nodeId === "sma_1")!.values[250],
    );
  });

  it("moves the buffers instead of copying them, and leaves the page's own candles usable", () => {
    const { sentBuffers, transfer, answered } = viaWorker();
    // Transferred buffers are detached on the sending side.
    expect(sentBuffers.every((b) => b.byteLength === 0)).toBe(true);
    expect(transfer.length).toBeGreaterThan(0);
    expect(transfer.every((b) => b.byteLength === 0)).toBe(true);
    expect(answered.ok).toBe(true);
    expect(candles.close.length).toBe(500);
    expect(candles.close[250]).toBeGreaterThan(0);
  });

  it("a graph that does not compile comes back as the same error the main thread would throw", () => {
    const { response } = viaWorker(smaCrossStrategy(0));
    expect(response.ok).toBe(false);
    expect(() => nodeValuesFromResponse(response)).toThrow(/sma_1/);
  });

  it("refuses a bar outside the run", () => {
    const values = nodeValuesFromResponse(viaWorker().response);
    expect(() => values.valuesAt(500)).toThrow(/bar 500/);
  });
});

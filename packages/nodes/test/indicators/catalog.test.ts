/** Checks every indicator node must pass: warm-up, no look-ahead, NaN handling, one value per bar. */
import { describe, expect, it } from "vitest";
import { indicatorNodes } from "../../src/catalog/indicator/index.ts";
import type { AnyNodeDefinition } from "../../src/contract.ts";
import type { CandleColumns } from "../../src/runtime-types.ts";
import { firstValidIndex, loadBundledCandles, runNode, sliceCandles } from "../../src/testing/run-node.ts";

const candles = sliceCandles(loadBundledCandles("binance_SOLUSDT_1h.csv.gz"), 0, 2500);

function run(node: AnyNodeDefinition, data: CandleColumns, source?: Float64Array) {
  const input = "source" in node.inputs ? { source: source ?? data.close } : { candles: data };
  return runNode(node, {}, input).out as Record<string, Float64Array>;
}

/**
 * Day-anchored nodes wait for 00:00 UTC, which no bar count can say: the data starts 2020-08-11T06:00Z,
 * so VWAP starts at the next 00:00 (bar 18) and pivots one full day later (bar 42).
 */
const DAY_ANCHORED_DELAY: Record<string, number> = { "indicator.vwap": 18, "indicator.pivotPoints": 42 };

const numericPorts = (node: AnyNodeDefinition) =>
  Object.entries(node.outputs)
    .filter(([, spec]) => spec.type === "number" || spec.type === "boolean")
    .map(([key]) => key);

describe.each(indicatorNodes.map((node) => [node.type, node] as const))("%s", (_type, node) => {
  const out = run(node, candles);
  const warmup = node.warmup(node.params.parse({}));

  it("has its slowest output first ready exactly at the declared warm-up (SOLUSDT 1h)", () => {
    const firsts = numericPorts(node).map((port) => firstValidIndex(out[port]!));
    expect(Math.max(...firsts)).toBe(warmup + (DAY_ANCHORED_DELAY[node.type] ?? 0));
    for (const first of firsts) expect(first).toBeGreaterThanOrEqual(0);
  });

  it("gives the same values on a history cut at bar t as on the full history (no look-ahead)", () => {
    for (const cut of [warmup + 1, 1234]) {
      const truncated = run(node, sliceCandles(candles, 0, cut));
      for (const port of numericPorts(node)) {
        expect(Array.from(truncated[port]!)).toEqual(Array.from(out[port]!.subarray(0, cut)));
      }
    }
  });

  it("never writes Infinity, and stays ready once ready", () => {
    for (const port of numericPorts(node)) {
      const column = out[port]!;
      const first = firstValidIndex(column);
      for (let i = first; i < column.length; i++) {
        if (!Number.isFinite(column[i]!)) throw new Error(`${port}[${i}] = ${column[i]}`);
      }
    }
  });
});

const seriesNodes = indicatorNodes.filter((node) => "source" in node.inputs);

describe.each(seriesNodes.map((node) => [node.type, node] as const))(
  "%s fed by another node",
  (_type, node) => {
    const out = run(node, candles);

    it("skips bars where the source is not ready (fed after 7 NaN bars)", () => {
      const delayed = new Float64Array(candles.close.length + 7).fill(Number.NaN);
      delayed.set(candles.close, 7);
      const { out: shifted } = runNode(node, {}, { source: delayed }) as {
        out: Record<string, Float64Array>;
      };
      for (const port of numericPorts(node)) {
        expect(Array.from(shifted[port]!.subarray(7))).toEqual(Array.from(out[port]!));
        for (let i = 0; i < 7; i++) expect(shifted[port]![i]).toBeNaN();
      }
    });
  },
);

describe.each(indicatorNodes.map((node) => [node.type, node] as const))("%s description", (_type, node) => {
  it("describes its formula and convention", () => {
    expect(node.type.startsWith("indicator.")).toBe(true);
    expect(node.description.length).toBeGreaterThan(80);
    expect(node.description).toMatch(/TA-Lib/);
  });
});

it("every indicator type is unique", () => {
  const types = indicatorNodes.map((n) => n.type);
  expect(new Set(types).size).toBe(types.length);
  expect(types.length).toBe(30);
});

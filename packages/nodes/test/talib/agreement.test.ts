import { describe, expect, it } from "vitest";
import { loadBundledCandles, runNode } from "../../src/testing/run-node.ts";
import { TALIB_CASES, TALIB_VARIANT_CASES } from "./cases.ts";
import { compareWithTalib, talibRun } from "./oracle.ts";

/** Three pairs with very different price scales (BTC ~10⁴, ETH ~10³, DOGE ~10⁻¹ USDT), full 1h history. */
const FILES = ["binance_BTCUSDT_1h.csv.gz", "binance_ETHUSDT_1h.csv.gz", "binance_DOGEUSDT_1h.csv.gz"];

/** Default-period cases on every file; variants (other periods) on BTC only, to keep the run short. */
const RUNS = [
  ...FILES.map((file) => ({ file, cases: TALIB_CASES })),
  { file: "binance_BTCUSDT_1h.csv.gz (other periods)", cases: TALIB_VARIANT_CASES },
];

describe.each(RUNS)("TA-Lib agreement on $file", ({ file, cases }) => {
  const candles = loadBundledCandles(file.split(" ")[0]!);

  it.each(cases.map((c) => [`${c.talib} ${JSON.stringify(c.params)}`, c] as const))(
    "%s matches TA-Lib to 1e-9 from TA-Lib's first index",
    (_label, testCase) => {
      const inputs = testCase.input === "close" ? { source: candles.close } : { candles };
      const { out } = runNode(testCase.node, testCase.params, inputs);
      const reference = talibRun(testCase.talib, testCase.talibInputs(candles), testCase.talibOptions);
      expect(reference.nbElement).toBeGreaterThan(59_000);
      const warmup = testCase.node.warmup(testCase.node.params.parse(testCase.params));
      if (testCase.earlierThanNodeWarmup) expect(warmup).toBeGreaterThan(reference.begIndex);
      else expect(warmup).toBe(reference.begIndex);
      for (const [port, talibName] of Object.entries(testCase.outputs)) {
        const column = (out as Record<string, Float64Array>)[port]!;
        const agreement = compareWithTalib(column, reference.result[talibName]!, reference.begIndex);
        expect({ port, firstValid: agreement.firstValid }).toEqual({ port, firstValid: reference.begIndex });
        expect(agreement.compared).toBe(candles.close.length - reference.begIndex);
        expect(
          agreement.maxRelativeError,
          `${port} worst at bar ${agreement.worstIndex}: ours ${column[agreement.worstIndex]}`,
        ).toBeLessThan(1e-9);
      }
    },
  );
});

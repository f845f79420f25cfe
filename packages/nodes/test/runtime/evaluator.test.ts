import { describe, expect, it } from "vitest";
import { createEvaluator, GraphBuilder } from "../../src/index.ts";
import { loadBundledCandles } from "../../src/testing/load-candles.ts";
import { allColumns, compileOrThrow, runBatch, runStreaming } from "../../src/testing/run-graph.ts";
import { flatAccount, sliceCandles } from "../../src/testing/run-node.ts";
import { momentumStrategy } from "../helpers.ts";

const btc = loadBundledCandles("binance_BTCUSDT_1h.csv.gz");
// 2000 hours from 2021-01-01 00:00 UTC.
const start = btc.time.indexOf(Date.UTC(2021, 0, 1));
const candles = sliceCandles(btc, start, start + 2000);

describe("plan evaluator on real BTC/USDT 1h candles", () => {
  const plan = compileOrThrow(momentumStrategy());

  it("emits an entry intent exactly on the bars where close crosses above its value 24 bars ago", () => {
    const { intents } = runBatch(plan, candles);
    const expected: number[] = [];
    for (let i = 25; i < candles.close.length; i++) {
      const now = candles.close[i]! - candles.close[i - 24]!;
      const before = candles.close[i - 1]! - candles.close[i - 25]!;
      if (now > 0 && before <= 0) expected.push(i);
    }
    const entries = intents.filter((x) => x.action === "enterLong");
    expect(expected.length).toBeGreaterThan(20);
    expect(entries.map((x) => x.barIndex)).toEqual(expected);
    const first = entries[0]!;
    expect(first).toMatchObject({
      nodeId: "long",
      orderType: "market",
      referencePrice: candles.close[first.barIndex],
      time: candles.time[first.barIndex],
      exits: [
        { kind: "stopLoss", percent: 0.02 },
        { kind: "takeProfit", percent: 0.04, minRewardRisk: 1.5 },
      ],
      sizing: { mode: "percentEquity", percent: 0.2 },
    });
    expect(first.riskGates.map((g) => g.nodeId)).toEqual(["drawdown", "daily"]);
  });

  it("emits exits with the chosen side and no risk gates", () => {
    const { intents } = runBatch(plan, candles);
    const exits = intents.filter((x) => x.action === "exit");
    expect(exits.length).toBeGreaterThan(20);
    expect(exits.every((x) => x.exitSide === "long" && x.riskGates.length === 0)).toBe(true);
  });

  it("gives identical values and intents in batch and streaming (columns grown from 16 bars)", () => {
    const batch = runBatch(plan, candles);
    const stream = runStreaming(plan, candles, { capacity: 16 });
    const a = allColumns(batch);
    const b = allColumns(stream);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [key, values] of a) {
      const other = b.get(key)!;
      for (let i = 0; i < values.length; i++)
        if (!Object.is(values[i], other[i])) throw new Error(`${key}[${i}] differs`);
    }
    const strip = (xs: typeof batch.intents) =>
      xs.map(({ riskGates, ...rest }) => ({ ...rest, gates: riskGates.map((g) => g.nodeId) }));
    expect(strip(stream.intents)).toEqual(strip(batch.intents));
  });

  it("lets the debugger read every output at a bar", () => {
    const { evaluator } = runBatch(plan, candles);
    const values = evaluator.valuesAt(100);
    expect(values.close?.value).toBe(candles.close[100]);
    expect(values.closeAgo?.value).toBe(candles.close[76]);
    expect(values.candles?.["candles.high"]).toBe(candles.high[100]);
    expect(() => evaluator.valuesAt(2000)).toThrow("has not been evaluated");
  });

  it("refuses to skip or repeat a bar", () => {
    const evaluator = createEvaluator(plan, {
      symbol: "BTC/USDT",
      timeframeMs: 3_600_000,
      candles,
      account: flatAccount(),
      emit: () => {},
    });
    evaluator.step(0);
    expect(() => evaluator.step(0)).toThrow("bar 0 requested but the next bar is 1");
    expect(() => evaluator.step(5)).toThrow("next bar is 1");
  });

  it("rejects a bad streamed candle with its index and field", () => {
    const evaluator = createEvaluator(plan, {
      symbol: "BTC/USDT",
      timeframeMs: 3_600_000,
      account: flatAccount(),
      emit: () => {},
    });
    const candle = {
      time: candles.time[0]!,
      open: candles.open[0]!,
      high: candles.high[0]!,
      low: candles.low[0]!,
      close: candles.close[0]!,
      volume: candles.volume[0]!,
    };
    evaluator.push(candle);
    expect(() => evaluator.push({ ...candle, time: candle.time + 3_600_000, close: Number.NaN })).toThrow(
      "candle 1: close is NaN",
    );
    expect(() => evaluator.push(candle)).toThrow("candle 1 at 2021-01-01T00:00:00.000Z is not after");
  });

  it("holds the outputs of higher-timeframe nodes between ticks", () => {
    const b = new GraphBuilder();
    b.add("data.candles", {}, {}, "candles");
    b.add("data.higherTimeframe", { timeframe: "4h" }, { candles: "candles.candles" }, "h4");
    b.add("data.price", {}, { candles: "h4.candles" }, "close4h");
    b.add("math.change", { bars: 1 }, { source: "close4h.value" }, "change4h");
    b.add("logic.compare", {}, { a: "change4h.value" }, "up4h");
    b.add("risk.maxDrawdown", {}, {}, "gate");
    b.add("order.enterLong", {}, { when: "up4h.result", risk: "gate.risk" }, "long");
    const { evaluator, intents } = runBatch(compileOrThrow(b.build()), candles);
    const change = evaluator.column("change4h", "value")!;
    const close4h = evaluator.column("h4", "candles.close")!;
    let ticks = 0;
    let previousTick = -1;
    for (let i = 1; i < 2000; i++) {
      const hourOfClose = new Date(candles.time[i]! + 3_600_000).getUTCHours();
      if (hourOfClose % 4 !== 0) {
        expect(Object.is(change[i], change[i - 1])).toBe(true);
        continue;
      }
      // Each 4h close: the change is this 4h close minus the previous 4h close.
      if (previousTick > 0) {
        ticks++;
        expect(change[i]).toBe(close4h[i]! - close4h[previousTick]!);
      }
      previousTick = i;
    }
    expect(ticks).toBeGreaterThan(400);
    // The entry runs on the 4h clock: intents only on bars that close a 4h candle.
    expect(intents.length).toBeGreaterThan(50);
    expect(intents.every((x) => new Date(x.time + 3_600_000).getUTCHours() % 4 === 0)).toBe(true);
  });
});

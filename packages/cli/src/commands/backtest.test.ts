import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { backtestCommand, registerBacktestCommand, symbolFromName, timeframeFromName } from "./backtest.ts";

const root = new URL("../../../../", import.meta.url).pathname;
const btc4h = join(root, "data/candles/binance_BTCUSDT_4h.csv.gz");
const example = (name: string) => join(root, "examples", name);

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } };
}

describe("tradegraph backtest", () => {
  it("prints a readable summary for an example on bundled candles", async () => {
    const { out, err, io } = capture();
    const code = await backtestCommand({ graph: example("sma-crossover.json"), data: btc4h }, io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out[0]).toMatch(/sma-crossover\.json on BTC\/USDT 4h, 19052 candles 2017-08-17T04:00:00\.000Z/);
    expect(out[0]).toMatch(/Total return/);
    expect(out[0]).toMatch(/fill nextOpen, fees taker 0\.001/);
  });

  it("prints { metrics, trades, equity } JSON with every documented metric key", async () => {
    const { out, io } = capture();
    const code = await backtestCommand(
      {
        graph: example("rsi-mean-reversion.json"),
        data: btc4h,
        json: true,
        from: "2022-01-01",
        to: "2023-01-01",
        fee: "0.00075",
        slippageBps: "5",
        fill: "close",
        cash: "5000",
      },
      io,
    );
    expect(code).toBe(0);
    const result = JSON.parse(out[0]!);
    const documented = readDocumentedMetricKeys();
    expect(documented.length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(result.metrics).sort()).toEqual(documented.sort());
    // 2022 has 365 days × 6 four-hour candles
    expect(result.equity).toHaveLength(2190);
    expect(result.equity[0].time).toBe(Date.parse("2022-01-01"));
    expect(result.metrics.initialEquity).toBe(5000);
    expect(result.settings.fees.taker).toBe(0.00075);
    expect(result.settings.fill).toBe("close");
    expect(result.trades.length).toBe(result.metrics.trades);
  });

  it("names the line and the problem in a malformed candle file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-backtest-"));
    const file = join(dir, "broken_1h.csv");
    writeFileSync(
      file,
      "time,open,high,low,close,volume\n1514764800000,13715.65,13715.65,13400.01,13529.01,443.356199\n1514768400000,13528.99,abc,13155.38,13203.06,383.697006\n",
    );
    const { err, io } = capture();
    const code = await backtestCommand({ graph: example("sma-crossover.json"), data: file }, io);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/broken_1h\.csv:3: .*high/);
  });

  it("lists compile errors of a broken graph as nodeId.port lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tg-backtest-"));
    const file = join(dir, "graph.json");
    writeFileSync(
      file,
      JSON.stringify({ format: "tradegraph.graph", formatVersion: 1, nodes: [], edges: [] }),
    );
    const { err, io } = capture();
    expect(await backtestCommand({ graph: file, data: btc4h }, io)).toBe(1);
    expect(err[0]).toMatch(/does not compile/);
  });

  it("rejects a bad option value by name", async () => {
    const { err, io } = capture();
    expect(
      await backtestCommand({ graph: example("sma-crossover.json"), data: btc4h, fill: "vwap" }, io),
    ).toBe(1);
    expect(err[0]).toBe('--fill: use next-open or close, not "vwap"');
  });

  it("registers on a commander program with the documented options", async () => {
    const program = new Command().exitOverride();
    const { out, io } = capture();
    registerBacktestCommand(program, io);
    await program.parseAsync(
      ["backtest", "--graph", example("bollinger-bounce.json"), "--data", btc4h, "--json"],
      {
        from: "user",
      },
    );
    expect(JSON.parse(out[0]!).metrics.trades).toBeGreaterThan(0);
    process.exitCode = 0;
  });

  it("reads symbol and timeframe from bundled file names", () => {
    expect(symbolFromName("data/candles/binance_ETHUSDT_1h.csv.gz")).toBe("ETH/USDT");
    expect(timeframeFromName("data/candles/binance_ETHUSDT_15m.csv.gz")).toBe("15m");
  });
});

/** Metric keys from the tables in docs/metrics.md (first column, backticked). */
function readDocumentedMetricKeys(): string[] {
  const text = readFileSync(join(root, "docs/metrics.md"), "utf8");
  const section = text.slice(text.indexOf("## Returns"), text.indexOf("Each trade in"));
  return [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);
}

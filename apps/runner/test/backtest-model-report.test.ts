import { decodeRunResult, modelReportsSchema } from "@tradegraph/contracts";
import { runBacktest } from "@tradegraph/engine";
import { GraphBuilder } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { loadRunCandles } from "../src/backtests/load-candles.ts";
import { useBacktestWorker } from "./helpers/backtest-worker-fixture.ts";
import { createQueuedRun, storedSettings, YEAR_2024 } from "./helpers/runs.ts";

function mlGraph() {
  const b = new GraphBuilder("ML predictor");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  b.add("indicator.rsi", { period: 14 }, { source: "close.value" }, "rsi");
  b.add("math.percentChange", { bars: 24 }, { source: "close.value" }, "change24");
  b.add(
    "ml.predictor",
    { model: "logistic", horizon: 4, trainBars: 500, retrainEvery: 168 },
    { features: ["rsi.value", "change24.value"], candles: "candles.candles" },
    "predictor",
  );
  b.add("logic.compare", { operator: ">", value: 0.55 }, { a: "predictor.probability" }, "bullish");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "bullish.result", risk: "cap.risk" }, "buy");
  return b.build();
}

describe("the stored backtest result carries the ML predictor report (real PostgreSQL, Redis, BullMQ)", () => {
  const backtests = useBacktestWorker();

  it("2024 BTC/USDT 1h: the gzip'd result row holds the engine's report for the predictor node", async () => {
    const graph = mlGraph();
    const stored = storedSettings(YEAR_2024);
    const { runId, userId } = await createQueuedRun(backtests.db.prisma, graph, stored);
    const job = await backtests.queue.add("run", { runId, ownerId: userId }, { jobId: runId, attempts: 1 });
    await job.waitUntilFinished(backtests.events, 120_000);

    const row = await backtests.db.prisma.backtestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row.status).toBe("succeeded");
    const decoded = decodeRunResult(row.result!) as { models: unknown };
    const models = modelReportsSchema.parse(decoded.models);
    const report = models["predictor"]!["BTC/USDT"]!;
    expect(report.featureSources).toEqual([
      { node: "rsi", port: "value" },
      { node: "change24", port: "value" },
    ]);
    expect(report.windows.length).toBeGreaterThan(40);
    expect(report.overall.count).toBeGreaterThan(8000);

    const expected = runBacktest({
      candles: await loadRunCandles(null, stored),
      graph,
      settings: stored.settings,
    });
    expect(models).toEqual(JSON.parse(JSON.stringify(expected.models)));
  });
});

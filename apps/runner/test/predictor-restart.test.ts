import { createTestDatabase, type TestDatabase } from "@tradegraph/db/testing";
import { compileGraph, planStrategy, runBacktest } from "@tradegraph/engine";
import { bundledFile, createExchange, readCandleFile } from "@tradegraph/market-data";
import { type ExchangeStub, startExchangeStub } from "@tradegraph/market-data/exchange-stub";
import {
  type CandleColumns,
  GraphBuilder,
  type PlanEvaluator,
  predictorStateOf,
  sliceCandleColumns,
} from "@tradegraph/nodes";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { DeploymentLoop } from "../src/deployments/deployment-loop.ts";
import { runPaperDeployment } from "../src/deployments/run-deployment.ts";
import { createDeployment } from "./helpers/runs.ts";

vi.setConfig({ testTimeout: 180_000 });

const HOUR = 3_600_000;
const BARS = 1300;
/** The runner stops after this many closed candles and is started again. */
const STOP_AT = 1000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Finite-memory features, so the restart's warm-up recomputes them bit for bit; an expanding window, so a
 * model retrained on the warm-up alone would differ from the one trained since the deployment began.
 */
function predictorGraph(model: string) {
  const b = new GraphBuilder("ML predictor, restarted");
  b.add("data.candles", {}, {}, "candles");
  b.add("data.price", { field: "close" }, { candles: "candles.candles" }, "close");
  for (const bars of [1, 4, 24])
    b.add("math.percentChange", { bars }, { source: "close.value" }, `change${bars}`);
  b.add(
    "ml.predictor",
    { model, window: "expanding", horizon: 4, trainBars: 200, retrainEvery: 50, trees: 15, treeDepth: 3 },
    { features: ["change1.value", "change4.value", "change24.value"], candles: "candles.candles" },
    "predictor",
  );
  b.add("logic.compare", { operator: ">", value: 0.55 }, { a: "predictor.probability" }, "bullish");
  b.add("logic.compare", { operator: "<", value: 0.45 }, { a: "predictor.probability" }, "bearish");
  b.add("risk.maxPositionSize", { maxPercent: 100 }, {}, "cap");
  b.add("order.enterLong", {}, { when: "bullish.result", risk: "cap.risk" }, "buy");
  b.add("order.exit", {}, { when: "bearish.result" }, "sell");
  return b.build();
}

const evaluatorOf = (loop: DeploymentLoop) => loop.session.strategyAt(0) as PlanEvaluator;

/** P(up) by candle open time, read from a streaming evaluator (its bar 0 is its first warm-up candle). */
function predictionsByTime(evaluator: PlanEvaluator): Map<number, number> {
  const column = evaluator.column("predictor", "probability")!;
  const out = new Map<number, number>();
  for (let i = 0; i < evaluator.length; i++) out.set(evaluator.candles.time[i]!, column[i]!);
  return out;
}

describe("a restarted paper deployment restores its ML predictor (real ccxt against the stub, PostgreSQL)", () => {
  let db: TestDatabase;
  let stub: ExchangeStub;
  let hours: CandleColumns;
  const start = Date.UTC(2024, 0, 1);

  beforeAll(async () => {
    db = await createTestDatabase();
    const parsed = await readCandleFile(bundledFile("BTC/USDT", "1h").path, { timeframe: "1h" });
    if (!parsed.ok) throw new Error("bundled 1h candles do not parse");
    const all = parsed.candles as CandleColumns;
    const from = all.time.indexOf(start);
    hours = sliceCandleColumns(all, from, from + BARS);
    stub = await startExchangeStub({ candles: { "BTC/USDT": { "1h": hours } }, now: start + 15_000 });
  });
  afterAll(async () => {
    await stub?.stop();
    await db?.drop();
  });

  async function runUntil(deploymentId: string, after: number, closedUntilBar: number) {
    stub.setNow(start + closedUntilBar * HOUR + 15_000);
    const lastTime = hours.time[closedUntilBar - 1]!;
    let done = false;
    const abort = new AbortController();
    const running = runPaperDeployment({
      prisma: db.prisma,
      deploymentId,
      exchange: createExchange("binance", stub.ccxtConfig()),
      signal: abort.signal,
      after,
      pollIntervalMs: 10,
      onCandleRecorded: (time) => {
        if (time === lastTime) done = true;
      },
    });
    for (let i = 0; i < 20_000 && !done; i++) await sleep(5);
    abort.abort();
    const loop = await running;
    expect(done).toBe(true);
    return loop;
  }

  for (const model of ["logistic", "gradientBoosting"] as const) {
    it(`${model}: predictions after a restart equal an uninterrupted run and the backtest`, async () => {
      const graph = predictorGraph(model);
      // Backtest on the same candles; keep its evaluator to read the node's output column.
      let backtestEvaluator: PlanEvaluator | undefined;
      const strategy = planStrategy(compileGraph(graph));
      runBacktest({
        candles: { "BTC/USDT": hours },
        createStrategy: (context) => {
          backtestEvaluator = strategy(context) as PlanEvaluator;
          return backtestEvaluator;
        },
        settings: { initialCash: 10_000 },
      });
      const backtest = backtestEvaluator!.column("predictor", "probability")!;

      const { deployment } = await createDeployment(db.prisma, graph, { timeframe: "1h" });

      // Uninterrupted: every candle from the first one, as the backtest saw them.
      await db.prisma.predictorSnapshot.deleteMany({ where: { deploymentId: deployment.id } });
      const whole = predictionsByTime(evaluatorOf(await runUntil(deployment.id, start - HOUR, BARS)));

      // Interrupted: stopped after STOP_AT candles (its snapshot saved), then started again.
      await db.prisma.predictorSnapshot.deleteMany({ where: { deploymentId: deployment.id } });
      const first = await runUntil(deployment.id, start - HOUR, STOP_AT);
      const before = predictorStateOf(evaluatorOf(first), "predictor");
      const saved = await db.prisma.predictorSnapshot.findUniqueOrThrow({
        where: {
          deploymentId_nodeId_symbol: {
            deploymentId: deployment.id,
            nodeId: "predictor",
            symbol: "BTC/USDT",
          },
        },
      });
      expect(saved.lastCandleAt.getTime()).toBe(hours.time[STOP_AT - 1]);
      expect(saved.bytes).toBe(saved.snapshot.length);
      const restarted = await runUntil(deployment.id, hours.time[STOP_AT - 1]!, BARS);
      const resumed = predictionsByTime(evaluatorOf(restarted));
      const after = predictorStateOf(evaluatorOf(restarted), "predictor");

      // The restarted node kept its old training windows and went on retraining on schedule.
      expect(after.trainer.windows.slice(0, before.trainer.windows.length)).toEqual(before.trainer.windows);
      expect(after.trainer.windows.length).toBeGreaterThan(before.trainer.windows.length + 4);
      // Its warm-up began well after the first candle: alone it could not have trained the first model.
      // (The saved snapshot is trimmed, so the candle time comes from the windows' bar numbers, kept above.)
      const firstTrainedAt = hours.time[after.trainer.windows[0]!.trainedAtBar]!;
      expect(evaluatorOf(restarted).candles.time[0]).toBeGreaterThan(firstTrainedAt);

      let compared = 0;
      for (let bar = STOP_AT; bar < BARS; bar++) {
        const time = hours.time[bar]!;
        expect(Object.is(resumed.get(time), whole.get(time)), `bar ${bar}`).toBe(true);
        expect(Object.is(resumed.get(time), backtest[bar]), `bar ${bar} vs backtest`).toBe(true);
        if (!Number.isNaN(backtest[bar]!)) compared++;
      }
      expect(compared).toBe(BARS - STOP_AT);

      // Control: the same restart without the saved model retrains on the warm-up alone and predicts otherwise.
      await db.prisma.predictorSnapshot.deleteMany({ where: { deploymentId: deployment.id } });
      const fresh = predictionsByTime(
        evaluatorOf(await runUntil(deployment.id, hours.time[STOP_AT - 1]!, BARS)),
      );
      let differing = 0;
      for (let bar = STOP_AT; bar < BARS; bar++) {
        if (!Object.is(fresh.get(hours.time[bar]!), backtest[bar])) differing++;
      }
      expect(differing).toBeGreaterThan(0);
      console.log(
        `${model}: ${compared} predictions after the restart identical to the backtest; ` +
          `without the snapshot ${differing} of ${BARS - STOP_AT} differ; snapshot ${saved.bytes} bytes gzip`,
      );
    });
  }
});

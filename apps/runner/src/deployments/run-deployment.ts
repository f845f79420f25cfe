import type { PrismaClient } from "@tradegraph/db";
import {
  bucketStart,
  type CandleStore,
  type Exchange,
  exchangeNow,
  liveCandles,
  timeframeMs,
  withRetry,
} from "@tradegraph/market-data";
import type { Redis } from "ioredis";
import { DeploymentLoop } from "./deployment-loop.ts";
import { setDeploymentStatus } from "./deployment-status.ts";
import { loopRiskLimits } from "./loop-risk-limits.ts";
import { mergeLiveCandles } from "./merged-candles.ts";
import { restorePredictorState, savePredictorState } from "./predictor-state.ts";
import { assertLiveAllowed } from "./promotion-gate.ts";
import { recordLoopEvents } from "./record-events.ts";
import { warmUpDeployment } from "./warm-up.ts";

export interface RunDeploymentOptions {
  prisma: PrismaClient;
  deploymentId: string;
  /** ccxt client the closed candles come from (the exchange stub in tests). */
  exchange: Exchange;
  /** Stored candles the strategy warms up on before trading (the exchange supplies what is missing). */
  store?: CandleStore;
  redis?: Redis;
  prefix?: string;
  signal: AbortSignal;
  /** Open time of the last candle already known; live candles after it are traded. */
  after?: number;
  pollIntervalMs?: number;
  /** Read when the signal aborts: true = emergency stop (flatten every position at the last close). */
  flattenOnStop?: () => boolean;
  /** Read when the signal aborts: "paused" keeps the deployment resumable (default "stopped"). */
  statusOnStop?: () => "stopped" | "paused";
  /** Called after each bar (the candles of one open time) is fully recorded (open time). */
  onCandleRecorded?: (time: number) => void;
}

/**
 * Runs one paper deployment until the signal aborts: each closed candle from the exchange goes through the
 * deployment loop, and what it did is written to PostgreSQL before the next candle is looked at. Several
 * symbols share the cash: their streams are merged so each open time is stepped as the backtest steps it.
 * (Testnet/live run through runExchangeDeployment.)
 */
export async function runPaperDeployment(options: RunDeploymentOptions): Promise<DeploymentLoop> {
  const { prisma, deploymentId } = options;
  const deployment = await prisma.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: {
      mode: true,
      symbols: true,
      timeframe: true,
      paperCash: true,
      riskLimits: true,
      strategyVersion: { select: { graph: true } },
    },
  });
  await assertLiveAllowed(prisma, deploymentId);
  if (deployment.mode !== "paper")
    throw new Error(`Deployment ${deploymentId} is ${deployment.mode}; only paper runs here.`);
  const symbols = deployment.symbols;
  if (symbols.length === 0) throw new Error(`Deployment ${deploymentId} trades no symbol.`);
  const loop = new DeploymentLoop({
    mode: "paper",
    graph: deployment.strategyVersion.graph,
    symbols,
    timeframeMs: timeframeMs(deployment.timeframe),
    ...(deployment.paperCash !== null ? { settings: { initialCash: Number(deployment.paperCash) } } : {}),
    ...loopRiskLimits(deployment.riskLimits),
  });
  // Trained ML models come back before the warm-up, which then replays what they already saw.
  await restorePredictorState(prisma, deploymentId, loop);
  // Every symbol warms up on its own history up to one common close (read once: the clock moves between
  // symbols); each then streams from its own last warm-up candle, so one not yet published is not lost.
  const interval = timeframeMs(deployment.timeframe);
  const until =
    options.after ??
    bucketStart(await withRetry("exchange time", () => exchangeNow(options.exchange)), interval) - interval;
  const streamAfter = new Map<string, number>();
  for (const symbol of symbols) {
    const warm = await warmUpDeployment({
      loop,
      symbol,
      timeframe: deployment.timeframe,
      exchange: options.exchange,
      store: options.store,
      storeExchange: options.exchange.id,
      after: until,
      signal: options.signal,
    });
    streamAfter.set(symbol, options.after ?? warm.lastTime ?? until);
  }
  const target = {
    prisma,
    deploymentId,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.prefix ? { prefix: options.prefix } : {}),
  };
  await setDeploymentStatus(target, "running", null, { lastHeartbeatAt: new Date() });
  // The last warm-up candle is the first mark price, so the dashboard knows it before the next close.
  await recordLoopEvents(target, loop, []);
  const bars = mergeLiveCandles(
    symbols,
    (symbol, signal) =>
      liveCandles({
        exchange: options.exchange,
        symbol,
        timeframe: deployment.timeframe,
        signal,
        webSocket: false,
        after: streamAfter.get(symbol)!,
        ...(options.pollIntervalMs !== undefined
          ? { pollIntervalMs: options.pollIntervalMs, reconnectBaseMs: options.pollIntervalMs }
          : {}),
      }),
    options.signal,
  );
  for await (const bar of bars) {
    await recordLoopEvents(target, loop, loop.onClosedBar(bar.candles));
    await savePredictorState(prisma, deploymentId, loop);
    await prisma.deployment.update({ where: { id: deploymentId }, data: { lastHeartbeatAt: new Date() } });
    options.onCandleRecorded?.(bar.time);
  }
  // Paper has no open exchange orders to cancel: the simulator's waiting orders end with the loop.
  const flatten = options.flattenOnStop?.() ?? false;
  if (flatten) await recordLoopEvents(target, loop, loop.stop(true));
  await setDeploymentStatus(
    target,
    loop.haltReason ? "halted" : (options.statusOnStop?.() ?? "stopped"),
    flatten ? "emergency stop: positions flattened" : undefined,
  );
  return loop;
}

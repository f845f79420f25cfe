import type { PrismaClient } from "@tradegraph/db";
import { type CandleStore, type Exchange, liveCandles, timeframeMs } from "@tradegraph/market-data";
import type { Redis } from "ioredis";
import { DeploymentLoop } from "../deployments/deployment-loop.ts";
import { setDeploymentStatus } from "../deployments/deployment-status.ts";
import { loopRiskLimits } from "../deployments/loop-risk-limits.ts";
import { restorePredictorState, savePredictorState } from "../deployments/predictor-state.ts";
import { assertLiveAllowed } from "../deployments/promotion-gate.ts";
import { recordLoopEvents } from "../deployments/record-events.ts";
import { warmUpDeployment } from "../deployments/warm-up.ts";
import type { SharedRateLimiter } from "../rate-limit/token-bucket.ts";
import { ExchangeBroker } from "./exchange-broker.ts";
import { OrderDesk } from "./order-desk.ts";
import { reconcileBook } from "./reconcile-book.ts";
import { reopenPosition } from "./reopen-position.ts";
import { recordedPosition } from "./restore-position.ts";
import { isTransient, type RetryOptions } from "./retry.ts";

export interface RunExchangeDeploymentOptions {
  prisma: PrismaClient;
  deploymentId: string;
  /** ccxt client with the account's API key (testnet: sandbox mode). Candles and orders both go through it. */
  exchange: Exchange;
  /** Stored candles for the warm-up (live only: testnet prices are the testnet's own, so it asks the exchange). */
  store?: CandleStore;
  limiter?: { limiter: SharedRateLimiter; apiKeyId: string };
  retry?: RetryOptions;
  redis?: Redis;
  prefix?: string;
  signal: AbortSignal;
  after?: number;
  pollIntervalMs?: number;
  flattenOnStop?: () => boolean;
  statusOnStop?: () => "stopped" | "paused";
  onCandleRecorded?: (time: number) => void;
  /** Test hook: runs right after the exchange accepted an order, before it is recorded. */
  afterSend?: (clientOrderId: string) => void;
}

const DEFAULT_TAKER_FEE = 0.001;

/** Quantity rounded down to the market's lot step; 0 below one step (ccxt throws there). */
function roundDown(exchange: Exchange, symbol: string, quantity: number): number {
  const step = exchange.market(symbol).precision?.amount ?? 0;
  if (!(quantity > 0) || quantity < step) return 0;
  return Number(exchange.amountToPrecision(symbol, quantity));
}

/**
 * Runs one testnet or live deployment (spot, one symbol) until the signal aborts. Before acting it
 * reconciles: every order not seen finished is looked up on the exchange by client order id, its fills are
 * written, and the position those fills add up to (capped by the account's balance) is restored. Then each
 * closed candle is evaluated, its orders are sent and booked, and everything is recorded before the next.
 */
export async function runExchangeDeployment(options: RunExchangeDeploymentOptions): Promise<DeploymentLoop> {
  const { prisma, deploymentId, exchange } = options;
  const deployment = await prisma.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: {
      mode: true,
      symbols: true,
      timeframe: true,
      riskLimits: true,
      strategyVersion: { select: { graph: true } },
    },
  });
  if (deployment.mode === "paper")
    throw new Error(`Deployment ${deploymentId} is paper; it runs on the simulator.`);
  await assertLiveAllowed(prisma, deploymentId);
  const symbol = deployment.symbols[0];
  if (symbol === undefined || deployment.symbols.length > 1) {
    throw new Error(
      `Deployment ${deploymentId} must trade exactly one symbol here, got ${deployment.symbols.join(", ")}.`,
    );
  }
  const [base, quote] = symbol.split("/") as [string, string];
  const desk = new OrderDesk({
    prisma,
    exchange,
    deploymentId,
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.afterSend ? { afterSend: options.afterSend } : {}),
  });

  // Reconcile before acting: orders, fills, then balances.
  await desk.call(() => exchange.loadMarkets());
  await desk.reconcile();
  // A target left resting by an earlier run locks the coins and the restored position re-arms no exits:
  // take it off first (what it filled already counts in the fills the position is restored from).
  const leftResting = await prisma.order.findMany({
    where: { deploymentId, type: "limit", status: { in: ["open", "partially_filled"] } },
    select: { clientOrderId: true, symbol: true },
  });
  for (const order of leftResting) await desk.cancel(order.clientOrderId, order.symbol);
  const balance = await desk.call(() => exchange.fetchBalance());
  const quoteFree = Number(balance[quote]?.free ?? 0);
  const baseTotal = Number(balance[base]?.total ?? 0);
  const restored = await recordedPosition(prisma, deploymentId, symbol);
  const held = restored ? Math.min(restored.quantity, baseTotal) : 0;
  const market = exchange.market(symbol);
  const takerFee = market.taker ?? DEFAULT_TAKER_FEE;

  let broker: ExchangeBroker | undefined;
  const loop = new DeploymentLoop({
    mode: deployment.mode,
    graph: deployment.strategyVersion.graph,
    symbols: [symbol],
    timeframeMs: timeframeMs(deployment.timeframe),
    // The ledger's cash is the account's: free quote plus what the restored position cost.
    settings: {
      initialCash: quoteFree + (restored && held > 0 ? held * restored.entryPrice + restored.entryFee : 0),
    },
    ...loopRiskLimits(deployment.riskLimits),
    exchangeBroker: (portfolio) => {
      broker = new ExchangeBroker({
        portfolio,
        desk,
        deploymentId,
        takerFee,
        freeQuote: async () => {
          const now = await desk.call(() => exchange.fetchBalance());
          return Number(now[quote]?.free ?? 0);
        },
        roundQuantity: (s, q) => roundDown(exchange, s, q),
        roundPrice: (s, p) => Number(exchange.priceToPrecision(s, p)),
      });
      return broker;
    },
  });
  // History first, while the book is flat: its signals are dropped, so no position is implied by them.
  // Trained ML models come back before the warm-up, which then replays what they already saw.
  await restorePredictorState(prisma, deploymentId, loop);
  const warm = await warmUpDeployment({
    loop,
    symbol,
    timeframe: deployment.timeframe,
    exchange,
    store: options.store,
    storeExchange: deployment.mode === "live" ? exchange.id : undefined,
    after: options.after,
    signal: options.signal,
    limiter: options.limiter,
  });
  const after = options.after ?? warm.lastTime;
  if (restored && held > 0)
    await reopenPosition({ prisma, deploymentId, loop, broker: broker!, restored, held });

  const target = {
    prisma,
    deploymentId,
    ...(options.redis ? { redis: options.redis } : {}),
    ...(options.prefix ? { prefix: options.prefix } : {}),
  };
  await setDeploymentStatus(target, "running", null, { lastHeartbeatAt: new Date() });
  await recordLoopEvents(target, loop, []);
  // Set when the exchange stopped answering (candle polls or an order whose outcome is unknown).
  let reconnected = false;
  const stream = liveCandles({
    exchange,
    onStatus: (status) => {
      if (status.state === "disconnected") reconnected = true;
    },
    symbol,
    timeframe: deployment.timeframe,
    signal: options.signal,
    webSocket: false,
    ...(after !== undefined ? { after } : {}),
    ...(options.pollIntervalMs !== undefined
      ? { pollIntervalMs: options.pollIntervalMs, reconnectBaseMs: options.pollIntervalMs }
      : {}),
  });
  for await (const candle of stream) {
    if (reconnected) {
      // Back after an outage: reconcile orders, fills and balances before acting again.
      reconnected = false;
      const change = await reconcileBook({ prisma, desk, exchange, deploymentId, symbol, loop, broker });
      await prisma.deploymentEvent.create({
        data: {
          deploymentId,
          level: change ? "warn" : "info",
          kind: "exchange.reconciled",
          message: change ?? "reconnected; orders, fills and balances agree with the book",
        },
      });
    }
    const events = loop.onClosedCandle(symbol, candle);
    try {
      await broker!.flush();
    } catch (error) {
      // Retries ran out: the order's outcome is unknown until the exchange answers again.
      if (!isTransient(error)) throw error;
      reconnected = true;
    }
    events.push(...loop.stop(false));
    await recordLoopEvents(target, loop, events);
    await savePredictorState(prisma, deploymentId, loop);
    await prisma.deployment.update({ where: { id: deploymentId }, data: { lastHeartbeatAt: new Date() } });
    options.onCandleRecorded?.(candle.time);
  }
  const flatten = options.flattenOnStop?.() ?? false;
  if (flatten) {
    loop.session.closeAll();
    await broker!.flush();
    await recordLoopEvents(target, loop, loop.stop(false));
  }
  await setDeploymentStatus(
    target,
    loop.haltReason ? "halted" : (options.statusOnStop?.() ?? "stopped"),
    flatten ? "emergency stop: positions flattened" : undefined,
  );
  return loop;
}

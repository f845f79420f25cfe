import {
  type DeploymentMark,
  deploymentMarkSchema,
  deploymentMarksKey,
  RUNNER_HEARTBEAT_STALE_MS,
} from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { deploymentView, ownDeployment } from "./deployments.ts";

const num = (d: { toString(): string } | null) => (d === null ? null : Number(d.toString()));

/** Status with health: a deployment that should run but has no fresh heartbeat is unhealthy. */
export async function deploymentStatus(
  deps: ServerDeps,
  caller: Caller,
  deploymentId: string,
  now = Date.now(),
) {
  const view = deploymentView(await ownDeployment(deps, caller, deploymentId));
  const beatAge = view.lastHeartbeatAt ? now - view.lastHeartbeatAt.getTime() : null;
  const shouldBeAlive = view.desiredState !== "stopped";
  const healthy = !shouldBeAlive || (beatAge !== null && beatAge <= RUNNER_HEARTBEAT_STALE_MS);
  return {
    ...view,
    health: {
      healthy,
      heartbeatAgeMs: beatAge,
      message: healthy
        ? "OK"
        : beatAge === null
          ? "No runner has picked this deployment up yet."
          : `No heartbeat from the runner for ${Math.round(beatAge / 1000)} s.`,
    },
  };
}

/** The last closed candle the runner saw per symbol (its mark price); a symbol without one is absent. */
async function deploymentMarks(deps: ServerDeps, deploymentId: string): Promise<Map<string, DeploymentMark>> {
  const stored = await deps.redis.hgetall(`${deps.redisPrefix}:${deploymentMarksKey(deploymentId)}`);
  const marks = new Map<string, DeploymentMark>();
  for (const [symbol, text] of Object.entries(stored)) {
    try {
      const mark = deploymentMarkSchema.safeParse(JSON.parse(text));
      if (mark.success) marks.set(symbol, mark.data);
    } catch {
      // A malformed mark is treated as no mark: unrealised P&L then reads "not known".
    }
  }
  return marks;
}

/**
 * One row per symbol the deployment trades (flat until the runner records a position), with unrealised
 * P&L at the mark price: the close of the last candle the runner saw. `markPrice`, `markTime` and, for
 * an open position, `unrealizedPnl` are null until the runner has seen a candle.
 */
export async function deploymentPositions(deps: ServerDeps, caller: Caller, deploymentId: string) {
  const deployment = await ownDeployment(deps, caller, deploymentId);
  const [rows, marks] = await Promise.all([
    deps.prisma.position.findMany({ where: { deploymentId }, orderBy: { symbol: "asc" } }),
    deploymentMarks(deps, deploymentId),
  ]);
  const stored = new Map(rows.map((p) => [p.symbol, p]));
  const symbols = [...new Set([...deployment.symbols, ...stored.keys()])].sort();
  return symbols.map((symbol) => {
    const p = stored.get(symbol);
    const quantity = p ? num(p.quantity)! : 0;
    const averageEntryPrice = p && quantity !== 0 ? num(p.averageEntryPrice)! : null;
    const mark = marks.get(symbol) ?? null;
    return {
      symbol,
      quantity,
      averageEntryPrice,
      realizedPnl: p ? num(p.realizedPnl)! : 0,
      feesPaid: p ? num(p.feesPaid)! : 0,
      updatedAt: p?.updatedAt ?? null,
      markPrice: mark?.price ?? null,
      markTime: mark?.time ?? null,
      // Long: (mark − entry) × qty; short (negative qty): the same formula gives the right sign.
      unrealizedPnl:
        averageEntryPrice === null ? 0 : mark ? (mark.price - averageEntryPrice) * quantity : null,
    };
  });
}

export async function deploymentOrders(deps: ServerDeps, caller: Caller, deploymentId: string, limit = 200) {
  await ownDeployment(deps, caller, deploymentId);
  const rows = await deps.prisma.order.findMany({
    where: { deploymentId },
    orderBy: { createdAt: "desc" },
    take: limit,
  });
  return rows.map((o) => ({
    id: o.id,
    clientOrderId: o.clientOrderId,
    exchangeOrderId: o.exchangeOrderId,
    symbol: o.symbol,
    side: o.side,
    type: o.type,
    quantity: num(o.quantity)!,
    price: num(o.price),
    stopPrice: num(o.stopPrice),
    status: o.status,
    filledQuantity: num(o.filledQuantity)!,
    averagePrice: num(o.averagePrice),
    barTime: o.barTime,
    reason: o.reason,
    error: o.error,
    createdAt: o.createdAt,
  }));
}

export async function deploymentFills(deps: ServerDeps, caller: Caller, deploymentId: string, limit = 200) {
  await ownDeployment(deps, caller, deploymentId);
  const rows = await deps.prisma.fill.findMany({
    where: { deploymentId },
    orderBy: { time: "desc" },
    take: limit,
  });
  return rows.map((f) => ({
    id: f.id,
    orderId: f.orderId,
    symbol: f.symbol,
    side: f.side,
    quantity: num(f.quantity)!,
    price: num(f.price)!,
    fee: num(f.fee)!,
    feeCurrency: f.feeCurrency,
    time: f.time,
  }));
}

/** Realised P&L from closed trades (net of fees) plus per-symbol figures. */
export async function deploymentPnl(deps: ServerDeps, caller: Caller, deploymentId: string) {
  await ownDeployment(deps, caller, deploymentId);
  const trades = await deps.prisma.deploymentTrade.findMany({
    where: { deploymentId },
    orderBy: { exitTime: "asc" },
    select: { symbol: true, pnl: true, fees: true, exitTime: true },
  });
  let realized = 0;
  let fees = 0;
  let wins = 0;
  const curve: { time: Date; cumulativePnl: number }[] = [];
  const bySymbol = new Map<string, { symbol: string; trades: number; pnl: number }>();
  for (const t of trades) {
    const pnl = Number(t.pnl);
    realized += pnl;
    fees += Number(t.fees);
    if (pnl > 0) wins++;
    curve.push({ time: t.exitTime, cumulativePnl: realized });
    const s = bySymbol.get(t.symbol) ?? { symbol: t.symbol, trades: 0, pnl: 0 };
    s.trades++;
    s.pnl += pnl;
    bySymbol.set(t.symbol, s);
  }
  return {
    realizedPnl: realized,
    feesPaid: fees,
    trades: trades.length,
    winRate: trades.length > 0 ? wins / trades.length : null,
    bySymbol: [...bySymbol.values()],
    curve,
  };
}

export async function deploymentEvents(
  deps: ServerDeps,
  caller: Caller,
  input: { deploymentId: string; limit: number; before?: number | undefined },
) {
  await ownDeployment(deps, caller, input.deploymentId);
  return deps.prisma.deploymentEvent.findMany({
    where: {
      deploymentId: input.deploymentId,
      ...(input.before !== undefined ? { id: { lt: input.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: input.limit,
    select: { id: true, level: true, kind: true, message: true, details: true, createdAt: true },
  });
}

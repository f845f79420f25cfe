import { PROMOTION_GATE, type PromotionGateResult } from "@tradegraph/contracts";
import type { ServerDeps } from "../deps.ts";

/**
 * Whether a strategy version has earned live trading: its closed trades on paper and testnet
 * deployments must number at least 20, win more than half the time and have a profit factor above 1.3.
 */
export async function promotionGate(
  deps: ServerDeps,
  strategyVersionId: string,
): Promise<PromotionGateResult> {
  const trades = await deps.prisma.deploymentTrade.findMany({
    where: { deployment: { strategyVersionId, mode: { in: ["paper", "testnet"] } } },
    select: { pnl: true },
  });
  let wins = 0;
  let grossProfit = 0;
  let grossLoss = 0;
  for (const t of trades) {
    const pnl = Number(t.pnl);
    if (pnl > 0) {
      wins++;
      grossProfit += pnl;
    } else grossLoss -= pnl;
  }
  const count = trades.length;
  const winRate = count > 0 ? wins / count : null;
  // No losing trade at all: the factor is unbounded, which clears the bar when there was any profit.
  const profitFactor =
    grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? Number.POSITIVE_INFINITY : null;
  const reasons: string[] = [];
  if (count < PROMOTION_GATE.minTrades) {
    reasons.push(
      `It has ${count} closed paper/testnet trade(s); at least ${PROMOTION_GATE.minTrades} are needed.`,
    );
  }
  if (winRate === null || winRate <= PROMOTION_GATE.minWinRate) {
    reasons.push(
      `Its win rate is ${winRate === null ? "unknown" : `${(winRate * 100).toFixed(1)}%`}; it must be above 50%.`,
    );
  }
  if (profitFactor === null || profitFactor <= PROMOTION_GATE.minProfitFactor) {
    reasons.push(
      `Its profit factor is ${profitFactor === null ? "unknown" : profitFactor.toFixed(2)}; it must be above 1.3.`,
    );
  }
  return {
    passed: reasons.length === 0,
    trades: count,
    winRate,
    profitFactor: profitFactor !== null && Number.isFinite(profitFactor) ? profitFactor : null,
    reasons,
  };
}

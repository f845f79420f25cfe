import { PROMOTION_GATE } from "@tradegraph/contracts";
import type { PrismaClient } from "@tradegraph/db";

export class PromotionGateError extends Error {}

/**
 * Second line of defence at deployment start (the server checks at creation): a live deployment runs only
 * when the version's closed paper/testnet trades pass the gate (contracts PROMOTION_GATE), or when the
 * user's typed override was recorded in the audit log for this deployment.
 */
export async function assertLiveAllowed(prisma: PrismaClient, deploymentId: string): Promise<void> {
  const deployment = await prisma.deployment.findUniqueOrThrow({
    where: { id: deploymentId },
    select: { mode: true, strategyVersionId: true },
  });
  if (deployment.mode !== "live") return;
  const override = await prisma.auditEvent.findFirst({
    where: { action: "deployment.promotionGateOverridden", subjectId: deploymentId },
    select: { id: true },
  });
  if (override) return;
  const trades = await prisma.deploymentTrade.findMany({
    where: {
      deployment: { strategyVersionId: deployment.strategyVersionId, mode: { in: ["paper", "testnet"] } },
    },
    select: { pnl: true },
  });
  let wins = 0;
  let profit = 0;
  let loss = 0;
  for (const t of trades) {
    const pnl = Number(t.pnl);
    if (pnl > 0) {
      wins++;
      profit += pnl;
    } else loss -= pnl;
  }
  const winRate = trades.length > 0 ? wins / trades.length : 0;
  const profitFactor = loss > 0 ? profit / loss : profit > 0 ? Number.POSITIVE_INFINITY : 0;
  const reasons: string[] = [];
  if (trades.length < PROMOTION_GATE.minTrades) {
    reasons.push(
      `${trades.length} closed paper/testnet trades (at least ${PROMOTION_GATE.minTrades} needed)`,
    );
  }
  if (winRate <= PROMOTION_GATE.minWinRate)
    reasons.push(`win rate ${(winRate * 100).toFixed(1)}% (must be above 50%)`);
  if (profitFactor <= PROMOTION_GATE.minProfitFactor) {
    reasons.push(
      `profit factor ${profitFactor.toFixed(2)} (must be above ${PROMOTION_GATE.minProfitFactor})`,
    );
  }
  if (reasons.length > 0) {
    throw new PromotionGateError(
      `Live trading refused: this version has not passed the promotion gate and no override was recorded: ${reasons.join("; ")}.`,
    );
  }
}

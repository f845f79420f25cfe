// After a restart the loop starts flat: the position the account holds is put back in the ledger with the
// stop, target and trailing state the earlier run saved, and its target rests on the exchange again.
import type { PrismaClient } from "@tradegraph/db";
import type { DeploymentLoop } from "../deployments/deployment-loop.ts";
import { applyExitLevels, parseExitLevels } from "../deployments/exit-levels.ts";
import type { ExchangeBroker } from "./exchange-broker.ts";
import type { RecordedPosition } from "./restore-position.ts";

export interface ReopenPositionOptions {
  prisma: PrismaClient;
  deploymentId: string;
  loop: DeploymentLoop;
  broker: ExchangeBroker;
  /** The position the recorded fills add up to, and the part of it the account still holds. */
  restored: RecordedPosition;
  held: number;
}

/** Re-opens the restored position in the ledger, re-arms its exit levels and records what it did. */
export async function reopenPosition(options: ReopenPositionOptions): Promise<void> {
  const { prisma, deploymentId, loop, broker, restored, held } = options;
  const slot = loop.session.slots[0]!;
  loop.session.portfolio.ledger.open(
    slot,
    "long",
    held,
    restored.entryPrice,
    restored.entryFee,
    restored.entryTime,
    -1,
    [],
    -1,
    restored.entryNodeId,
  );
  // The row holds the levels of the position it last recorded open; flat (or none) = they are unknown.
  const row = await prisma.position.findUnique({
    where: { deploymentId_symbol: { deploymentId, symbol: slot.symbol } },
    select: { quantity: true, exitLevels: true },
  });
  const levels = row && Number(row.quantity) > 0 ? parseExitLevels(row.exitLevels) : null;
  if (levels === null) {
    await prisma.deploymentEvent.create({
      data: {
        deploymentId,
        level: "warn",
        kind: "position.restored",
        message: `${slot.symbol}: restored ${held} held with no recorded stop or target (it filled before the last record); exits come from the strategy's signals only`,
      },
    });
    return;
  }
  applyExitLevels(slot, levels);
  // Each restart rests a new order: the earlier run's target was cancelled and its id is spent.
  const earlier = await prisma.order.count({ where: { deploymentId, type: "limit" } });
  const resting = await broker.rearmTarget(slot, earlier);
  await prisma.deploymentEvent.create({
    data: {
      deploymentId,
      level: "info",
      kind: "position.restored",
      message: `${slot.symbol}: restored ${held} held with stop ${levels.stopLoss ?? "none"} and target ${levels.takeProfit ?? "none"}${resting ? " (resting on the exchange again)" : ""}`,
      details: { symbol: slot.symbol, quantity: held, ...levels },
    },
  });
}

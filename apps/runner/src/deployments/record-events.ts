import { type DeploymentMark, deploymentEventsChannel, deploymentMarksKey } from "@tradegraph/contracts";
import { Prisma, type PrismaClient } from "@tradegraph/db";
import type { Redis } from "ioredis";
import type { DeploymentEvent, DeploymentLoop } from "./deployment-loop.ts";
import { statusMessage } from "./deployment-status.ts";
import { exitLevelsOf } from "./exit-levels.ts";

/** Redis channel (after REDIS_PREFIX + ":") where the runner publishes each recorded deployment event. */
export { deploymentEventsChannel };

/**
 * Position size and exit levels (JSON) last written per loop and symbol: positions are written when they
 * change (a flat one once; an open one every candle, as its bars-held count moves), not on every call.
 */
const recordedPositions = new WeakMap<DeploymentLoop, { quantity: number; levels: string }[]>();

export interface RecordTarget {
  prisma: PrismaClient;
  deploymentId: string;
  /** Publisher connection and prefix; omitted = database only. */
  redis?: Redis;
  prefix?: string;
}

/**
 * Writes what one closed candle did to PostgreSQL (trades, denials, halts, positions) in one transaction,
 * before the loop sees the next candle, then publishes the events for the web app.
 */
export async function recordLoopEvents(
  target: RecordTarget,
  loop: DeploymentLoop,
  events: DeploymentEvent[],
) {
  const { prisma, deploymentId } = target;
  const writes = [];
  for (const event of events) {
    if (event.kind === "trade") {
      const t = event.trade;
      writes.push(
        prisma.deploymentTrade.create({
          data: {
            deploymentId,
            symbol: t.symbol,
            direction: t.side,
            quantity: t.quantity,
            entryTime: new Date(t.entryTime),
            entryPrice: t.entryPrice,
            exitTime: new Date(t.exitTime),
            exitPrice: t.exitPrice,
            fees: t.fees,
            pnl: t.pnl,
            exitReason: t.exitReason,
          },
        }),
      );
    } else if (event.kind === "denied") {
      writes.push(
        prisma.deploymentEvent.create({
          data: {
            deploymentId,
            level: "warn",
            kind: "order.denied",
            message: `${event.symbol}: order from node "${event.nodeId}" denied: ${event.reason}`,
            details: { time: event.time, symbol: event.symbol, nodeId: event.nodeId },
          },
        }),
      );
    } else {
      writes.push(
        prisma.deployment.update({
          where: { id: deploymentId },
          data: { status: "halted", statusReason: event.reason },
        }),
        prisma.deploymentEvent.create({
          data: {
            deploymentId,
            level: "error",
            kind: "breaker.halted",
            message: event.reason,
            details: { time: event.time },
          },
        }),
      );
    }
  }
  const recorded =
    recordedPositions.get(loop) ?? loop.session.slots.map(() => ({ quantity: Number.NaN, levels: "" }));
  recordedPositions.set(loop, recorded);
  const levels = loop.session.slots.map((slot) => exitLevelsOf(slot));
  const levelsJson = levels.map((l) => JSON.stringify(l));
  if (
    events.some((e) => e.kind === "trade") ||
    loop.session.slots.some(
      (slot, s) => slot.quantity !== recorded[s]!.quantity || levelsJson[s] !== recorded[s]!.levels,
    )
  ) {
    for (const slot of loop.session.slots) {
      recorded[slot.index] = { quantity: slot.quantity, levels: levelsJson[slot.index]! };
      const trades = loop.trades.filter((t) => t.symbol === slot.symbol);
      const position = {
        quantity: slot.quantity,
        averageEntryPrice: slot.quantity === 0 || Number.isNaN(slot.entryPrice) ? 0 : slot.entryPrice,
        realizedPnl: trades.reduce((sum, t) => sum + t.pnl, 0),
        feesPaid: trades.reduce((sum, t) => sum + t.fees, 0),
        // Saved with the position so a restart re-arms the same stop and target.
        exitLevels: levels[slot.index] ?? Prisma.DbNull,
      };
      writes.push(
        prisma.position.upsert({
          where: { deploymentId_symbol: { deploymentId, symbol: slot.symbol } },
          create: { deploymentId, symbol: slot.symbol, ...position },
          update: position,
        }),
      );
    }
  }
  if (writes.length > 0) await prisma.$transaction(writes);
  if (target.redis && target.prefix) {
    // The last closed candle per symbol is the mark price for unrealised P&L on the dashboard.
    const marks: Record<string, string> = {};
    for (const slot of loop.session.slots) {
      const bar = loop.session.bars[slot.index]!;
      if (bar.index < 0 || !(bar.close > 0)) continue;
      const mark: DeploymentMark = { price: bar.close, time: bar.time };
      marks[slot.symbol] = JSON.stringify(mark);
    }
    const push = target.redis.multi();
    if (Object.keys(marks).length > 0)
      push.hset(`${target.prefix}:${deploymentMarksKey(deploymentId)}`, marks);
    // Every recorded candle is announced (an empty list = position or mark only), so the dashboard refetches;
    // a halt also carries the status it set, for the dashboard header.
    const halts = events.flatMap((e) => (e.kind === "halted" ? [statusMessage("halted", e.reason)] : []));
    push.publish(
      `${target.prefix}:${deploymentEventsChannel(deploymentId)}`,
      JSON.stringify([...events, ...halts]),
    );
    await push.exec();
  }
}

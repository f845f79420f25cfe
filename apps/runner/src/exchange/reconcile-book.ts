// After the exchange was unreachable mid-run, the book may miss what happened meanwhile (an order that
// reached the exchange although its answer never came back). Before the next decision: the same reconcile
// as at start, then the ledger is brought in line with the recorded fills and the account's balance.
import type { PrismaClient } from "@tradegraph/db";
import type { Exchange } from "@tradegraph/market-data";
import type { DeploymentLoop } from "../deployments/deployment-loop.ts";
import { bookedFill, type ExchangeBroker } from "./exchange-broker.ts";
import type { OrderDesk } from "./order-desk.ts";
import { recordedPosition } from "./restore-position.ts";

export interface ReconcileBookOptions {
  prisma: PrismaClient;
  desk: OrderDesk;
  exchange: Exchange;
  deploymentId: string;
  symbol: string;
  loop: DeploymentLoop;
  /** The deployment's broker: an entry it lost the answer to gets its exit rules back when booked. */
  broker?: ExchangeBroker | undefined;
}

/** What the reconcile changed in the book, for the deployment's event log (null: it already agreed). */
export async function reconcileBook(options: ReconcileBookOptions): Promise<string | null> {
  const { prisma, desk, exchange, deploymentId, symbol, loop } = options;
  const base = symbol.split("/")[0]!;
  await desk.reconcile();
  const balance = await desk.call(() => exchange.fetchBalance());
  const recorded = await recordedPosition(prisma, deploymentId, symbol);
  const held = recorded ? Math.min(recorded.quantity, Number(balance[base]?.total ?? 0)) : 0;
  const step = exchange.market(symbol).precision?.amount ?? 0;
  const slot = loop.session.slots[0]!;
  const { ledger } = loop.session.portfolio;
  const unheard = options.broker?.takeUnheardEntry(slot) ?? null;

  if (slot.quantity === 0 && recorded && held > step) {
    // An entry filled while we could not hear the answer: booked with its stop and target, as if heard.
    ledger.open(
      slot,
      "long",
      held,
      recorded.entryPrice,
      recorded.entryFee,
      recorded.entryTime,
      unheard?.bar.index ?? -1,
      unheard?.order.exits ?? [],
      unheard?.order.signalBar ?? -1,
      unheard?.order.nodeId ?? recorded.entryNodeId,
    );
    if (unheard) {
      const earlier = await prisma.order.count({ where: { deploymentId, type: "limit" } });
      await options.broker!.rearmTarget(slot, earlier);
    }
    return `an entry of ${held} ${base} at ${recorded.entryPrice} filled while the exchange was unreachable; booked${unheard ? " with its exit rules" : ""}`;
  }
  if (slot.quantity > 0 && held <= step) {
    // The position is gone: an exit filled unheard (or the account was sold outside this deployment).
    const sells = await prisma.fill.findMany({
      where: { deploymentId, symbol, side: "sell", time: { gte: new Date(slot.entryTime) } },
      orderBy: { time: "asc" },
    });
    const fill = bookedFill(
      {
        fills: sells.map((f) => ({
          id: f.exchangeTradeId,
          quantity: Number(f.quantity),
          price: Number(f.price),
          fee: Number(f.fee),
          feeCurrency: f.feeCurrency,
          time: f.time.getTime(),
        })),
      },
      symbol,
    );
    const bar = loop.session.bars[0]!;
    if (fill) ledger.close(slot, fill.averagePrice, fill.feeInQuote, fill.time, "signal", Number.NaN, 0);
    else ledger.close(slot, bar.close, 0, bar.time, "signal", Number.NaN, 0);
    return fill
      ? `an exit at ${fill.averagePrice} filled while the exchange was unreachable; booked`
      : `the account no longer holds the ${base} of this position (sold outside this deployment); closed at the last close`;
  }
  return null;
}

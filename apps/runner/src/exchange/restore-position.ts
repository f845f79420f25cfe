import type { PrismaClient } from "@tradegraph/db";

export interface RecordedPosition {
  /** Base quantity held according to the recorded fills (fees taken in the base asset deducted). */
  quantity: number;
  /** Average price of the fills of the entry order that opened it. */
  entryPrice: number;
  /** Entry fees in the quote currency. */
  entryFee: number;
  entryTime: number;
  entryNodeId: string;
}

/**
 * The long spot position this deployment holds on `symbol` according to its recorded fills (after a restart
 * the loop starts empty; reconciliation has just written every fill the exchange knows).
 */
export async function recordedPosition(
  prisma: PrismaClient,
  deploymentId: string,
  symbol: string,
): Promise<RecordedPosition | null> {
  const [base] = symbol.split("/");
  const fills = await prisma.fill.findMany({
    where: { deploymentId, symbol },
    orderBy: { time: "asc" },
    include: { order: { select: { clientOrderId: true, reason: true } } },
  });
  let quantity = 0;
  let entry: RecordedPosition | null = null;
  for (const fill of fills) {
    const q = Number(fill.quantity);
    const fee = Number(fill.fee);
    const price = Number(fill.price);
    if (fill.side === "buy") {
      const held = q - (fill.feeCurrency === base ? fee : 0);
      const feeInQuote = fill.feeCurrency === base ? fee * price : fee;
      if (entry === null || quantity <= 0) {
        entry = {
          quantity: 0,
          entryPrice: 0,
          entryFee: 0,
          entryTime: fill.time.getTime(),
          entryNodeId: "restored",
        };
      }
      // Average over the entry's fills (quantity-weighted on what was bought).
      entry.entryPrice = (entry.entryPrice * entry.quantity + price * held) / (entry.quantity + held);
      entry.entryFee += feeInQuote;
      entry.quantity += held;
      quantity += held;
    } else {
      quantity -= q;
      if (entry) entry.quantity = quantity;
    }
  }
  return entry !== null && quantity > 1e-12 ? { ...entry, quantity } : null;
}

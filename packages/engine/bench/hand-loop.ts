/**
 * The bench's yardstick: the bench strategy written as one plain loop with the same rules as the engine
 * (EMA 12/26 cross with TA-Lib seeding, next-open fills, all-in with 0.1% fees, 2% stop with gap fills,
 * exit at the next open, end-of-run close). It must produce the engine's final equity exactly.
 */
import type { CandleColumns } from "@tradegraph/nodes";

const FEE = 0.001;

export function handLoop(c: CandleColumns, cash0: number): { equity: number; trades: number } {
  const n = c.time.length;
  let cash = cash0;
  let qty = 0;
  let stop = 0;
  let pendingEntry = false;
  let pendingExit = false;
  let trades = 0;
  const kFast = 2 / 13;
  const kSlow = 2 / 27;
  let fast = Number.NaN;
  let slow = Number.NaN;
  let sumFast = 0;
  let sumSlow = 0;
  let previousDiffReady = false;
  let previousFast = Number.NaN;
  let previousSlow = Number.NaN;
  for (let i = 0; i < n; i++) {
    const open = c.open[i]!;
    if (pendingExit && qty > 0) {
      cash += qty * open - qty * open * FEE;
      qty = 0;
      trades++;
    }
    pendingExit = false;
    let enteredAtOpen = false;
    if (pendingEntry && qty === 0) {
      const q = cash / (open * (1 + FEE));
      cash -= q * open + q * open * FEE;
      qty = q;
      stop = open - open * 0.02;
      enteredAtOpen = true;
    }
    pendingEntry = false;
    if (qty > 0 || enteredAtOpen) {
      const exit = open <= stop ? open : c.low[i]! <= stop ? stop : Number.NaN;
      if (exit === exit) {
        cash += qty * exit - qty * exit * FEE;
        qty = 0;
        trades++;
      }
    }
    // Signals at the close: EMA 12 and 26 (seeded with their first SMA), then the crosses.
    const x = c.close[i]!;
    if (i < 12) sumFast += x;
    if (i < 26) sumSlow += x;
    fast = i === 11 ? sumFast / 12 : i > 11 ? (x - fast) * kFast + fast : Number.NaN;
    slow = i === 25 ? sumSlow / 26 : i > 25 ? (x - slow) * kSlow + slow : Number.NaN;
    const ready = i > 25 && previousDiffReady;
    if (ready) {
      if (fast > slow && previousFast <= previousSlow && qty === 0) pendingEntry = true;
      if (fast < slow && previousFast >= previousSlow && qty > 0) pendingExit = true;
    }
    previousDiffReady = i >= 25;
    previousFast = fast;
    previousSlow = slow;
  }
  if (qty > 0) {
    const last = c.close[n - 1]!;
    cash += qty * last - qty * last * FEE;
    trades++;
  }
  return { equity: cash, trades };
}

/** The batch hot loop: every bar of the portfolio clock through the session, no allocation per bar. */
import type { CandleColumns } from "@tradegraph/nodes";
import type { TradingSession } from "./session.ts";

export interface ReplayOutput {
  equity: Float64Array;
  inMarket: Uint8Array;
}

export function replay(
  session: TradingSession,
  columns: readonly CandleColumns[],
  clock: Float64Array,
  closeAtEnd: boolean,
  onProgress: ((fraction: number) => void) | undefined,
): ReplayOutput {
  const bars = clock.length;
  const equity = new Float64Array(bars);
  const inMarket = new Uint8Array(bars);
  const portfolio = session.portfolio;
  const ledger = portfolio.ledger;
  const progressEvery = Math.max(1, Math.floor(bars / 100));
  const symbols = columns.length;
  const pointers = new Int32Array(symbols);
  const active = new Uint8Array(symbols);
  let nextProgress = progressEvery;
  if (symbols === 1) {
    // One symbol (the common case): its candle index is the clock index, no timestamp matching.
    const own = columns[0]!;
    for (let t = 0; t < bars; t++) {
      session.openBar(0, own, t);
      session.evaluateBar(0, session.markToMarket());
      session.closeBar(0);
      inMarket[t] = ledger.openPositions > 0 ? 1 : 0;
      if (t === bars - 1 && closeAtEnd) session.closeAll();
      // Close fills at this bar pay fees, so equity is re-read after evaluation.
      equity[t] = portfolio.equity();
      if (t + 1 === nextProgress) {
        nextProgress += progressEvery;
        onProgress?.((t + 1) / bars);
      }
    }
    return { equity, inMarket };
  }
  for (let t = 0; t < bars; t++) {
    const time = clock[t]!;
    for (let s = 0; s < symbols; s++) {
      const own = columns[s]!;
      const p = pointers[s]!;
      const here = p < own.time.length && own.time[p] === time;
      active[s] = here ? 1 : 0;
      if (here) session.openBar(s, own, p);
    }
    const closeEquity = session.markToMarket();
    for (let s = 0; s < symbols; s++) {
      if (active[s] === 1) {
        session.evaluateBar(s, closeEquity);
        session.closeBar(s);
        pointers[s] = pointers[s]! + 1;
      }
    }
    inMarket[t] = ledger.openPositions > 0 ? 1 : 0;
    if (t === bars - 1 && closeAtEnd) session.closeAll();
    equity[t] = portfolio.equity();
    if (t + 1 === nextProgress) {
      nextProgress += progressEvery;
      onProgress?.((t + 1) / bars);
    }
  }
  return { equity, inMarket };
}

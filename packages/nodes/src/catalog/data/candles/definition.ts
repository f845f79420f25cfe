import { z } from "zod";
import { defineNode } from "../../../contract.ts";

export const candlesNode = defineNode({
  type: "data.candles",
  version: 1,
  category: "data",
  title: "Candles",
  description:
    "The closed candles of the run's symbol and timeframe (the symbol list and timeframe are chosen when you backtest or deploy). Every other node starts here.",
  inputs: {},
  outputs: { candles: { type: "candles", label: "Candles" } },
  params: z.object({}),
  source: "runCandles",
  warmup: () => 0,
  init: () => null,
  step: () => {},
});

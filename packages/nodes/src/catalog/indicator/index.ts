import type { AnyNodeDefinition } from "../../contract.ts";
import { adxNode } from "./adx/definition.ts";
import { atrNode } from "./atr/definition.ts";
import { bollingerNode } from "./bollinger/definition.ts";
import { cciNode } from "./cci/definition.ts";
import { demaNode } from "./dema/definition.ts";
import { donchianNode } from "./donchian/definition.ts";
import { emaNode } from "./ema/definition.ts";
import { highestNode } from "./highest/definition.ts";
import { ichimokuNode } from "./ichimoku/definition.ts";
import { keltnerNode } from "./keltner/definition.ts";
import { lowestNode } from "./lowest/definition.ts";
import { macdNode } from "./macd/definition.ts";
import { marketRegimeNode } from "./market-regime/definition.ts";
import { mfiNode } from "./mfi/definition.ts";
import { obvNode } from "./obv/definition.ts";
import { parabolicSarNode } from "./parabolic-sar/definition.ts";
import { pivotPointsNode } from "./pivot-points/definition.ts";
import { relativeVolumeNode } from "./relative-volume/definition.ts";
import { rocNode } from "./roc/definition.ts";
import { rsiNode } from "./rsi/definition.ts";
import { smaNode } from "./sma/definition.ts";
import { stdDevNode } from "./std-dev/definition.ts";
import { stochRsiNode } from "./stoch-rsi/definition.ts";
import { stochasticNode } from "./stochastic/definition.ts";
import { supertrendNode } from "./supertrend/definition.ts";
import { temaNode } from "./tema/definition.ts";
import { vwapNode } from "./vwap/definition.ts";
import { williamsRNode } from "./williams-r/definition.ts";
import { wmaNode } from "./wma/definition.ts";
import { zScoreNode } from "./z-score/definition.ts";

export const indicatorNodes: AnyNodeDefinition[] = [
  smaNode,
  emaNode,
  wmaNode,
  demaNode,
  temaNode,
  rsiNode,
  stochRsiNode,
  macdNode,
  bollingerNode,
  atrNode,
  adxNode,
  stochasticNode,
  cciNode,
  mfiNode,
  obvNode,
  vwapNode,
  rocNode,
  williamsRNode,
  ichimokuNode,
  keltnerNode,
  donchianNode,
  parabolicSarNode,
  supertrendNode,
  pivotPointsNode,
  relativeVolumeNode,
  highestNode,
  lowestNode,
  stdDevNode,
  zScoreNode,
  marketRegimeNode,
];

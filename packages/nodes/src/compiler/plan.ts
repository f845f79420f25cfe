import type { NodeCategory } from "../contract.ts";
import type { NodeUpgrade } from "../graph/migrate.ts";

/** The clock id of the run's own candles. Any other clock id is the id of a higher-timeframe node. */
export const BASE_CLOCK = "base";

/** One output feeding an input. */
export interface PlannedSource {
  node: string;
  port: string;
}

export interface PlannedNode {
  id: string;
  type: string;
  version: number;
  category: NodeCategory;
  /** Params after the node's schema: validated, defaults applied. */
  params: Record<string, unknown>;
  /** Input key → sources, in document edge order (a single entry unless the port takes `multiple`). */
  inputs: Record<string, PlannedSource[]>;
  /** Clock whose ticks this node steps on; on other bars the evaluator holds its previous outputs. */
  clock: string;
  /** Clock of the node's outputs: its own id for a higher-timeframe node, else `clock`. */
  outputClock: string;
  /** No inputs and no market data: the same value on every bar, whatever the clock. */
  clockNeutral: boolean;
  /** Warm-up of this node alone, in bars of its own clock. */
  warmup: number;
}

/** The serialisable output of `compile`: plain JSON, safe to store, send and run anywhere. */
export interface CompiledPlan {
  formatVersion: 1;
  name: string;
  /** Every node, in an order where each node comes after all its inputs. */
  nodes: PlannedNode[];
  /** Nodes that emit order intents (entries and exits). */
  orderNodeIds: string[];
  /** Higher-timeframe clocks: node id → period in ms. */
  clocks: Record<string, { periodMs: number }>;
  /** Nodes upgraded from an older version of their type while compiling. */
  upgrades: NodeUpgrade[];
}

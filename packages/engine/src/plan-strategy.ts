/** Strategies from graphs: compile a graph document (or take a compiled plan) and evaluate it per symbol. */
import {
  type CompiledPlan,
  type CompileError,
  compile,
  createEvaluator,
  formatCompileError,
} from "@tradegraph/nodes";
import type { StrategyFactory } from "./session.ts";

/** A graph that does not compile; `errors` keep the node, port or param of every problem. */
export class GraphCompileError extends Error {
  constructor(readonly errors: CompileError[]) {
    super(`the strategy graph does not compile:\n${errors.map(formatCompileError).join("\n")}`);
    this.name = "GraphCompileError";
  }
}

/** Compiles a graph document (any JSON); throws GraphCompileError listing every problem. */
export function compileGraph(graph: unknown): CompiledPlan {
  const result = compile(graph);
  if (!result.ok) throw new GraphCompileError(result.errors);
  return result.plan;
}

/**
 * Node types that read other symbols through the account's universe board: their values depend on the
 * order in which symbols are stepped, so the evaluator must run them bar by bar, never precomputed.
 */
const CROSS_SYMBOL_NODES = new Set(["data.pairRank"]);

/** The plan evaluator as the session's strategy: batch columns when given, streaming otherwise. */
export function planStrategy(plan: CompiledPlan): StrategyFactory {
  const crossSymbol = plan.nodes.some((node) => CROSS_SYMBOL_NODES.has(node.type));
  return (context) => {
    const options = {
      symbol: context.symbol,
      timeframeMs: context.timeframeMs,
      ...(context.candles ? { candles: context.candles } : {}),
      account: context.account,
      emit: context.emit,
      // Batch precompute runs market-data nodes over the whole history up front; not for cross-symbol nodes.
      ...(crossSymbol ? { precompute: false } : {}),
    };
    return createEvaluator(plan, options);
  };
}

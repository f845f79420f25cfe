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

/** The plan evaluator as the session's strategy: batch columns when given, streaming otherwise. */
export function planStrategy(plan: CompiledPlan): StrategyFactory {
  return (context) =>
    createEvaluator(plan, {
      symbol: context.symbol,
      timeframeMs: context.timeframeMs,
      ...(context.candles ? { candles: context.candles } : {}),
      account: context.account,
      emit: context.emit,
    });
}

import { type CompileError, compile, GRAPH_ERROR_NODE } from "@tradegraph/nodes";
import type { GraphDocument } from "./graph-document.ts";

/** One problem in the graph, placed on the node and port/param it belongs to. */
export interface GraphIssue {
  /** Undefined for problems of the graph as a whole. */
  nodeId?: string;
  port?: string;
  param?: string;
  code: string;
  message: string;
  /** Warnings describe an unfinished graph (nothing connected yet); errors are mistakes. */
  severity: "error" | "warning";
}

const UNFINISHED = new Set(["unreachable", "noOrderNode"]);

/**
 * Runs the same compiler as the server and runner, in the browser, on every change, so the canvas shows
 * exactly the errors a save or backtest would get.
 */
export function validateGraph(doc: GraphDocument): GraphIssue[] {
  const result = compile(doc);
  if (result.ok) return [];
  return result.errors.map((e: CompileError) => ({
    ...(e.nodeId !== GRAPH_ERROR_NODE ? { nodeId: e.nodeId } : {}),
    ...(e.port !== undefined ? { port: e.port } : {}),
    ...(e.param !== undefined ? { param: e.param } : {}),
    code: e.code,
    message: e.message,
    severity: UNFINISHED.has(e.code) ? "warning" : "error",
  }));
}

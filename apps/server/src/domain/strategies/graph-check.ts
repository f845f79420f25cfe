import { type GraphIssue, MAX_GRAPH_BYTES } from "@tradegraph/contracts";
import {
  type CompileError,
  compile,
  GRAPH_ERROR_NODE,
  type GraphDocument,
  graphDocumentSchema,
} from "@tradegraph/nodes";
import { AppError } from "../app-error.ts";

function toIssue(error: CompileError): GraphIssue {
  const issue: GraphIssue = {
    nodeId: error.nodeId === GRAPH_ERROR_NODE ? null : error.nodeId,
    message: error.message,
  };
  if (error.port !== undefined) issue.port = error.port;
  if (error.param !== undefined) issue.param = error.param;
  return issue;
}

function serialisedSize(input: unknown): string {
  try {
    const text = JSON.stringify(input);
    if (typeof text !== "string") throw new Error("not JSON");
    return text;
  } catch {
    // Cyclic, BigInt or absurdly deep values cannot be a graph document.
    throw new AppError("VALIDATION_FAILED", "The graph is not plain JSON data.");
  }
}

/**
 * Validates a graph with the compiler and returns the document to store (defaults applied). Throws
 * GRAPH_INVALID with node-level issues, or VALIDATION_FAILED for inputs that cannot be a graph at all.
 */
export function checkGraph(input: unknown): GraphDocument {
  const text = serialisedSize(input);
  if (text.length > MAX_GRAPH_BYTES) {
    throw new AppError(
      "VALIDATION_FAILED",
      `The graph is ${(text.length / 1e6).toFixed(1)} MB; the limit is ${MAX_GRAPH_BYTES / 1e6} MB.`,
    );
  }
  // PostgreSQL JSONB cannot hold the NUL character; no real graph needs it.
  if (text.includes("\\u0000")) {
    throw new AppError(
      "VALIDATION_FAILED",
      "The graph contains a NUL character, which is not allowed in text.",
    );
  }
  const result = compile(input);
  if (!result.ok) {
    const issues = result.errors.map(toIssue);
    const first = issues[0];
    const where = first?.nodeId
      ? `node "${first.nodeId}"${first.port ? ` port ${first.port}` : first.param ? ` parameter ${first.param}` : ""}: `
      : "";
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : "";
    throw new AppError(
      "GRAPH_INVALID",
      `The strategy graph is not valid: ${where}${first?.message ?? "unknown problem"}${more}.`,
      {
        graphIssues: issues,
      },
    );
  }
  return graphDocumentSchema.parse(input);
}

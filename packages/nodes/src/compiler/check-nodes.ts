import type { AnyNodeDefinition } from "../contract.ts";
import type { GraphNode } from "../graph/document.ts";
import type { CompileError } from "./errors.ts";

/** Validates a node's params with its zod schema; unknown keys are reported (a typo must not fall back to a default). */
export function parseParams(
  node: GraphNode,
  definition: AnyNodeDefinition,
  errors: CompileError[],
): Record<string, unknown> | undefined {
  const known = Object.keys(definition.params.shape);
  let ok = true;
  for (const key of Object.keys(node.params)) {
    if (!known.includes(key)) {
      ok = false;
      errors.push({
        nodeId: node.id,
        param: key,
        code: "invalidParam",
        message: `unknown parameter for ${definition.type}${known.length ? ` (known: ${known.join(", ")})` : ""}`,
      });
    }
  }
  const parsed = definition.params.safeParse(node.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      errors.push({
        nodeId: node.id,
        param: issue.path.map(String).join(".") || undefined,
        code: "invalidParam",
        message: issue.message,
      });
    }
    return undefined;
  }
  return ok ? (parsed.data as Record<string, unknown>) : undefined;
}

import type { AnyNodeDefinition } from "../contract.ts";
import type { GraphEdge } from "../graph/document.ts";
import { canConnect } from "../ports.ts";
import type { CompileError } from "./errors.ts";
import type { PlannedSource } from "./plan.ts";

/**
 * Checks every edge (nodes and ports exist, types connect with the editor's `canConnect`, one edge per
 * single input) and every required input. Returns each node's inputs as planned sources.
 */
export function wireInputs(
  edges: readonly GraphEdge[],
  definitions: ReadonlyMap<string, AnyNodeDefinition>,
  errors: CompileError[],
): Map<string, Record<string, PlannedSource[]>> {
  const wired = new Map<string, Record<string, PlannedSource[]>>();
  for (const id of definitions.keys()) wired.set(id, {});
  // Inputs with a connection that was rejected: already reported, so not also "not connected".
  const rejected = new Set<string>();

  for (const edge of edges) {
    const source = definitions.get(edge.from.node);
    const target = definitions.get(edge.to.node);
    if (!target) {
      if (source) {
        errors.push({
          nodeId: edge.from.node,
          port: edge.from.port,
          code: "unknownNode",
          message: `edge "${edge.id}" goes to node "${edge.to.node}", which does not exist`,
        });
      }
      continue;
    }
    if (!source) {
      rejected.add(`${edge.to.node}.${edge.to.port}`);
      errors.push({
        nodeId: edge.to.node,
        port: edge.to.port,
        code: "unknownNode",
        message: `edge "${edge.id}" comes from node "${edge.from.node}", which does not exist`,
      });
      continue;
    }
    const output = source.outputs[edge.from.port];
    const input = target.inputs[edge.to.port];
    if (!output) {
      errors.push({
        nodeId: edge.from.node,
        port: edge.from.port,
        code: "unknownPort",
        message: `${source.type} has no output "${edge.from.port}" (outputs: ${Object.keys(source.outputs).join(", ") || "none"})`,
      });
    }
    if (!input) {
      errors.push({
        nodeId: edge.to.node,
        port: edge.to.port,
        code: "unknownPort",
        message: `${target.type} has no input "${edge.to.port}" (inputs: ${Object.keys(target.inputs).join(", ") || "none"})`,
      });
    }
    if (!output || !input) {
      rejected.add(`${edge.to.node}.${edge.to.port}`);
      continue;
    }
    if (!canConnect(output.type, input.type)) {
      rejected.add(`${edge.to.node}.${edge.to.port}`);
      errors.push({
        nodeId: edge.to.node,
        port: edge.to.port,
        code: "incompatiblePorts",
        message: `expects ${input.type} but "${edge.from.node}.${edge.from.port}" gives ${output.type}`,
      });
      continue;
    }
    const inputs = wired.get(edge.to.node)!;
    const list = inputs[edge.to.port] ?? [];
    inputs[edge.to.port] = list;
    if (list.length > 0 && !input.multiple) {
      errors.push({
        nodeId: edge.to.node,
        port: edge.to.port,
        code: "tooManyEdges",
        message: `takes one connection but has several (from ${[...list, edge.from].map((s) => `${s.node}.${s.port}`).join(", ")})`,
      });
      continue;
    }
    list.push({ node: edge.from.node, port: edge.from.port });
  }

  for (const [id, definition] of definitions) {
    const inputs = wired.get(id)!;
    for (const [key, spec] of Object.entries(definition.inputs)) {
      if (!spec.required || (inputs[key]?.length ?? 0) > 0 || rejected.has(`${id}.${key}`)) continue;
      if (definition.emitsOrders === "entry" && spec.type === "risk") {
        errors.push({
          nodeId: id,
          port: key,
          code: "noRiskGate",
          message: "an entry must pass at least one risk gate: connect a risk gate's output here",
        });
      } else {
        errors.push({
          nodeId: id,
          port: key,
          code: "missingInput",
          message: `required input "${spec.label}" is not connected`,
        });
      }
    }
  }
  return wired;
}

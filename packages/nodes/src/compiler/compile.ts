import type { AnyNodeDefinition } from "../contract.ts";
import {
  GRAPH_FORMAT,
  GRAPH_FORMAT_VERSION,
  type GraphDocument,
  graphDocumentSchema,
} from "../graph/document.ts";
import { migrateDocument } from "../graph/migrate.ts";
import { nodeRegistry } from "../registry/default-registry.ts";
import type { NodeRegistry } from "../registry/registry.ts";
import { wireInputs } from "./check-edges.ts";
import { parseParams } from "./check-nodes.ts";
import { assignClocks } from "./clocks.ts";
import { type CompileError, GRAPH_ERROR_NODE } from "./errors.ts";
import { findCycle, nodesLeadingTo, topologicalOrder } from "./graph-order.ts";
import type { CompiledPlan, PlannedNode } from "./plan.ts";

export type CompileResult = { ok: true; plan: CompiledPlan } | { ok: false; errors: CompileError[] };

/**
 * Graph document (any JSON) + registry → a serialisable plan, or every error found, each naming the node
 * and the port or param. Pure: no I/O, no clock, same input → same output.
 */
export function compile(input: unknown, registry: NodeRegistry = nodeRegistry): CompileResult {
  const parsed = graphDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: documentErrors(input, parsed.error.issues) };
  const errors: CompileError[] = [];

  const seen = new Set<string>();
  for (const node of parsed.data.nodes) {
    if (seen.has(node.id)) {
      errors.push({ nodeId: node.id, code: "duplicateNodeId", message: "another node has the same id" });
    }
    seen.add(node.id);
  }
  if (errors.length > 0) return { ok: false, errors };

  const migrated = migrateDocument(parsed.data, registry);
  for (const problem of migrated.problems) errors.push(problem);
  const document: GraphDocument = migrated.document;

  const definitions = new Map<string, AnyNodeDefinition>();
  const params = new Map<string, Record<string, unknown>>();
  for (const node of document.nodes) {
    const definition = registry.get(node.type, node.version);
    if (!definition) continue; // reported by the migration step
    definitions.set(node.id, definition);
    const value = parseParams(node, definition, errors);
    if (value) params.set(node.id, value);
  }

  const knownIds = new Set(document.nodes.map((n) => n.id));
  const wiring = wireInputs(
    document.edges.filter((e) => knownIds.has(e.from.node) || knownIds.has(e.to.node)),
    definitions,
    errors,
  );
  for (const edge of document.edges) {
    if (!knownIds.has(edge.from.node) && !knownIds.has(edge.to.node)) {
      errors.push({
        nodeId: GRAPH_ERROR_NODE,
        code: "unknownNode",
        message: `edge "${edge.id}" connects nodes "${edge.from.node}" and "${edge.to.node}", neither of which exists`,
      });
    }
  }

  for (const [id, definition] of definitions) {
    const nodeParams = params.get(id);
    if (!definition.checkWiring || !nodeParams) continue;
    const connected = new Set(Object.keys(wiring.get(id)!).filter((key) => wiring.get(id)![key]!.length > 0));
    for (const problem of definition.checkWiring(nodeParams, connected)) {
      errors.push({
        nodeId: id,
        port: problem.port,
        param: problem.port ? undefined : problem.param,
        code: problem.port ? "missingInput" : "invalidParam",
        message: problem.message,
      });
    }
  }

  const ids = [...definitions.keys()];
  const { order, blocked } = topologicalOrder(ids, wiring);
  if (blocked.length > 0) {
    const cycle = findCycle(blocked, wiring);
    const onCycle = new Set(cycle);
    for (const id of cycle.slice(0, -1)) {
      errors.push({ nodeId: id, code: "cycle", message: `is part of a cycle: ${cycle.join(" → ")}` });
    }
    for (const id of blocked) {
      if (!onCycle.has(id)) {
        errors.push({ nodeId: id, code: "cycle", message: `depends on the cycle ${cycle.join(" → ")}` });
      }
    }
  }

  const orderNodeIds = ids.filter((id) => definitions.get(id)!.emitsOrders);
  if (orderNodeIds.length === 0) {
    errors.push({
      nodeId: GRAPH_ERROR_NODE,
      code: "noOrderNode",
      message: "the strategy has no order node: add an Enter long, Enter short or Exit node",
    });
  } else {
    const useful = nodesLeadingTo(orderNodeIds, wiring);
    for (const id of ids) {
      if (!useful.has(id)) {
        errors.push({
          nodeId: id,
          code: "unreachable",
          message: "does not lead to any order node: connect its output or remove it",
        });
      }
    }
    for (const id of orderNodeIds) {
      if (definitions.get(id)!.emitsOrders !== "entry") continue;
      const upstream = nodesLeadingTo([id], wiring);
      const hasGate = [...upstream].some((u) => definitions.get(u)?.category === "risk");
      const reported = errors.some((e) => e.nodeId === id && e.code === "noRiskGate");
      if (!hasGate && !reported) {
        errors.push({
          nodeId: id,
          code: "noRiskGate",
          message: "an entry must pass at least one risk gate upstream",
        });
      }
    }
  }

  const clocks = assignClocks(order, definitions, wiring, errors);
  if (errors.length > 0 || blocked.length > 0) return { ok: false, errors };

  const nodes: PlannedNode[] = order.map((id) => {
    const definition = definitions.get(id)!;
    const nodeParams = params.get(id)!;
    const clock = clocks.get(id)!;
    return {
      id,
      type: definition.type,
      version: definition.version,
      category: definition.category,
      params: nodeParams,
      inputs: wiring.get(id)!,
      clock: clock.clock,
      outputClock: clock.outputClock,
      clockNeutral: clock.clockNeutral,
      warmup: definition.warmup(nodeParams),
    };
  });
  const planClocks: CompiledPlan["clocks"] = {};
  for (const node of nodes) {
    const definition = definitions.get(node.id)!;
    if (definition.definesClock && definition.clockPeriodMs) {
      planClocks[node.id] = { periodMs: definition.clockPeriodMs(node.params) };
    }
  }
  return {
    ok: true,
    plan: {
      formatVersion: 1,
      name: document.name,
      nodes,
      orderNodeIds: order.filter((id) => definitions.get(id)!.emitsOrders),
      clocks: planClocks,
      upgrades: migrated.upgrades,
    },
  };
}

/** Maps zod issues on the document to errors on the node they concern, when the path says which. */
function documentErrors(
  input: unknown,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): CompileError[] {
  const doc = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const nodes = Array.isArray(doc.nodes) ? (doc.nodes as Record<string, unknown>[]) : [];
  return issues.map((issue) => {
    const [head, index, field, ...rest] = issue.path;
    if (head === "nodes" && typeof index === "number") {
      const id = nodes[index]?.id;
      const nodeId = typeof id === "string" && id.length > 0 ? id : `nodes[${index}]`;
      const where = [field, ...rest].map(String).join(".");
      return { nodeId, param: where || undefined, code: "invalidDocument" as const, message: issue.message };
    }
    const where = issue.path.map(String).join(".");
    const hint =
      head === "format" || head === "formatVersion"
        ? ` (expected format "${GRAPH_FORMAT}", formatVersion ${GRAPH_FORMAT_VERSION})`
        : "";
    return {
      nodeId: GRAPH_ERROR_NODE,
      param: where || undefined,
      code: "invalidDocument" as const,
      message: `${issue.message}${hint}`,
    };
  });
}

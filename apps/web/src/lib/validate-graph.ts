import { canConnect } from "@tradegraph/nodes";
import { findNodeType } from "./catalogue.ts";
import type { GraphDocument } from "./graph-document.ts";

/** One problem in the graph, placed on the node and port/param it belongs to (same shape as the compiler's). */
export interface GraphIssue {
  nodeId?: string;
  port?: string;
  param?: string;
  code: string;
  message: string;
}

/**
 * Checks the editor runs on every change, in the browser. They follow the compiler's rules for what can be
 * seen without running anything: unknown types, invalid params (zod's reason), missing required inputs,
 * incompatible or unknown ports, and several edges into one single input.
 */
export function validateGraph(doc: GraphDocument): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  const incoming = new Map<string, number>();
  for (const n of doc.nodes) {
    const def = findNodeType(n.type);
    if (!def) {
      issues.push({ nodeId: n.id, code: "unknownType", message: `unknown node type "${n.type}"` });
      continue;
    }
    const parsed = def.params.safeParse(n.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const param = String(issue.path[0] ?? "");
        issues.push({ nodeId: n.id, param, code: "invalidParam", message: `${param}: ${issue.message}` });
      }
    }
  }
  for (const e of doc.edges) {
    const source = nodes.get(e.from.node);
    const target = nodes.get(e.to.node);
    const sourceDef = source && findNodeType(source.type);
    const targetDef = target && findNodeType(target.type);
    if (!sourceDef || !targetDef) continue;
    const out = sourceDef.outputs[e.from.port];
    const input = targetDef.inputs[e.to.port];
    if (!out) {
      issues.push({
        nodeId: e.from.node,
        port: e.from.port,
        code: "unknownPort",
        message: `no output "${e.from.port}"`,
      });
      continue;
    }
    if (!input) {
      issues.push({
        nodeId: e.to.node,
        port: e.to.port,
        code: "unknownPort",
        message: `no input "${e.to.port}"`,
      });
      continue;
    }
    if (!canConnect(out.type, input.type))
      issues.push({
        nodeId: e.to.node,
        port: e.to.port,
        code: "incompatiblePorts",
        message: `${input.label} takes ${input.type}, got ${out.type} from ${e.from.node}`,
      });
    const key = `${e.to.node}\u0000${e.to.port}`;
    const count = (incoming.get(key) ?? 0) + 1;
    incoming.set(key, count);
    if (count === 2 && !input.multiple)
      issues.push({
        nodeId: e.to.node,
        port: e.to.port,
        code: "multipleEdges",
        message: `${input.label} accepts one connection`,
      });
  }
  for (const n of doc.nodes) {
    const def = findNodeType(n.type);
    if (!def) continue;
    for (const [key, port] of Object.entries(def.inputs)) {
      if (port.required && !incoming.has(`${n.id}\u0000${key}`))
        issues.push({
          nodeId: n.id,
          port: key,
          code: "missingInput",
          message: `${port.label} is not connected`,
        });
    }
  }
  return issues;
}

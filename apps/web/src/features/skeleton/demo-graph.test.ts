import { canConnect, catalog } from "@tradegraph/nodes";
import { describe, expect, it } from "vitest";
import { buildDemoGraph } from "./demo-graph.ts";

describe("buildDemoGraph", () => {
  const { nodes, edges } = buildDemoGraph(catalog);

  it("starts from the candles node and uses only real catalogue types", () => {
    const known = new Set(catalog.map((d) => d.type));
    expect(nodes[0]?.data.type).toBe("data.candles");
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) expect(known.has(node.data.type)).toBe(true);
  });

  it("wires only ports the compiler accepts, each input at most once", () => {
    expect(edges.length).toBeGreaterThan(1);
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const inputsUsed = new Set<string>();
    for (const edge of edges) {
      const output = byId.get(edge.source)?.data.outputs.find((p) => p.key === edge.sourceHandle);
      const input = byId.get(edge.target)?.data.inputs.find((p) => p.key === edge.targetHandle);
      expect(output && input && canConnect(output.type, input.type)).toBe(true);
      const key = `${edge.target}.${edge.targetHandle}`;
      expect(inputsUsed.has(key)).toBe(false);
      inputsUsed.add(key);
    }
  });

  it("keeps node data plain JSON (no functions inside React Flow data)", () => {
    expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes);
  });
});

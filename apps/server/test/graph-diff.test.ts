import { describe, expect, it } from "vitest";
import { diffGraphs } from "../src/domain/strategies/graph-diff.ts";
import { smaCrossover } from "./fixtures/graphs.ts";

describe("diff between two graph versions", () => {
  it("reports nothing for identical graphs", () => {
    const diff = diffGraphs(smaCrossover(), smaCrossover());
    expect(diff).toEqual({
      nodesAdded: [],
      nodesRemoved: [],
      nodesChanged: [],
      edgesAdded: [],
      edgesRemoved: [],
      onlyLayout: true,
    });
  });

  it("reports a changed parameter with its before and after values", () => {
    const diff = diffGraphs(smaCrossover(20, 50), smaCrossover(10, 50));
    expect(diff.nodesChanged).toEqual([
      {
        nodeId: "fast",
        type: "indicator.sma",
        params: [{ key: "period", before: 20, after: 10 }],
        moved: false,
      },
    ]);
    expect(diff.onlyLayout).toBe(false);
  });

  it("reports added and removed nodes and edges, matching edges by their endpoints", () => {
    const before = smaCrossover();
    const after = smaCrossover();
    after.nodes = after.nodes.filter((n) => n.id !== "target");
    after.edges = after.edges.filter((e) => e.from.node !== "target");
    after.nodes.push({
      id: "trail",
      type: "order.trailingStop",
      version: 1,
      params: { percent: 2 },
      position: { x: 0, y: 300 },
    });
    after.edges.push({
      id: "e-new",
      from: { node: "trail", port: "rule" },
      to: { node: "long", port: "exits" },
    });
    // Same connection under a new edge id is not a change.
    after.edges = after.edges.map((e) => (e.id === "e1" ? { ...e, id: "renamed" } : e));
    const diff = diffGraphs(before, after);
    expect(diff.nodesAdded).toEqual([{ nodeId: "trail", type: "order.trailingStop" }]);
    expect(diff.nodesRemoved).toEqual([{ nodeId: "target", type: "order.takeProfit" }]);
    expect(diff.edgesAdded).toEqual([{ id: "e-new", from: "trail.rule", to: "long.exits" }]);
    expect(diff.edgesRemoved).toEqual([{ id: expect.any(String), from: "target.rule", to: "long.exits" }]);
  });

  it("treats a moved node as layout only", () => {
    const after = smaCrossover();
    after.nodes[0]!.position = { x: 999, y: 5 };
    const diff = diffGraphs(smaCrossover(), after);
    expect(diff.nodesChanged).toEqual([{ nodeId: "candles", type: "data.candles", params: [], moved: true }]);
    expect(diff.onlyLayout).toBe(true);
  });
});

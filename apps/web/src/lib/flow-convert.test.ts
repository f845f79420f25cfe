import { describe, expect, it } from "vitest";
import { cloneSubgraph, edgeId, fromFlow, newNodeId, toFlow } from "./flow-convert.ts";
import type { GraphDocument } from "./graph-document.ts";
import { parseGraphDocument } from "./graph-document.ts";

const doc: GraphDocument = {
  format: "tradegraph.graph",
  formatVersion: 1,
  name: "SMA cross",
  nodes: [
    { id: "candles_1", type: "data.candles", version: 1, params: {}, position: { x: 0, y: 0 } },
    {
      id: "sma_1",
      type: "indicator.sma",
      version: 1,
      params: { period: 20 },
      position: { x: 300, y: 40 },
      label: "Fast",
    },
  ],
  edges: [{ id: "e1", from: { node: "candles_1", port: "candles" }, to: { node: "sma_1", port: "source" } }],
};

describe("graph ↔ React Flow conversion", () => {
  it("round-trips a document exactly", () => {
    const { nodes, edges } = toFlow(doc);
    expect(fromFlow({ name: doc.name }, nodes, edges)).toEqual(doc);
  });

  it("uses port keys as handle ids and keeps node data plain JSON", () => {
    const { nodes, edges } = toFlow(doc);
    expect(edges[0]).toMatchObject({
      source: "candles_1",
      sourceHandle: "candles",
      target: "sma_1",
      targetHandle: "source",
    });
    expect(JSON.parse(JSON.stringify(nodes[1]?.data))).toEqual(nodes[1]?.data);
    expect(nodes[1]?.type).toBe("graph");
  });

  it("rounds dragged positions to whole pixels", () => {
    const { nodes, edges } = toFlow(doc);
    const moved = nodes.map((n) => ({ ...n, position: { x: n.position.x + 0.4, y: n.position.y + 10.6 } }));
    expect(fromFlow({ name: "x" }, moved, edges).nodes[1]?.position).toEqual({ x: 300, y: 51 });
  });
});

describe("node ids and copies", () => {
  it("picks the first free id from the type name", () => {
    expect(newNodeId("indicator.sma", new Set(["sma_1", "sma_2"]))).toBe("sma_3");
    expect(newNodeId("data.candles", new Set())).toBe("candles_1");
  });

  it("clones a selection with fresh ids, shifted, keeping only inner edges", () => {
    const copy = cloneSubgraph(doc.nodes, doc.edges, new Set(["candles_1", "sma_1"]), { x: 40, y: 40 });
    expect(copy.nodes.map((n) => n.id)).toEqual(["candles_2", "sma_2"]);
    expect(copy.nodes[1]?.position).toEqual({ x: 340, y: 80 });
    expect(copy.nodes[1]?.params).toEqual({ period: 20 });
    expect(copy.nodes[1]?.params).not.toBe(doc.nodes[1]?.params);
    expect(copy.edges).toEqual([
      {
        id: edgeId({ from: { node: "candles_2", port: "candles" }, to: { node: "sma_2", port: "source" } }),
        from: { node: "candles_2", port: "candles" },
        to: { node: "sma_2", port: "source" },
      },
    ]);
    const alone = cloneSubgraph([doc.nodes[1]!], doc.edges, new Set(["candles_1", "sma_1"]), { x: 0, y: 0 });
    expect(alone.edges).toEqual([]);
  });
});

describe("parseGraphDocument", () => {
  it("accepts a saved document", () => {
    expect(parseGraphDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
  });

  it("names what is wrong", () => {
    expect(() => parseGraphDocument({ formatVersion: 1 })).toThrow(/nodes/);
    expect(() => parseGraphDocument("x")).toThrow(/JSON object/);
    expect(() => parseGraphDocument({ ...doc, formatVersion: 2 })).toThrow(/formatVersion 2/);
    expect(() =>
      parseGraphDocument({ ...doc, edges: [{ from: { node: "a" }, to: { node: "b", port: "x" } }] }),
    ).toThrow("edges[0].from needs node and port.");
  });
});

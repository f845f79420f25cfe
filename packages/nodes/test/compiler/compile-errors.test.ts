import { describe, expect, it } from "vitest";
import { type CompileError, compile, formatCompileError, type GraphDocument } from "../../src/index.ts";
import { momentumStrategy } from "../helpers.ts";

function errorsOf(document: unknown): CompileError[] {
  const result = compile(document);
  if (result.ok) throw new Error("expected the graph to be rejected");
  return result.errors;
}

function edit(change: (doc: GraphDocument) => void): GraphDocument {
  const doc = momentumStrategy();
  change(doc);
  return doc;
}

const node = (doc: GraphDocument, id: string) => doc.nodes.find((n) => n.id === id)!;

describe("compile errors name the node, the port or param, and the reason", () => {
  it("accepts the reference strategy", () => {
    expect(compile(momentumStrategy()).ok).toBe(true);
  });

  it("rejects a document that is not a graph", () => {
    const errors = errorsOf({ format: "something", nodes: [] });
    expect(errors[0]).toMatchObject({ nodeId: "graph", code: "invalidDocument" });
    expect(errors.map(formatCompileError).join("\n")).toContain("graph.format");
  });

  it("rejects duplicate node ids", () => {
    const errors = errorsOf(edit((d) => d.nodes.push({ ...node(d, "close") })));
    expect(errors).toEqual([expect.objectContaining({ nodeId: "close", code: "duplicateNodeId" })]);
  });

  it("rejects an unknown node type", () => {
    const errors = errorsOf(edit((d) => (node(d, "closeAgo").type = "math.teleport")));
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: "closeAgo", code: "unknownType" }));
  });

  it("rejects an unknown node version", () => {
    const errors = errorsOf(edit((d) => (node(d, "closeAgo").version = 7)));
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: "closeAgo", code: "unknownVersion" }));
  });

  it("rejects an invalid param with the zod reason", () => {
    const errors = errorsOf(edit((d) => (node(d, "closeAgo").params = { bars: 0 })));
    expect(errors).toEqual([
      expect.objectContaining({ nodeId: "closeAgo", param: "bars", code: "invalidParam" }),
    ]);
    expect(formatCompileError(errors[0]!)).toMatch(/^closeAgo\.bars: .*>=1/);
  });

  it("rejects a param of the wrong type and an unknown param name", () => {
    const errors = errorsOf(edit((d) => (node(d, "close").params = { field: "closing", colour: "red" })));
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "close", param: "field", code: "invalidParam" }),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "close", param: "colour", code: "invalidParam" }),
    );
  });

  it("rejects a missing required input", () => {
    const errors = errorsOf(
      edit((d) => (d.edges = d.edges.filter((e) => !(e.to.node === "up" && e.to.port === "a")))),
    );
    expect(errors).toEqual([expect.objectContaining({ nodeId: "up", port: "a", code: "missingInput" })]);
  });

  it("rejects incompatible port types with the same canConnect as the editor", () => {
    const errors = errorsOf(
      edit((d) => {
        const edge = d.edges.find((e) => e.to.node === "up" && e.to.port === "a")!;
        edge.from = { node: "candles", port: "candles" };
      }),
    );
    expect(errors).toEqual([expect.objectContaining({ nodeId: "up", port: "a", code: "incompatiblePorts" })]);
    expect(errors[0]!.message).toContain("expects number but");
  });

  it("rejects an edge from an unknown node", () => {
    const errors = errorsOf(
      edit((d) => (d.edges.find((e) => e.to.node === "up" && e.to.port === "a")!.from.node = "ghost")),
    );
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: "up", port: "a", code: "unknownNode" }));
  });

  it("rejects an edge to an unknown port", () => {
    const errors = errorsOf(
      edit((d) => (d.edges.find((e) => e.to.node === "up" && e.to.port === "a")!.to.port = "left")),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "up", port: "left", code: "unknownPort" }),
    );
  });

  it("rejects an edge from an unknown output port", () => {
    const errors = errorsOf(
      edit((d) => (d.edges.find((e) => e.to.node === "up" && e.to.port === "a")!.from.port = "price")),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "close", port: "price", code: "unknownPort" }),
    );
  });

  it("rejects two edges into one single input", () => {
    const errors = errorsOf(
      edit((d) =>
        d.edges.push({
          id: "extra",
          from: { node: "closeAgo", port: "value" },
          to: { node: "up", port: "a" },
        }),
      ),
    );
    expect(errors).toEqual([expect.objectContaining({ nodeId: "up", port: "a", code: "tooManyEdges" })]);
  });

  it("rejects a cycle and names it", () => {
    const errors = errorsOf(
      edit((d) => {
        d.nodes.push({
          id: "sum",
          type: "math.arithmetic",
          version: 1,
          params: {},
          position: { x: 0, y: 0 },
        });
        d.edges = d.edges.filter((e) => !(e.to.node === "closeAgo"));
        d.edges.push({ id: "c1", from: { node: "closeAgo", port: "value" }, to: { node: "sum", port: "a" } });
        d.edges.push({
          id: "c2",
          from: { node: "sum", port: "value" },
          to: { node: "closeAgo", port: "source" },
        });
      }),
    );
    const cycle = errors.filter((e) => e.code === "cycle");
    expect(cycle.map((e) => e.nodeId).sort()).toEqual(["closeAgo", "down", "exit", "long", "sum", "up"]);
    expect(cycle.find((e) => e.nodeId === "sum")?.message).toMatch(
      /part of a cycle: (sum → closeAgo → sum|closeAgo → sum → closeAgo)/,
    );
  });

  it("rejects an entry without a risk gate upstream", () => {
    const errors = errorsOf(
      edit((d) => (d.edges = d.edges.filter((e) => !(e.to.node === "long" && e.to.port === "risk")))),
    );
    expect(errors).toContainEqual(
      expect.objectContaining({ nodeId: "long", port: "risk", code: "noRiskGate" }),
    );
  });

  it("rejects nodes that lead to no order node", () => {
    const errors = errorsOf(
      edit((d) =>
        d.nodes.push({ id: "lonely", type: "data.price", version: 1, params: {}, position: { x: 0, y: 0 } }),
      ),
    );
    expect(errors).toContainEqual(expect.objectContaining({ nodeId: "lonely", code: "unreachable" }));
  });

  it("rejects a graph with no order node", () => {
    const errors = errorsOf(
      edit((d) => {
        d.nodes = d.nodes.filter((n) => n.type === "data.candles");
        d.edges = [];
      }),
    );
    expect(errors).toEqual([expect.objectContaining({ nodeId: "graph", code: "noOrderNode" })]);
  });

  it("rejects an ATR stop without its ATR input (cross-check of params and wiring)", () => {
    const errors = errorsOf(edit((d) => (node(d, "stop").params = { mode: "atr", atrMultiple: 2 })));
    expect(errors).toEqual([expect.objectContaining({ nodeId: "stop", port: "atr", code: "missingInput" })]);
  });

  it("rejects a higher-timeframe view of a higher-timeframe view", () => {
    const errors = errorsOf(
      edit((d) => {
        d.nodes.push({
          id: "h4",
          type: "data.higherTimeframe",
          version: 1,
          params: { timeframe: "4h" },
          position: { x: 0, y: 0 },
        });
        d.nodes.push({
          id: "d1",
          type: "data.higherTimeframe",
          version: 1,
          params: { timeframe: "1d" },
          position: { x: 0, y: 0 },
        });
        d.edges.push({
          id: "h1",
          from: { node: "candles", port: "candles" },
          to: { node: "h4", port: "candles" },
        });
        d.edges.push({
          id: "h2",
          from: { node: "h4", port: "candles" },
          to: { node: "d1", port: "candles" },
        });
        d.edges.find((e) => e.to.node === "close")!.from = { node: "d1", port: "candles" };
      }),
    );
    expect(errors).toEqual([expect.objectContaining({ nodeId: "d1", code: "clockMismatch" })]);
  });

  it("reports every problem at once, not just the first", () => {
    const errors = errorsOf(
      edit((d) => {
        node(d, "closeAgo").params = { bars: -1 };
        node(d, "stop").params = { percent: 0 };
        d.edges.push({
          id: "extra",
          from: { node: "closeAgo", port: "value" },
          to: { node: "up", port: "a" },
        });
      }),
    );
    expect(errors.map((e) => `${e.nodeId}:${e.code}`).sort()).toEqual([
      "closeAgo:invalidParam",
      "stop:invalidParam",
      "up:tooManyEdges",
    ]);
  });
});

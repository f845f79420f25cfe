// @vitest-environment node
import { describe, expect, it } from "vitest";
import { smaCrossStrategy } from "../../testing/sample-graphs.ts";
import { EditorStore } from "./editor-store.ts";

describe("EditorStore", () => {
  it("shows the compiler's error on the node and port it belongs to, and clears it when fixed", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    expect(store.getState().issues).toEqual([]);
    store.setParam("sma_1", "period", 0);
    expect(store.issuesOf("sma_1")).toEqual([
      expect.objectContaining({ param: "period", code: "invalidParam", severity: "error" }),
    ]);
    store.setParam("sma_1", "period", 14);
    expect(store.getState().issues).toEqual([]);
  });

  it("undoes and redoes a drop, a connection and a param edit", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    const before = store.document();
    const id = store.addNode("indicator.ema", { x: 10, y: 10 });
    expect(id).toBe("ema_1");
    store.connect({ source: "price_1", sourceHandle: "value", target: "ema_1", targetHandle: "source" });
    expect(store.document().edges).toHaveLength(before.edges.length + 1);
    store.undo();
    expect(store.document().edges).toHaveLength(before.edges.length);
    store.undo();
    expect(store.document()).toEqual(before);
    expect(store.getState().canUndo).toBe(false);
    store.redo();
    store.redo();
    expect(store.document().nodes.map((n) => n.id)).toContain("ema_1");
    expect(store.getState().canRedo).toBe(false);
  });

  it("connecting into a single input replaces its old edge", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    store.addNode("indicator.ema", { x: 0, y: 0 });
    store.connect({ source: "price_1", sourceHandle: "value", target: "ema_1", targetHandle: "source" });
    store.connect({ source: "ema_1", sourceHandle: "value", target: "crossOver_1", targetHandle: "b" });
    const intoB = store.document().edges.filter((e) => e.to.node === "crossOver_1" && e.to.port === "b");
    expect(intoB).toEqual([expect.objectContaining({ from: { node: "ema_1", port: "value" } })]);
  });

  it("duplicates the selection with its inner edges, then deletes it again", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    store.selectOnly("price_1");
    store.onNodesChange([{ type: "select", id: "sma_1", selected: true }]);
    expect(store.duplicateSelection()).toBe(2);
    const doc = store.document();
    expect(doc.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["price_2", "sma_2"]));
    expect(doc.edges).toContainEqual(
      expect.objectContaining({
        from: { node: "price_2", port: "value" },
        to: { node: "sma_2", port: "source" },
      }),
    );
    const copy = doc.nodes.find((n) => n.id === "sma_2")!;
    expect(copy.position).toEqual({ x: 540, y: 120 });
    store.deleteSelected();
    expect(store.document().nodes.map((n) => n.id)).not.toContain("sma_2");
    expect(store.document().edges.some((e) => e.to.node === "sma_2" || e.from.node === "price_2")).toBe(
      false,
    );
  });

  it("copy and paste twice do not stack copies on the same spot", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    store.selectOnly("sma_1");
    store.copySelection();
    store.paste();
    store.paste();
    const positions = store
      .document()
      .nodes.filter((n) => n.type === "indicator.sma")
      .map((n) => n.position);
    expect(positions).toEqual([
      { x: 500, y: 80 },
      { x: 540, y: 120 },
      { x: 580, y: 160 },
    ]);
  });

  it("auto-layout moves nodes left to right along the edges", () => {
    const store = new EditorStore(smaCrossStrategy(20));
    store.layout(new Map());
    const x = (id: string) => store.document().nodes.find((n) => n.id === id)!.position.x;
    expect(x("candles_1")).toBeLessThan(x("price_1"));
    expect(x("price_1")).toBeLessThan(x("sma_1"));
    expect(x("sma_1")).toBeLessThan(x("crossOver_1"));
    expect(x("crossOver_1")).toBeLessThan(x("enterLong_1"));
    store.undo();
    expect(x("sma_1")).toBe(500);
  });
});

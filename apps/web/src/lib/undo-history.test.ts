import { describe, expect, it } from "vitest";
import { UndoHistory } from "./undo-history.ts";

describe("UndoHistory", () => {
  it("walks back and forth through recorded states", () => {
    const h = new UndoHistory<string>();
    h.record("a");
    h.record("b");
    expect(h.undo("c")).toBe("b");
    expect(h.undo("b")).toBe("a");
    expect(h.undo("a")).toBeUndefined();
    expect(h.redo("a")).toBe("b");
    expect(h.redo("b")).toBe("c");
    expect(h.redo("c")).toBeUndefined();
  });

  it("drops the redo branch when a new change is recorded after an undo", () => {
    const h = new UndoHistory<string>();
    h.record("a");
    expect(h.undo("b")).toBe("a");
    expect(h.canRedo).toBe(true);
    h.record("a");
    expect(h.canRedo).toBe(false);
  });

  it("forgets the oldest states beyond its limit", () => {
    const h = new UndoHistory<number>(3);
    for (let i = 0; i < 5; i++) h.record(i);
    expect(h.undo(5)).toBe(4);
    expect(h.undo(4)).toBe(3);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBeUndefined();
  });
});

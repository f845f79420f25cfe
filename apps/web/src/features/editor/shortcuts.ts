/** Keyboard shortcuts of the canvas; the help dialog lists this same table. */
export const SHORTCUTS: { keys: string[]; action: string }[] = [
  { keys: ["Ctrl", "Z"], action: "Undo" },
  { keys: ["Ctrl", "Shift", "Z"], action: "Redo (also Ctrl+Y)" },
  { keys: ["Ctrl", "C"], action: "Copy selected nodes" },
  { keys: ["Ctrl", "V"], action: "Paste" },
  { keys: ["Ctrl", "D"], action: "Duplicate selected nodes" },
  { keys: ["Ctrl", "A"], action: "Select all nodes" },
  { keys: ["Delete"], action: "Delete selected nodes and edges (also Backspace)" },
  { keys: ["Shift", "drag"], action: "Box-select several nodes" },
  { keys: ["Ctrl", "click"], action: "Add a node to the selection" },
  { keys: ["L"], action: "Auto-layout the graph left to right" },
  { keys: ["F"], action: "Fit the whole graph in view" },
  { keys: ["?"], action: "Show this help" },
];

export type ShortcutAction =
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "selectAll"
  | "layout"
  | "fitView"
  | "help";

/** Maps a key event to an editor action; typing in a form field never triggers one. */
export function shortcutFor(event: KeyboardEvent): ShortcutAction | undefined {
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)))
    return undefined;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === "z") return event.shiftKey ? "redo" : "undo";
  if (mod && key === "y") return "redo";
  if (mod && key === "c") return "copy";
  if (mod && key === "v") return "paste";
  if (mod && key === "d") return "duplicate";
  if (mod && key === "a") return "selectAll";
  if (mod || event.altKey) return undefined;
  if (key === "l") return "layout";
  if (key === "f") return "fitView";
  if (event.key === "?") return "help";
  return undefined;
}

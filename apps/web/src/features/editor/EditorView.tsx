import { useComputedColorScheme } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { ReactFlowProvider, useReactFlow, useStoreApi } from "@xyflow/react";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { NodeSize } from "../../lib/auto-layout.ts";
import { EditorToolbar } from "./EditorToolbar.tsx";
import classes from "./EditorView.module.css";
import type { EditorStore } from "./editor-store.ts";
import { downloadGraph, readGraphFile } from "./graph-files.ts";
import { Inspector } from "./Inspector.tsx";
import { Palette } from "./Palette.tsx";
import { ShortcutsDialog } from "./ShortcutsDialog.tsx";
import { StrategyCanvas } from "./StrategyCanvas.tsx";
import type { ShortcutAction } from "./shortcuts.ts";
import { EditorStoreContext } from "./store-context.ts";

export interface EditorViewProps {
  store: EditorStore;
  /** Page-level buttons at the right of the toolbar (Save, Backtest). */
  actions?: ReactNode;
  /** Shown instead of the inspector when set (e.g. backtest results beside the canvas). */
  sidePanel?: ReactNode;
  /** Width of the side panel when shown. */
  sidePanelWidth?: number;
}

/** Palette | canvas | inspector (or a side panel such as results), with the editor toolbar on top. */
export function EditorView(props: EditorViewProps) {
  return (
    <EditorStoreContext.Provider value={props.store}>
      <ReactFlowProvider>
        <EditorLayout {...props} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

function EditorLayout({ store, actions, sidePanel, sidePanelWidth = 320 }: EditorViewProps) {
  const scheme = useComputedColorScheme("dark");
  const [helpOpen, setHelpOpen] = useState(false);
  const { fitView, screenToFlowPosition } = useReactFlow();
  // Read React Flow's measured sizes only when laying out: subscribing would re-render on every drag frame.
  const flowStore = useStoreApi();

  // When a side panel opens or changes width the canvas narrows: fit once, so no node sits under the panel.
  const panelWidth = sidePanel ? sidePanelWidth : null;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (panelWidth === null) return;
    // Two frames: React Flow measures its new size (ResizeObserver) after the first one.
    let frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => fitView({ padding: 0.15 }));
    });
    return () => cancelAnimationFrame(frame);
  }, [panelWidth, fitView]);

  const layout = useCallback(() => {
    const sizes = new Map<string, NodeSize>();
    for (const [id, n] of flowStore.getState().nodeLookup) {
      if (n.measured.width && n.measured.height)
        sizes.set(id, { width: n.measured.width, height: n.measured.height });
    }
    store.layout(sizes);
    requestAnimationFrame(() => fitView({ padding: 0.15, duration: 200 }));
  }, [flowStore, store, fitView]);

  const addAtCentre = useCallback(
    (type: string) => {
      const canvas = document.querySelector(".react-flow")?.getBoundingClientRect();
      const centre = canvas
        ? screenToFlowPosition({
            x: canvas.left + canvas.width / 2 - 100,
            y: canvas.top + canvas.height / 2 - 40,
          })
        : { x: 0, y: 0 };
      store.addNode(type, centre);
    },
    [store, screenToFlowPosition],
  );

  const importFile = useCallback(
    async (file: File) => {
      try {
        const doc = await readGraphFile(file);
        store.load(doc);
        requestAnimationFrame(() => fitView({ padding: 0.15 }));
        notifications.show({
          color: "teal",
          message: `Imported ${doc.nodes.length} nodes from ${file.name}`,
        });
      } catch (error) {
        notifications.show({ color: "red", title: "Import failed", message: (error as Error).message });
      }
    },
    [store, fitView],
  );

  const onShortcut = useCallback(
    (action: ShortcutAction) => {
      switch (action) {
        case "undo":
          return store.undo();
        case "redo":
          return store.redo();
        case "copy":
          return void store.copySelection();
        case "paste":
          return void store.paste();
        case "duplicate":
          return void store.duplicateSelection();
        case "selectAll":
          return store.selectAll();
        case "layout":
          return layout();
        case "fitView":
          return void fitView({ padding: 0.15, duration: 200 });
        case "help":
          return setHelpOpen(true);
      }
    },
    [store, layout, fitView],
  );

  return (
    <div className={classes.root}>
      <EditorToolbar
        onLayout={layout}
        onFitView={() => fitView({ padding: 0.15, duration: 200 })}
        onHelp={() => setHelpOpen(true)}
        onExport={() => downloadGraph(store.document())}
        onImport={importFile}
        actions={actions}
      />
      <div className={classes.body}>
        <aside className={classes.palette}>
          <Palette onAdd={addAtCentre} />
        </aside>
        <main className={classes.canvas}>
          <StrategyCanvas colorMode={scheme} onShortcut={onShortcut} />
        </main>
        <aside className={classes.side} style={{ width: panelWidth ?? 300 }}>
          {sidePanel ?? <Inspector />}
        </aside>
      </div>
      <ShortcutsDialog opened={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

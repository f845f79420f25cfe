import "@mantine/core/styles.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { EditorView } from "../src/features/editor/EditorView.tsx";
import { EditorStore } from "../src/features/editor/editor-store.ts";
import { largeStrategy } from "./large-graph.ts";

// The page exposes the store so the benchmark can time edits the way the inspector makes them.
const doc = largeStrategy();
const t0 = performance.now();
const store = new EditorStore(doc);
const storeMs = performance.now() - t0;
Object.assign(window, {
  benchStore: store,
  benchNodeCount: doc.nodes.length,
  benchStoreMs: storeMs,
  benchMountStart: t0,
});
createRoot(document.getElementById("root")!).render(
  <MantineProvider defaultColorScheme="dark">
    <div style={{ height: "100vh" }}>
      <EditorView store={store} />
    </div>
  </MantineProvider>,
);

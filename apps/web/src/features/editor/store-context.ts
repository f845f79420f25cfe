import { createContext, useContext } from "react";
import type { EditorStore } from "./editor-store.ts";

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error("useEditorStore must be used inside <EditorStoreContext.Provider>");
  return store;
}

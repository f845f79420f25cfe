import { useEffect } from "react";
import { saveDraft } from "../../lib/draft-storage.ts";
import type { EditorStore } from "./editor-store.ts";

/** Writes the canvas to localStorage shortly after every change, so a reload never loses work. */
export function useDraftPersistence(store: EditorStore, key: string, baseVersion?: number): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastRevision = store.getState().revision;
    const unsubscribe = store.subscribe(() => {
      const { revision } = store.getState();
      if (revision === lastRevision) return;
      lastRevision = revision;
      clearTimeout(timer);
      timer = setTimeout(() => {
        saveDraft(key, {
          graph: store.document(),
          savedAt: Date.now(),
          ...(baseVersion !== undefined ? { baseVersion } : {}),
        });
      }, 250);
    });
    // Flush on page hide so a reload right after an edit keeps it.
    const flush = () => saveDraft(key, { graph: store.document(), savedAt: Date.now() });
    window.addEventListener("pagehide", flush);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener("pagehide", flush);
    };
  }, [store, key, baseVersion]);
}

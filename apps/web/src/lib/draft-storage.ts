import { type GraphDocument, parseGraphDocument } from "./graph-document.ts";

/** Unsaved canvas state survives reloads: one draft per strategy (or "new") in localStorage. */
const PREFIX = "tradegraph.draft.";

export interface Draft {
  graph: GraphDocument;
  savedAt: number;
  /** The version the draft started from, so a restored draft can say what it is based on. */
  baseVersion?: number;
}

export function saveDraft(key: string, draft: Draft, storage: Storage = localStorage): void {
  try {
    storage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or disabled (private mode): the editor keeps working, only reload-survival is lost.
  }
}

export function loadDraft(key: string, storage: Storage = localStorage): Draft | undefined {
  const raw = storage.getItem(PREFIX + key);
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { graph: unknown; savedAt: number; baseVersion?: number };
    return {
      graph: parseGraphDocument(parsed.graph),
      savedAt: Number(parsed.savedAt),
      ...(parsed.baseVersion !== undefined ? { baseVersion: parsed.baseVersion } : {}),
    };
  } catch {
    return undefined;
  }
}

export function clearDraft(key: string, storage: Storage = localStorage): void {
  storage.removeItem(PREFIX + key);
}

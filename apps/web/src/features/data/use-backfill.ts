import type { BackfillView } from "@tradegraph/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";
import { type BackfillFormValues, isFinished, refusalMessage, toBackfillInput } from "./backfill-model.ts";

export type BackfillRunState =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "following"; view: BackfillView }
  | { kind: "refused"; error: string };

/**
 * Starts a backfill and follows it over data.backfillProgress (the runner reports through Redis);
 * `onChange` fires when it is queued and when it finishes, so lists and coverage can refresh.
 */
export function useBackfill(onChange: () => void) {
  const [state, setState] = useState<BackfillRunState>({ kind: "idle" });
  const subscription = useRef<{ unsubscribe(): void } | null>(null);
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  const follow = useCallback((first: BackfillView) => {
    subscription.current?.unsubscribe();
    setState({ kind: "following", view: first });
    subscription.current = trpc.data.backfillProgress.subscribe(
      { jobId: first.jobId },
      {
        onData: (view) => {
          setState({ kind: "following", view });
          if (isFinished(view)) {
            subscription.current?.unsubscribe();
            changed.current();
          }
        },
        onError: (error) => setState({ kind: "refused", error: readApiError(error).message }),
      },
    );
  }, []);

  const start = useCallback(
    async (values: BackfillFormValues) => {
      setState({ kind: "starting" });
      try {
        const view = await trpc.data.startBackfill.mutate(toBackfillInput(values));
        follow(view);
        changed.current();
      } catch (error) {
        setState({ kind: "refused", error: refusalMessage(readApiError(error)) });
      }
    },
    [follow],
  );

  return { state, start, follow };
}

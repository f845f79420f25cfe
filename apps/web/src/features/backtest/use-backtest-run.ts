import type { StartBacktestInput } from "@tradegraph/contracts";
import { useCallback, useEffect, useRef, useState } from "react";
import { readApiError } from "../../lib/api-error.ts";
import { trpc } from "../../lib/trpc.ts";

export type RunState =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "running"; runId: string; fraction: number; note?: string }
  | { kind: "failed"; runId?: string; error: string }
  | { kind: "succeeded"; runId: string; versionNumber: number };

/**
 * Starts a backtest and follows it over the server's subscription (progress comes from the runner process
 * through Redis). The finished state carries the run id; the result is loaded by whoever shows it.
 */
export function useBacktestRun() {
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const subscription = useRef<{ unsubscribe(): void } | null>(null);
  useEffect(() => () => subscription.current?.unsubscribe(), []);

  const follow = useCallback((runId: string, versionNumber: number) => {
    subscription.current?.unsubscribe();
    setState({ kind: "running", runId, fraction: 0, note: "queued" });
    subscription.current = trpc.backtests.watch.subscribe(
      { runId },
      {
        onData: (event) => {
          if (event.kind === "progress")
            setState({
              kind: "running",
              runId,
              fraction: event.fraction,
              ...(event.note ? { note: event.note } : {}),
            });
          else if (event.kind === "status")
            setState({ kind: "running", runId, fraction: event.fraction, note: event.status });
          else if (event.status === "succeeded") setState({ kind: "succeeded", runId, versionNumber });
          else
            setState({
              kind: "failed",
              runId,
              error: event.error ?? `The backtest ended as ${event.status}.`,
            });
        },
        onError: (error) => setState({ kind: "failed", runId, error: readApiError(error).message }),
      },
    );
  }, []);

  const start = useCallback(
    async (input: StartBacktestInput) => {
      setState({ kind: "starting" });
      try {
        const run = await trpc.backtests.start.mutate(input);
        follow(run.id, input.versionNumber);
      } catch (error) {
        setState({ kind: "failed", error: readApiError(error).message });
      }
    },
    [follow],
  );

  const cancel = useCallback(async () => {
    if (state.kind !== "running") return;
    await trpc.backtests.cancel.mutate({ runId: state.runId });
  }, [state]);

  return { state, start, follow, cancel };
}

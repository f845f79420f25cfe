import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { trpc } from "../../lib/trpc.ts";
import { staleAfterPush } from "./deployment-model.ts";

/** "live": pushes arrive (no polling needed); otherwise the dashboard polls until the stream is back. */
export type PushState = "connecting" | "live" | "lost";

/**
 * Follows `deployments.watch` (server-sent events fed by the runner through Redis) and refetches exactly
 * the lists a push says changed. On (re)subscribing everything is refetched, so nothing missed while
 * disconnected stays on screen.
 */
export function useDeploymentPush(deploymentId: string): PushState {
  const client = useQueryClient();
  const [state, setState] = useState<PushState>("connecting");
  useEffect(() => {
    setState("connecting");
    const subscription = trpc.deployments.watch.subscribe(
      { deploymentId },
      {
        onData: (push) => {
          if (push.kind === "subscribed") {
            setState("live");
            client.invalidateQueries({ queryKey: ["deployment", deploymentId] });
            client.invalidateQueries({ queryKey: ["deployments"] });
            return;
          }
          for (const record of staleAfterPush(push.what))
            client.invalidateQueries({ queryKey: ["deployment", deploymentId, record] });
          // The deployments list beside the detail shows the status too.
          client.invalidateQueries({ queryKey: ["deployments"] });
        },
        onConnectionStateChange: (change) => {
          if (change.state === "connecting") setState((s) => (s === "live" ? "connecting" : s));
        },
        onError: () => setState("lost"),
      },
    );
    return () => subscription.unsubscribe();
  }, [deploymentId, client]);
  return state;
}

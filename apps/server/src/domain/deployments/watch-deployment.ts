import { type DeploymentPush, deploymentEventsChannel } from "@tradegraph/contracts";
import type { Caller, ServerDeps } from "../deps.ts";
import { ownDeployment } from "./deployments.ts";

/** What a channel message says changed: the kinds of the events in it, or "mark" for a candle alone. */
function changedKinds(text: string): string[] {
  try {
    const events = JSON.parse(text) as unknown;
    if (!Array.isArray(events)) return ["unknown"];
    const kinds = events.map((e) => String((e as { kind?: unknown })?.kind ?? "unknown"));
    return kinds.length > 0 ? [...new Set(kinds)] : ["mark"];
  } catch {
    return ["unknown"];
  }
}

/**
 * Streams what the runner (another process) and the server's own commands publish about one deployment,
 * so the dashboard refetches on a push instead of polling. Someone else's deployment is NOT_FOUND before
 * anything is subscribed. One Redis subscriber connection per open stream, closed when the browser leaves.
 */
export async function* watchDeployment(
  deps: ServerDeps,
  caller: Caller,
  deploymentId: string,
  signal: AbortSignal | undefined,
): AsyncGenerator<DeploymentPush> {
  await ownDeployment(deps, caller, deploymentId);
  const channel = `${deps.redisPrefix}:${deploymentEventsChannel(deploymentId)}`;
  const subscriber = deps.redis.duplicate();
  const pending: string[][] = [];
  let wake: (() => void) | undefined;
  subscriber.on("message", (from: string, text: string) => {
    if (from !== channel) return;
    pending.push(changedKinds(text));
    wake?.();
  });
  const onAbort = () => wake?.();
  signal?.addEventListener("abort", onAbort);
  try {
    await subscriber.subscribe(channel);
    yield { kind: "subscribed", deploymentId };
    while (!signal?.aborted) {
      if (pending.length === 0) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        wake = undefined;
        continue;
      }
      // A burst of candles (catch-up after a restart) becomes one push.
      const what = [...new Set(pending.splice(0).flat())];
      yield { kind: "changed", deploymentId, what };
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    subscriber.disconnect();
  }
}

/** Announces a change the server itself made (a control command), on the same channel the runner uses. */
export async function announceDeploymentChange(deps: ServerDeps, deploymentId: string, kind: string) {
  await deps.redis.publish(
    `${deps.redisPrefix}:${deploymentEventsChannel(deploymentId)}`,
    JSON.stringify([{ kind }]),
  );
}

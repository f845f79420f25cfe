// A paper deployment run on candles from the exchange stub, as the deployment worker would start it.
import type { PrismaClient } from "@tradegraph/db";
import { createExchange } from "@tradegraph/market-data";
import type { ExchangeStub } from "@tradegraph/market-data/exchange-stub";
import type { DeploymentLoop } from "../../src/deployments/deployment-loop.ts";
import { runPaperDeployment } from "../../src/deployments/run-deployment.ts";

type PaperRunOptions = Parameters<typeof runPaperDeployment>[0];
type PaperRunExtras = Omit<PaperRunOptions, "prisma" | "deploymentId" | "exchange" | "signal">;

export interface PaperRun {
  /** Open times of the candles the run recorded, in order. */
  recorded: number[];
  /** Aborts the run and returns its loop. */
  stop: () => Promise<DeploymentLoop>;
}

/** Starts `runPaperDeployment` reading the stub, polling every 10 ms; `extra` adds or overrides options. */
export function runPaperOnStub(
  prisma: PrismaClient,
  deploymentId: string,
  stub: ExchangeStub,
  extra: PaperRunExtras = {},
): PaperRun {
  const recorded: number[] = [];
  const abort = new AbortController();
  const running = runPaperDeployment({
    prisma,
    deploymentId,
    exchange: createExchange("binance", stub.ccxtConfig()),
    signal: abort.signal,
    pollIntervalMs: 10,
    onCandleRecorded: (time) => recorded.push(time),
    ...extra,
  });
  const stop = () => {
    abort.abort();
    return running;
  };
  return { recorded, stop };
}

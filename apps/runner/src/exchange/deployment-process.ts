// One testnet/live deployment as its own OS process (used to prove crash safety: a SIGKILL at any point,
// then a restart, never loses or doubles an order). Settings come from the environment:
// DATABASE_URL, MODELS_DIR (ONNX model files, as in the runner), TG_DEPLOYMENT_ID, TG_EXCHANGE_URL
// (testnet endpoints base), TG_API_KEY, TG_API_SECRET,
// TG_AFTER (open time of the last candle already handled), TG_KILL_AFTER_SEND=1 (test only: SIGKILL this
// process right after the exchange accepted an order, before anything is recorded).
import { modelsDirFrom } from "@tradegraph/config";
import { createPrismaClient } from "@tradegraph/db";
import { installOnnxRuntime } from "@tradegraph/ml-onnx";
import { runExchangeDeployment } from "./run-exchange-deployment.ts";
import { createTradingExchange } from "./trading-exchange.ts";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (the deployment process needs it).`);
  return value;
}

installOnnxRuntime(modelsDirFrom(process.env));
const base = required("TG_EXCHANGE_URL");
const prisma = createPrismaClient(required("DATABASE_URL"));
const exchange = createTradingExchange({
  exchangeId: "binance",
  mode: "testnet",
  apiKey: required("TG_API_KEY"),
  secret: required("TG_API_SECRET"),
  urls: { public: `${base}/api/v3`, private: `${base}/api/v3`, v1: `${base}/api/v1` },
  config: { timeout: 2000 },
});
const abort = new AbortController();
process.on("SIGTERM", () => abort.abort());
await runExchangeDeployment({
  prisma,
  deploymentId: required("TG_DEPLOYMENT_ID"),
  exchange,
  signal: abort.signal,
  pollIntervalMs: 10,
  ...(process.env.TG_AFTER ? { after: Number(process.env.TG_AFTER) } : {}),
  retry: { baseDelayMs: 20 },
  onCandleRecorded: (time) => console.log(`recorded ${time}`),
  ...(process.env.TG_KILL_AFTER_SEND === "1"
    ? {
        afterSend: (id: string) => {
          console.log(`sent ${id}`);
          process.kill(process.pid, "SIGKILL");
        },
      }
    : {}),
});
await prisma.$disconnect();

// Loads the bundled real Binance candles (data/candles) into PostgreSQL so a fresh install can
// backtest offline. Idempotent: files already stored are skipped. Run by scripts/start.mjs.
import { applyDotEnv, ConfigError, loadConfig } from "@tradegraph/config";

applyDotEnv();
try {
  const config = loadConfig({ warn: () => {} });
  const marketData: Record<string, unknown> = await import("@tradegraph/market-data");
  const load = marketData["loadBundledCandles"];
  if (typeof load !== "function") {
    console.log("sample data: @tradegraph/market-data has no loadBundledCandles yet, skipping");
  } else {
    const started = Date.now();
    const result = await load(config.databaseUrl, {
      onProgress: (p: { file: { symbol: string; timeframe: string }; status: string; stored: number }) => {
        if (p.status === "imported")
          console.log(`sample data: ${p.file.symbol} ${p.file.timeframe} +${p.stored} candles`);
      },
    });
    const { files, imported, skipped } = result as { files: number; imported: number; skipped: number };
    console.log(
      `sample data: ${files} bundled files, ${imported} imported, ${skipped} already loaded (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : `sample data: ${(error as Error).message}`);
  process.exit(1);
}

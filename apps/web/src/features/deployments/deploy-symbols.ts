import type { DeploymentMode } from "@tradegraph/contracts";

/** What the symbols field says under the input, before submit (the server refuses the same cases). */
export function symbolsHint(
  mode: DeploymentMode,
  symbols: readonly string[],
): { error?: string; description: string } {
  const repeated = symbols.find((symbol, k) => symbols.indexOf(symbol) !== k);
  if (repeated !== undefined) {
    return { error: `${repeated} is listed twice; list each symbol once.`, description: "" };
  }
  if (mode === "paper") {
    return { description: "Up to 20 symbols; they share the paper cash, as in a portfolio backtest." };
  }
  const description = "Testnet and live deployments trade one symbol for now; deploy one per symbol.";
  return symbols.length > 1 ? { error: description, description: "" } : { description };
}

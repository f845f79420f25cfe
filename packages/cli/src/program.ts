import { Command } from "commander";
import { registerNodesCommand } from "./commands/nodes.ts";
import { registerValidateCommand } from "./commands/validate.ts";

/**
 * The `tradegraph` command. Commands that need the database or the engine are imported only when
 * they run (or for help), so `nodes` and `validate` start fast.
 */
export async function createProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command("tradegraph").description(
    "Tradegraph: visual crypto strategy builder (command line)",
  );
  const name = argv[2];
  const wants = (command: string) =>
    name === undefined || name === command || name === "help" || name.startsWith("-");
  registerNodesCommand(program);
  registerValidateCommand(program);
  if (wants("data")) (await import("./commands/data.ts")).registerDataCommand(program);
  if (wants("backtest")) (await import("./commands/backtest.ts")).registerBacktestCommand(program);
  return program;
}

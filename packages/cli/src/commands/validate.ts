/** `tradegraph validate <graph.json> [--json]`: compile a graph and report every error, one per line. */
import { readFile } from "node:fs/promises";
import { type CompileError, compile, formatCompileError } from "@tradegraph/nodes";
import type { Command } from "commander";
import { type CommandOutput, processOutput } from "../output.ts";

export async function validateCommand(
  file: string,
  options: { json?: boolean },
  output: CommandOutput = processOutput,
): Promise<number> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : (error as Error).message;
    const fileError: CompileError = {
      nodeId: "graph",
      code: "invalidDocument",
      message: `${file}: ${reason}`,
    };
    if (options.json) output.out(JSON.stringify({ valid: false, errors: [fileError] }, null, 2));
    else output.err(formatCompileError(fileError));
    return 1;
  }
  const result = compile(document);
  if (options.json) {
    output.out(
      JSON.stringify(
        result.ok
          ? { valid: true, errors: [], nodes: result.plan.nodes.length, upgrades: result.plan.upgrades }
          : { valid: false, errors: result.errors },
        null,
        2,
      ),
    );
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    for (const error of result.errors) output.err(formatCompileError(error));
    return 1;
  }
  const { plan } = result;
  for (const u of plan.upgrades)
    output.out(`${u.nodeId}: upgraded ${u.type} from version ${u.fromVersion} to ${u.toVersion}`);
  output.out(`valid: ${plan.nodes.length} nodes, ${plan.orderNodeIds.length} order nodes`);
  return 0;
}

export function registerValidateCommand(program: Command, output: CommandOutput = processOutput): void {
  program
    .command("validate")
    .description("Check a strategy graph file; prints one line per error (nodeId.portOrParam: reason)")
    .argument("<graph.json>", "graph document")
    .option("--json", "print { valid, errors } as JSON")
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await validateCommand(file, options, output);
    });
}
